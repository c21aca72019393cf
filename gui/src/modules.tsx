// The module half of the router, built at run time from the running modules' manifests
// (ModuleService.ListModules → ModuleInfo.pages): a page with a card template is drawn by the
// card renderer (cards.tsx, its own lazily loaded chunk with Adaptive Cards); any other is a
// hand-written page found here by "<module>.<name>". The shell (app.tsx) keeps the core pages.
// Inside a project, the user modules of its org (ListProjectModules: pages an org-admin's schema
// generates, all cards, under /p/:project/u/<module>/…) join them.
import type { ComponentType } from "preact";
import { match } from "./router";
import { t } from "./i18n";
import { modulePages, modulePagesError, loadModulePages, userModules, loadUserModules, pageTitle, type ModuleRoute } from "./state";
import { ErrorNote, Loading, lazyPage, PageTitle } from "./ui";

const Chat = lazyPage(() => import("./pages/chat").then((m) => m.Chat));
const Records = lazyPage(() => import("./pages/records").then((m) => m.Records));
const Surveys = lazyPage(() => import("./pages/surveys").then((m) => m.Surveys));
const Calls = lazyPage(() => import("./pages/video").then((m) => m.Calls));
const CardPage = lazyPage(() => import("./cards").then((m) => m.CardPage));

/** The hand-written pages, by "<module>.<page name>"; each gets the route's parameters. */
const HAND_WRITTEN: Record<string, ComponentType<any>> = {
  "records.records": Records,
  "records.entity": Records,
  "chat.chat": Chat,
  "chat.room": Chat,
  "survey.survey": Surveys,
  "video.call": Calls,
};

/** The declared page a path shows, with its parameters: the route with the fewest parameters
 * wins ("/p/:project/surveys/new" before "/p/:project/surveys/:survey" if both are declared). */
export function findPage(p: string): [ModuleRoute, Record<string, string>] | null {
  const params = (r: ModuleRoute) => r.page.route.split("/").filter((s) => s.startsWith(":")).length;
  const routes = [...(modulePages.value ?? [])].sort((a, b) => params(a) - params(b));
  for (const r of routes) {
    const m = match(r.page.route, p);
    if (m) return [r, m];
  }
  return null;
}

/** The navigation entries of the current project: its modules' pages marked `inNav`. */
export function navPages(project: string): { href: string; label: string }[] {
  return (modulePages.value ?? [])
    .filter((r) => r.page.inNav && /^\/p\/:project(\/[^:]*)?$/.test(r.page.route))
    .map((r) => ({ href: r.page.route.replace(":project", project), label: pageTitle(r.page) }));
}

/** A route under /p/:project/ that no running module declares (or whose hand-written page this
 * GUI does not have): this instance lacks the module. */
function NoModule() {
  return (
    <div>
      <PageTitle>{t("module-missing-title")}</PageTitle>
      <p>{t("module-missing")}</p>
      <p>
        <a href="/">{t("nav-home")}</a>
      </p>
    </div>
  );
}

/** Draws the module page for path `p` (a project's page the shell does not know itself). */
export function ModulePage({ path: p }: { path: string }) {
  if (modulePages.value === null) {
    const e = modulePagesError.value;
    return e ? <ErrorNote error={e} retry={() => void loadModulePages()} /> : <Loading />;
  }
  const found = findPage(p);
  if (!found) {
    // A user module's page is known once the project's user modules are.
    const u = match("/p/:project/u/*", p);
    const known = userModules.value;
    if (u && known?.project !== u.project) return <Loading />;
    if (u && known?.error) return <ErrorNote error={known.error} retry={() => void loadUserModules(u.project)} />;
    return <NoModule />;
  }
  const [r, params] = found;
  const key = `${r.user ? "u:" : ""}${r.module}.${r.page.name}`;
  if (r.page.card) return <CardPage key={`${key} ${JSON.stringify(params)}`} page={r.page} params={params} title={pageTitle(r.page)} />;
  const C = HAND_WRITTEN[key];
  if (!C) return <NoModule />;
  return <C key={params.project} {...params} />;
}
