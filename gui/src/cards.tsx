// Card pages: a module's page declared as an Adaptive Card template (ModulePage.card), expanded
// (adaptivecards-templating) with the answers of the module's own RPCs, the route parameters and
// the GUI's texts, then drawn with adaptivecards. Loaded lazily: its own chunk.
//
// Conventions (proto/orbit/system/v1/module.proto, ModulePage): each `data` entry's RPC is called
// by its full name with `request` (route parameters filled in) and its answer, protobuf JSON
// with default values, is bound under the entry's name; `t` holds every message of the GUI
// without variables ("calls-start" → t.calls_start). Action.OpenUrl with a path navigates in
// the GUI; Action.Submit with `data.method` calls that RPC with `data.request` and the card's
// inputs (by id, dotted for nested fields), then goes to `data.then` ("{response.x.y}" filled
// in from the answer) or reloads. A page with `watch` follows that server stream while shown and
// loads its data again after each message (debounced), so it follows changes live.
//
// User modules (an org's uploaded schema) bring their services at run time: their encoded
// FileDescriptorSets (ListProjectModules) join the registry methods are looked up in, their
// imports (orbit/user/v1/options.proto, …) resolved from the GUI's own generated files.
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { AdaptiveCard, HostConfig, GlobalSettings, OpenUrlAction, SubmitAction, type Action, type Input } from "adaptivecards";
import { Template } from "adaptivecards-templating";
import { Code, ConnectError } from "@connectrpc/connect";
import { create, createFileRegistry, createRegistry, fromBinary, fromJson, toJson, ScalarType, type DescFile, type DescMessage, type JsonObject, type JsonValue, type Registry } from "@bufbuild/protobuf";
import {
  FileDescriptorProtoSchema,
  FileDescriptorSetSchema,
  file_google_protobuf_any,
  file_google_protobuf_duration,
  file_google_protobuf_empty,
  file_google_protobuf_field_mask,
  file_google_protobuf_struct,
  file_google_protobuf_timestamp,
  file_google_protobuf_wrappers,
} from "@bufbuild/protobuf/wkt";
import { api, fieldError } from "./api";
import { follow } from "./stream";
import { navigate } from "./router";
import { messages } from "./i18n";
import { tick, userModules } from "./state";
import { ErrorNote, Loading } from "./ui";
import type { ModulePage } from "./gen/orbit/system/v1/module_pb";
import type { UserModule } from "./gen/orbit/user/v1/user_module_pb";

// Every generated file, for looking services and message types up by name.
const gen = import.meta.glob("./gen/**/*_pb.ts", { eager: true }) as Record<string, Record<string, unknown>>;
const genFiles = Object.values(gen)
  .flatMap((m) => Object.values(m))
  .filter((v): v is DescFile => typeof v === "object" && v !== null && (v as { kind?: string }).kind === "file");
const baseRegistry = createRegistry(...genFiles);
/** The generated files by name, with everything they import (google/protobuf/descriptor.proto
 * comes with orbit/user/v1/options.proto), for resolving a user schema's imports. */
const genByName = new Map<string, DescFile>();
const addGen = (f: DescFile) => {
  // By its import path ("orbit/user/v1/options.proto"; DescFile.name lacks ".proto").
  if (genByName.has(f.proto.name)) return;
  genByName.set(f.proto.name, f);
  f.dependencies.forEach(addGen);
};
genFiles.forEach(addGen);
// The well-known types a user schema may import.
[
  file_google_protobuf_any,
  file_google_protobuf_duration,
  file_google_protobuf_empty,
  file_google_protobuf_field_mask,
  file_google_protobuf_struct,
  file_google_protobuf_timestamp,
  file_google_protobuf_wrappers,
].forEach(addGen);

/** The registry of a user module's descriptor set: its files (the schema's and the generated
 * service file, not their imports) resolved against each other and the GUI's own files. */
function moduleRegistry(m: UserModule): Registry {
  const set = fromBinary(FileDescriptorSetSchema, m.descriptorSet);
  const byName = new Map(set.file.map((f) => [f.name, f]));
  // The set's files, each after the ones it imports.
  const ordered: string[] = [];
  const seen = new Set<string>();
  const visit = (name: string) => {
    const f = byName.get(name);
    if (!f || seen.has(name)) return;
    seen.add(name);
    f.dependency.forEach(visit);
    ordered.push(name);
  };
  byName.forEach((_, name) => visit(name));
  // One file importing them all, so every file of the set is added. createFileRegistry adds
  // the imports of one file last-listed first, so an importing file is listed before the files
  // it imports.
  const root = create(FileDescriptorProtoSchema, { name: `orbit-gui/${m.name}/all.proto`, dependency: ordered.reverse() });
  return createFileRegistry(root, (name) => byName.get(name) ?? genByName.get(name));
}

