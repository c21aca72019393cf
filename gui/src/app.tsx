// The app shell: header with the org and project switchers, navigation, the theme and language
// switches, the unreachable banner, and the core routes (heavy pages load lazily); the modules'
// pages come from their manifests (modules.tsx).
import type { ComponentType } from "preact";
import { Code, ConnectError } from "@connectrpc/connect";
import { useEffect, useRef, useState } from "preact/hooks";
import { account, api, hasSession, logOut, onSignedOutDo, unreachable, refreshTokens } from "./api";
import { AccountService } from "./gen/orbit/system/v1/account_service_pb";
import { SystemService } from "./gen/orbit/system/v1/system_service_pb";
import { path, navigate, match, here } from "./router";
import { t, lang, chosenLang, LANGUAGES, type Lang } from "./i18n";
import { theme, type Theme } from "./theme";
import { chooseLang, chooseTheme } from "./settings";
import {
  orgs,
  projects,
  orgId,
  projectId,
  currentOrg,
  currentProject,
  isOrgAdmin,
  isProjectAdmin,
  isSysAdmin,
  loadOrgs,
  selectOrg,
  selectProject,
  resetState,
  tick,
  loadModulePages,
  loadUserModules,
  orgRoleOf,
  projectHome,
} from "./state";
import { ModulePage, navPages } from "./modules";
import { LogIn, SignUp, Setup, AccountPage, ResetPassword } from "./pages/auth";
import { Home, CreateOrg, CreateProject, OrgMembers, ProjectMembers } from "./pages/org";
import { ApiKeys, Audit } from "./pages/keys";
import { Loading, ErrorNote, lazyPage, sharedFrom } from "./ui";

const Admin = lazyPage(() => import("./pages/admin").then((m) => m.Admin));
const OrgSettings = lazyPage(() => import("./pages/settings").then((m) => m.OrgSettings));
const ProjectSettings = lazyPage(() => import("./pages/settings").then((m) => m.ProjectSettings));
const Accounts = lazyPage(() => import("./pages/settings").then((m) => m.Accounts));
const Views = lazyPage(() => import("./pages/views").then((m) => m.Views));
const Federation = lazyPage(() => import("./pages/federation").then((m) => m.Federation));
const UserModules = lazyPage(() => import("./pages/usermodules").then((m) => m.UserModules));
const UserModuleDetail = lazyPage(() => import("./pages/usermodules").then((m) => m.UserModuleDetail));

const PUBLIC = ["/login", "/signup", "/setup", "/reset"];

onSignedOutDo(() => {
  resetState();
  if (!PUBLIC.includes(path.value)) navigate(`/login?next=${encodeURIComponent(here())}`, true);
});

/** Retries the server every few seconds while it is unreachable; reloads pages when it is back. */
function Banner() {
  const down = unreachable.value;
  useEffect(() => {
    if (!down) return;
    let stop = false;
    const timer = setInterval(async () => {
      try {
        await api(SystemService).getInstanceInfo({});
        if (!stop) tick.value++;
      } catch {
        /* still down: try again */
      }
    }, 3000);
    return () => {
      stop = true;
      clearInterval(timer);
    };
  }, [down]);
  if (!down) return null;
  return (
    <div class="banner" role="alert">
      {t("banner-unreachable")}{" "}
      <button type="button" class="link" onClick={() => api(SystemService).getInstanceInfo({}).then(() => tick.value++, () => {})}>
        {t("action-retry")}
      </button>
    </div>
  );
}

function Switchers() {
  const os = orgs.value ?? [];
  const ps = projects.value ?? [];
  return (
    <div class="switchers">
      <label class="sr-only" for="org-switch">
        {t("switch-org")}
      </label>
      <select
        id="org-switch"
        value={orgId.value ?? ""}
        onChange={async (e) => {
          const v = e.currentTarget.value;
          if (v === "__new") return navigate("/orgs/new");
          await selectOrg(v);
          navigate("/");
        }}
      >
        {os.length === 0 && <option value="">{t("no-org")}</option>}
        {os.map((o) => (
          <option value={o.id}>{o.name}</option>
        ))}
        <option value="__new">{t("org-create-option")}</option>
      </select>
      {orgId.value && (
        <>
          <label class="sr-only" for="project-switch">
            {t("switch-project")}
          </label>
          <select
            id="project-switch"
            value={projectId.value ?? ""}
            onChange={(e) => {
              const v = e.currentTarget.value;
              if (v === "__new") return navigate(`/o/${orgId.value}/projects/new`);
              navigate(v ? projectHome(v) : "/");
            }}
          >
            <option value="">{ps.length ? t("choose-project") : t("no-project")}</option>
            {ps.map((p) => (
              <option value={p.id} title={p.ownerDid || undefined}>
                {p.ownerDid ? `${p.name} ⇄ ${sharedFrom(p)}` : p.name}
              </option>
            ))}
            {isOrgAdmin.value && <option value="__new">{t("project-create-option")}</option>}
          </select>
        </>
      )}
    </div>
  );
}