let cached: { modules: UserModule[] | undefined; registry: Registry } = { modules: undefined, registry: baseRegistry };
/** The registry methods are looked up in: the GUI's generated files, then the current project's
 * user modules (a module whose descriptor set does not load is left out, and logged). */
function currentRegistry(): Registry {
  const modules = userModules.value?.modules;
  if (cached.modules === modules) return cached.registry;
  const extra: Registry[] = [];
  for (const m of modules ?? []) {
    if (!m.descriptorSet.length) continue;
    try {
      extra.push(moduleRegistry(m));
    } catch (e) {
      console.warn(`user module ${m.name}: descriptor set`, e);
    }
  }
  cached = { modules, registry: extra.length ? createRegistry(baseRegistry, ...extra) : baseRegistry };
  return cached.registry;
}

/** A method by its full name ("orbit.video.v1.VideoService/ListCalls"). */
function findMethod(method: string) {
  const [name, methodName] = method.split("/");
  const registry = currentRegistry();
  const service = registry.getService(name);
  const m = service?.methods.find((x) => x.name === methodName);
  return service && m ? { registry, service, m } : null;
}

GlobalSettings.setTabIndexAtCardRoot = false;
// Texts are plain: no markdown (and so no HTML from data).
AdaptiveCard.onProcessMarkdown = (_text, result) => {
  result.didProcess = false;
};

/** Calls a unary RPC by its full name ("orbit.video.v1.VideoService/ListCalls") with a request
 * as protobuf JSON, through the GUI's one transport (auth, refresh, the unreachable banner);
 * the answer as protobuf JSON with default values. */
export async function callMethod(method: string, request: JsonValue): Promise<JsonValue> {
  const found = findMethod(method);
  if (!found || found.m.methodKind !== "unary") throw new ConnectError(`no unary method ${method}`, Code.Unimplemented);
  const { registry, service, m } = found;
  const input = fromJson(m.input, request, { registry });
  const client = api(service) as unknown as Record<string, (req: unknown) => Promise<unknown>>;
  const res = await client[m.localName](input);
  return toJson(m.output, res as never, { alwaysEmitImplicit: true, registry });
}

/** Opens a server stream by its full method name, like `callMethod`; each message as protobuf
 * JSON. Ends when `signal` aborts. */
async function* streamMethod(method: string, request: JsonValue, signal: AbortSignal): AsyncIterable<JsonValue> {
  const found = findMethod(method);
  if (!found || found.m.methodKind !== "server_streaming") throw new ConnectError(`no server-streaming method ${method}`, Code.Unimplemented);
  const { registry, service, m } = found;
  const input = fromJson(m.input, request, { registry });
  const client = api(service) as unknown as Record<string, (req: unknown, o: { signal: AbortSignal }) => AsyncIterable<unknown>>;
  for await (const res of client[m.localName](input, { signal })) yield toJson(m.output, res as never, { registry });
}

/** A request template with `{param}` replaced by the route parameters (JSON-escaped). */
function fillRequest(template: string, params: Record<string, string>): JsonValue {
  const s = template.replace(/\{([A-Za-z][A-Za-z0-9_]*)\}/g, (all, name: string) => (name in params ? JSON.stringify(params[name]).slice(1, -1) : all));
  return JSON.parse(s || "{}") as JsonValue;
}

function at(value: JsonValue | undefined, path: string): JsonValue | undefined {
  let v = value;
  for (const k of path.split(".")) v = v && typeof v === "object" && !Array.isArray(v) ? (v as JsonObject)[k] : undefined;
  return v;
}

/** Sets a card input's value (a string, as adaptivecards gives it) at a dotted field path of a
 * request, in the JSON form its field wants: true/false for a bool, a list for a repeated field
 * (comma-separated, as a multi-select choice set gives it). */
function setField(desc: DescMessage | undefined, obj: JsonObject, path: string[], value: string) {
  const [head, ...rest] = path;
  const field = desc?.fields.find((f) => f.jsonName === head || f.name === head || f.localName === head);
  const key = field?.jsonName ?? head;
  if (rest.length) {
    const child = obj[key];
    const next: JsonObject = child && typeof child === "object" && !Array.isArray(child) ? child : {};
    obj[key] = next;
    setField(field?.fieldKind === "message" ? field.message : undefined, next, rest, value);
    return;
  }
  const isBool = (field?.fieldKind === "scalar" || field?.fieldKind === "list") && field.scalar === ScalarType.BOOL;
  const one = (s: string): JsonValue => (isBool ? s === "true" : s);
  obj[key] = field?.fieldKind === "list" ? value.split(",").filter(Boolean).map(one) : one(value);
}