function Prefs() {
  return (
    <div class="prefs">
      <label for="theme-switch">{t("theme")}</label>
      <select id="theme-switch" value={theme.value} onChange={(e) => void chooseTheme(e.currentTarget.value as Theme)}>
        <option value="auto">{t("theme-auto")}</option>
        <option value="light">{t("theme-light")}</option>
        <option value="dark">{t("theme-dark")}</option>
      </select>
      <label for="lang-switch">{t("language")}</label>
      <select
        id="lang-switch"
        value={chosenLang.value ?? ""}
        onChange={(e) => void chooseLang((e.currentTarget.value || null) as Lang | null)}
      >
        <option value="">{t("language-browser")}</option>
        {LANGUAGES.map((l) => (
          <option value={l} lang={l}>
            {t(`language-${l}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

function Nav() {
  const p = currentProject.value;
  const o = currentOrg.value;
  const item = (href: string, label: string) => (
    <li>
      <a href={href} aria-current={path.value === href || path.value.startsWith(href + "/") ? "page" : undefined}>
        {label}
      </a>
    </li>
  );
  return (
    <nav class="side" aria-label={t("nav-main")}>
      <ul>
        {item("/", t("nav-home"))}
      </ul>
      {p && (
        <>
          <h2 class="nav-h">{p.name}</h2>
          {p.ownerDid && (
            <p class="shared-mark nav-mark" title={p.ownerDid}>
              <span aria-hidden="true">⇄ </span>
              {sharedFrom(p)}
            </p>
          )}
          <ul>
            {navPages(p.id).map((n) => item(n.href, n.label))}
            {item(`/p/${p.id}/views`, t("nav-views"))}
            {item(`/p/${p.id}/members`, t("nav-project-members"))}
            {isProjectAdmin.value && item(`/p/${p.id}/settings`, t("nav-project-settings"))}
          </ul>
        </>
      )}
      {o && (
        <>
          <h2 class="nav-h">{o.name}</h2>
          <ul>
            {item(`/o/${o.id}/members`, t("nav-org-members"))}
            {isOrgAdmin.value && item(`/o/${o.id}/audit`, t("nav-org-audit"))}
            {isOrgAdmin.value && item(`/o/${o.id}/federation`, t("nav-org-federation"))}
            {isOrgAdmin.value && item(`/o/${o.id}/modules`, t("nav-org-modules"))}
            {isOrgAdmin.value && item(`/o/${o.id}/settings`, t("nav-org-settings"))}
          </ul>
        </>
      )}
      <h2 class="nav-h">{t("nav-you")}</h2>
      <ul>
        {item("/account", t("nav-account"))}
        {item("/keys", t("nav-keys"))}
      </ul>
      {isSysAdmin.value && (
        <>
          <h2 class="nav-h">{t("nav-instance")}</h2>
          <ul>
            {item("/admin", t("nav-admin"))}
            {item("/admin/accounts", t("nav-accounts"))}
            {item("/admin/audit", t("nav-audit"))}
          </ul>
        </>
      )}
    </nav>
  );
}

function NotFound() {
  return (
    <div>
      <h1>{t("not-found-title")}</h1>
      <p>
        <a href="/">{t("nav-home")}</a>
      </p>
    </div>
  );
}

/** Sets the current project from the route (and clears it elsewhere). */
function useRouteScope() {
  const p = path.value;
  const pm = match("/p/:project/*", p);
  const om = match("/o/:org/*", p);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setError(null);
    if (!account.value) return;
    if (pm) {
      if (projectId.value !== pm.project) selectProject(pm.project).catch(setError);
    } else {
      projectId.value = null;
      if (om && orgId.value !== om.org) selectOrg(om.org).catch(setError);
    }
  }, [pm?.project, om?.org, account.value?.id]);
  return error;
}

function OrgAudit({ org }: { org: string }) {
  return <Audit org={org} />;
}
function InstanceAudit() {
  return <Audit org={null} />;
}

function routes(p: string): [ComponentType<any>, Record<string, string>] | null {
  const table: [string, ComponentType<any>][] = [
    ["/", Home],
    ["/account", AccountPage],
    ["/keys", ApiKeys],
    ["/orgs/new", CreateOrg],
    ["/o/:org/projects/new", CreateProject],
    ["/o/:org/members", OrgMembers],
    ["/o/:org/settings", OrgSettings],
    ["/p/:project/settings", ProjectSettings],
    ["/admin/accounts", Accounts],
    ["/o/:org/audit", OrgAudit],
    ["/o/:org/federation", Federation],
    ["/o/:org/modules", UserModules],
    ["/o/:org/modules/:name", UserModuleDetail],
    ["/p/:project/members", ProjectMembers],
    ["/p/:project/views", Views],
    ["/p/:project/views/:view", Views],
    ["/admin", Admin],
    ["/admin/audit", InstanceAudit],
  ];
  for (const [pattern, C] of table) {
    const m = match(pattern, p);
    if (m) return [C, m];
  }
  return null;
}

function Main() {
  const p = path.value;
  const scopeError = useRouteScope();
  if (p === "/login") return <LogIn />;
  if (p === "/signup") return <SignUp />;
  if (p === "/setup") return <Setup />;
  if (p === "/reset") return <ResetPassword />;
  if (!account.value) return null;
  if (scopeError) return scopeError instanceof ConnectError && scopeError.code === Code.NotFound ? <NotFound /> : <ErrorNote error={scopeError} />;
  // Wait for the route's project (or org) and the caller's role in it before deciding.
  const pm = match("/p/:project/*", p);
  const om = match("/o/:org/*", p);
  if (pm && projectId.value !== pm.project) return <Loading />;
  if (om && orgRoleOf.value !== om.org) return <Loading />;
  if (p.startsWith("/admin") && !isSysAdmin.value) return <NotFound />;
  if (/^\/o\/[^/]+\/(audit|settings|federation|modules(\/[^/]+)?)$/.test(p) && !isOrgAdmin.value) return <NotFound />;
  if (/^\/p\/[^/]+\/settings$/.test(p) && !isProjectAdmin.value) return <NotFound />;
  const r = routes(p);
  if (!r) return pm ? <ModulePage path={p} /> : <NotFound />;
  const [C, params] = r;
  return <C {...params} key={pm?.project ?? params.org ?? ""} />;
}

export function App() {
  const me = account.value;
  const [bootError, setBootError] = useState<unknown>(null);
  // Learn who is signed in (a stored session) before showing pages that need it.
  useEffect(() => {
    if (me !== undefined) return;
    (async () => {
      try {
        const res = await api(AccountService).getProfile({});
        account.value = res.account ?? null;
        await loadOrgs();
      } catch (e) {
        if (!hasSession()) account.value = null;
        else setBootError(e);
      }
    })();
  }, [me, tick.value]);
  useEffect(() => {
    if (me === null && !PUBLIC.includes(path.value)) {
      navigate(path.value === "/" ? "/login" : `/login?next=${encodeURIComponent(here())}`, true);
    }
  }, [me, path.value]);
  // The modules' pages: learnt after sign-in, again after reconnecting (tick).
  useEffect(() => {
    if (me) loadModulePages();
  }, [me?.id, tick.value]);
  // The current project's user modules: learnt when the project changes, and again after
  // reconnecting; an org-admin's change reloads them too (pages/usermodules.tsx).
  const current = me ? projectId.value : null;
  useEffect(() => {
    void loadUserModules(current);
  }, [current, tick.value]);
  // Keep the access token fresh while the page is open (it lives at most 15 minutes).
  useEffect(() => {
    if (!me) return;
    const timer = setInterval(() => refreshTokens().catch(() => {}), 10 * 60 * 1000);
    return () => clearInterval(timer);
  }, [me?.id]);
  // After a client-side navigation, move the focus to the new page's heading (or main), so
  // keyboard and screen-reader users start at the content, as after a page load.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(() => {
      if (document.activeElement && document.activeElement !== document.body && document.getElementById("main")?.contains(document.activeElement)) return;
      (document.getElementById("page-title") ?? document.getElementById("main"))?.focus({ preventScroll: true });
    }, 60);
    return () => clearTimeout(timer);
  }, [path.value]);
  void lang.value;
  return (
    <>
      <a class="skip" href="#main">
        {t("skip-to-content")}
      </a>
      <header class="top">
        <a class="brand" href="/">
          Orbit
        </a>
        {me && <Switchers />}
        <Prefs />
        {me && (
          <div class="user">
            <span class="muted">{me.displayName}</span>
            <button
              type="button"
              onClick={async () => {
                await logOut();
                resetState();
                navigate("/login");
              }}
            >
              {t("logout")}
            </button>
          </div>
        )}
      </header>
      <Banner />
      <div class="body">
        {me && <Nav />}
        <main id="main" tabIndex={-1}>
          {me === undefined ? bootError ? <ErrorNote error={bootError} retry={() => tick.value++} /> : <Loading /> : <Main />}
        </main>
      </div>
    </>
  );
}