/** Colours and type from the app's CSS variables, so cards follow the light and dark themes. */
const colors = (fg: string, subtle: string) => ({ default: fg, subtle });
const foreground = {
  default: colors("var(--fg)", "var(--muted)"),
  dark: colors("var(--fg)", "var(--muted)"),
  light: colors("var(--muted)", "var(--muted)"),
  accent: colors("var(--accent)", "var(--accent)"),
  good: colors("var(--ok-fg)", "var(--ok-fg)"),
  warning: colors("var(--fg)", "var(--muted)"),
  attention: colors("var(--danger)", "var(--danger)"),
};
const hostConfig = new HostConfig({
  fontFamily: "inherit",
  supportsInteractivity: true,
  spacing: { small: 4, default: 8, medium: 16, large: 24, extraLarge: 32, padding: 0 },
  separator: { lineThickness: 1, lineColor: "var(--border)" },
  fontSizes: { small: 13, default: 15, medium: 18, large: 24, extraLarge: 28 },
  fontWeights: { lighter: 300, default: 400, bolder: 650 },
  containerStyles: {
    default: { backgroundColor: "transparent", foregroundColors: foreground },
    emphasis: { backgroundColor: "var(--bg2)", foregroundColors: foreground },
    accent: { backgroundColor: "var(--bg2)", foregroundColors: foreground },
    good: { backgroundColor: "var(--ok-bg)", foregroundColors: foreground },
    attention: { backgroundColor: "var(--err-bg)", foregroundColors: foreground },
    warning: { backgroundColor: "var(--bg2)", foregroundColors: foreground },
  },
  actions: { actionsOrientation: "horizontal", actionAlignment: "left", buttonSpacing: 8, maxActions: 20, spacing: "default", showCard: { actionMode: "inline" } },
  inputs: {
    label: { inputSpacing: "small", requiredInputs: { weight: "bolder", suffix: " *", suffixColor: "attention" }, optionalInputs: { weight: "bolder" } },
    errorMessage: { color: "attention" },
  },
  textBlock: { headingLevel: 2 },
});
// The card sits in the page, not in a box of its own (a padding of 0 does not parse: falsy).
hostConfig.spacing.padding = 0;

/** Puts the values typed so far back into an expanded card (by input id). */
function keepValues(node: unknown, values: Map<string, string>) {
  if (Array.isArray(node)) node.forEach((n) => keepValues(n, values));
  else if (node && typeof node === "object") {
    const o = node as Record<string, unknown>;
    if (typeof o.type === "string" && o.type.startsWith("Input.") && typeof o.id === "string" && values.has(o.id)) o.value = values.get(o.id);
    Object.values(o).forEach((v) => keepValues(v, values));
  }
}

const isPath = (url: string | undefined): url is string => !!url && url.startsWith("/") && !url.startsWith("//");

/** Accessibility the renderer leaves to the host: the first heading is the page's h1 (focused
 * after navigation like every page's), the others h2; in-app links are plain links. */
function finish(card: AdaptiveCard, root: HTMLElement, title: string | undefined) {
  const headings = root.querySelectorAll<HTMLElement>('[role="heading"]');
  headings.forEach((h, i) => h.setAttribute("aria-level", i === 0 ? "1" : "2"));
  const h1 = headings[0];
  if (h1) {
    h1.id = "page-title";
    h1.tabIndex = -1;
    document.title = `${h1.textContent ?? ""} · Orbit`;
  } else if (title) document.title = `${title} · Orbit`;
  for (const a of root.querySelectorAll<HTMLAnchorElement>("a[href]")) {
    if (isPath(a.getAttribute("href") ?? undefined)) {
      a.removeAttribute("target");
      a.removeAttribute("role");
    }
  }
  for (const action of card.getAllActions()) {
    if (action instanceof OpenUrlAction && isPath(action.url) && action.role === undefined) action.renderedElement?.setAttribute("role", "link");
  }
}

/** The element a person types in (protected in adaptivecards' typings, public at run time). */
const controlOf = (i: Input | undefined) => (i as unknown as { renderedInputControlElement?: HTMLElement } | undefined)?.renderedInputControlElement;

function markFieldError(card: AdaptiveCard, id: string, reason: string) {
  const el = controlOf(card.getAllInputs().find((i) => i.id === id));
  if (!el) return;
  const note = document.createElement("small");
  note.className = "field-error card-field-error";
  note.id = `${el.id}-err`;
  note.textContent = reason;
  (el.closest(".ac-input-container") ?? el).after(note);
  el.setAttribute("aria-invalid", "true");
  el.setAttribute("aria-describedby", note.id);
}

/** A server field name ("max_participants") as the card's input ids may spell it. */
function inputIdFor(card: AdaptiveCard, field: string): string | null {
  const camel = field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  const ids = card.getAllInputs().map((i) => i.id ?? "");
  return ids.find((id) => id === field || id === camel || id.endsWith(`.${field}`) || id.endsWith(`.${camel}`)) ?? null;
}

type Loaded = { data?: Record<string, JsonValue>; error?: unknown; loading: boolean };

/** A module's card page; `title` names it when its card has no heading. */
export function CardPage({ page, params, title }: { page: ModulePage; params: Record<string, string>; title?: string }) {
  const template = useMemo(() => {
    try {
      return new Template(JSON.parse(page.card));
    } catch (e) {
      console.warn("card template", e);
      return e instanceof Error ? e : new Error(String(e));
    }
  }, [page.card]);
  const [state, setState] = useState<Loaded>({ loading: true });
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [drawError, setDrawError] = useState<unknown>(null);
  const host = useRef<HTMLDivElement>(null);
  const card = useRef<AdaptiveCard | null>(null);
  const drawn = useRef<string | null>(null);
  const fieldErrors = useRef<Record<string, string>>({});
  const busy = useRef(false);
  const clearInputs = useRef(false);
  const focusedOnce = useRef(false);
  const gen = useRef(0);
  const texts = messages();

  const load = async (quiet = false) => {
    const g = ++gen.current;
    if (!quiet) setState((s) => ({ ...s, loading: true, error: undefined }));
    try {
      const answers = await Promise.all(page.data.map(async (d) => [d.name, await callMethod(d.method, fillRequest(d.request, params))] as const));
      if (g === gen.current) setState({ data: Object.fromEntries(answers), loading: false });
    } catch (error) {
      // A failed refresh keeps what is shown (the banner tells about an unreachable server).
      if (g === gen.current) setState((s) => (quiet && s.data ? s : { error, loading: false }));
    }
  };
  const loadRef = useRef(load);
  loadRef.current = load;
  const paramsKey = JSON.stringify(params);
  useEffect(() => void loadRef.current(), [page, paramsKey, tick.value]);
  // Like the other lists: refreshed every 10 s while shown.
  useEffect(() => {
    const timer = setInterval(() => void loadRef.current(true), 10_000);
    return () => clearInterval(timer);
  }, []);
  // A live page: each message of its watch stream (heartbeats aside) loads the data again, a
  // burst of them once; after a broken stream is back (follow() retries with back-off) too,
  // as changes may have been missed meanwhile.
  const watch = page.watch;
  const watchKey = watch ? `${watch.method} ${watch.request} ${paramsKey}` : "";
  useEffect(() => {
    if (!watch) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const soon = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void loadRef.current(true), 150);
    };
    let opened = 0;
    const f = follow<JsonValue>({
      open: (_after, signal) => streamMethod(watch.method, fillRequest(watch.request, params), signal),
      seq: () => undefined,
      onItem: (m) => {
        if (!(m && typeof m === "object" && !Array.isArray(m) && m.heartbeat === true)) soon();
      },
      onOpen: () => {
        if (opened++ > 0) soon();
      },
      onFatal: (e) => console.warn(`watch ${watch.method}`, e),
    });
    return () => {
      f.stop();
      clearTimeout(timer);
    };
  }, [watchKey]);

  const onAction = async (action: Action) => {
    if (action instanceof OpenUrlAction) {
      if (isPath(action.url)) navigate(action.url);
      else if (action.url && /^https?:\/\//i.test(action.url)) window.open(action.url, "_blank", "noopener");
      return;
    }
    if (!(action instanceof SubmitAction)) return;
    const data = action.data as Record<string, JsonValue> | undefined;
    const method = data?.method;
    if (!data || typeof method !== "string" || busy.current || !card.current) return;
    const c = card.current;
    busy.current = true;
    setSubmitError(null);
    fieldErrors.current = {};
    host.current?.querySelectorAll(".card-field-error").forEach((n) => n.remove());
    host.current?.querySelectorAll("[aria-invalid]").forEach((n) => {
      n.removeAttribute("aria-invalid");
      n.removeAttribute("aria-describedby");
    });
    const button = action.renderedElement;
    button?.setAttribute("disabled", "");
    try {
      const request = JSON.parse(JSON.stringify(data.request ?? {})) as JsonObject;
      const [serviceName, methodName] = method.split("/");
      const input = currentRegistry().getService(serviceName)?.methods.find((m) => m.name === methodName)?.input;
      for (const i of c.getAllInputs()) {
        const v = i.id ? data[i.id] : undefined;
        if (i.id && typeof v === "string") setField(input, request, i.id.split("."), v);
      }
      const res = await callMethod(method, request);
      if (typeof data.then === "string") {
        navigate(data.then.replace(/\{response\.([A-Za-z0-9_.]+)\}/g, (_, p: string) => encodeURIComponent(String(at(res, p) ?? ""))));
      } else {
        // Done: the inputs start empty again, and the data is read anew.
        drawn.current = null;
        clearInputs.current = true;
        await load(true);
      }
    } catch (e) {
      const f = fieldError(e);
      const id = f && inputIdFor(c, f.field);
      if (f && id) {
        fieldErrors.current = { [id]: f.reason };
        markFieldError(c, id, f.reason);
        c.getAllInputs().find((i) => i.id === id)?.focus();
      } else setSubmitError(e);
    } finally {
      busy.current = false;
      button?.removeAttribute("disabled");
    }
  };
  const onActionRef = useRef(onAction);
  onActionRef.current = onAction;

  // Draws the card when its data or the language changes (not when nothing it shows did),
  // keeping what was typed and where the focus was.
  useEffect(() => {
    const el = host.current;
    if (!state.data || !el || template instanceof Error) return;
    try {
      const expanded = template.expand({ $root: { ...params, ...state.data, t: texts } }) as Record<string, unknown>;
      const json = JSON.stringify(expanded);
      if (json === drawn.current) return;
      const values = new Map<string, string>();
      const old = card.current;
      let focused: { id: string; start: number | null; end: number | null } | null = null;
      if (old && !clearInputs.current) {
        for (const i of old.getAllInputs()) {
          if (!i.id) continue;
          if (typeof i.value === "string") values.set(i.id, i.value);
          const control = controlOf(i);
          if (control && control === document.activeElement) {
            const text = control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement ? control : null;
            focused = { id: i.id, start: text?.selectionStart ?? null, end: text?.selectionEnd ?? null };
          }
        }
      }
      clearInputs.current = false;
      keepValues(expanded, values);
      // A focused link or button is found again by what it is and says.
      const active = document.activeElement;
      const sameAs = active && !focused && el.contains(active) ? (x: Element) => x.tagName === active.tagName && x.textContent === active.textContent && x.getAttribute("href") === active.getAttribute("href") : null;
      const next = new AdaptiveCard();
      next.hostConfig = hostConfig;
      next.onExecuteAction = (a) => void onActionRef.current(a);
      next.parse(expanded);
      const rendered = next.render();
      if (!rendered) throw new Error("the card did not render");
      el.replaceChildren(rendered);
      card.current = next;
      drawn.current = json;
      finish(next, rendered, title);
      for (const [id, reason] of Object.entries(fieldErrors.current)) if (reason) markFieldError(next, id, reason);
      if (focused) {
        const control = controlOf(next.getAllInputs().find((i) => i.id === focused!.id));
        control?.focus();
        if (control instanceof HTMLInputElement && focused.start !== null) control.setSelectionRange(focused.start, focused.end);
      } else if (sameAs) {
        [...rendered.querySelectorAll<HTMLElement>("a, button, [tabindex]")].find(sameAs)?.focus();
      } else if (!focusedOnce.current && (document.activeElement === document.body || document.activeElement?.id === "main")) {
        document.getElementById("page-title")?.focus({ preventScroll: true });
      }
      focusedOnce.current = true;
      setDrawError(null);
    } catch (e) {
      setDrawError(e);
    }
  }, [state.data, texts, template]);

  if (template instanceof Error) return <ErrorNote error={template} />;
  if (state.error && !state.data) return <ErrorNote error={state.error} retry={() => void load()} />;
  return (
    <div class="card-page">
      {!state.data && <Loading />}
      <div ref={host} class="card-host" />
      <ErrorNote error={drawError} />
      <ErrorNote error={submitError} />
    </div>
  );
}
