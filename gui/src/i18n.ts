// Every visible string goes through Fluent: the messages of one language are loaded lazily
// from i18n/locales/<lang>/gui.ftl (shared with the server and the CLI).
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import { signal } from "@preact/signals";

export const LANGUAGES = ["en", "de", "fr", "es", "ar"] as const;
export type Lang = (typeof LANGUAGES)[number];
const RTL = new Set<Lang>(["ar"]);
const KEY = "orbit.lang";

const sources = import.meta.glob("../../i18n/locales/*/gui.ftl", {
  query: "?raw",
  import: "default",
}) as Record<string, () => Promise<string>>;

/** The language chosen by the user, or null to follow the browser. */
export const chosenLang = signal<Lang | null>(readChosen());
/** The language in use. */
export const lang = signal<Lang>("en");
const bundle = signal<FluentBundle | null>(null);
let fallback: FluentBundle | null = null;
/** The message ids of each loaded bundle, in file order. */
const idsOf = new WeakMap<FluentBundle, string[]>();

function readChosen(): Lang | null {
  const v = localStorage.getItem(KEY);
  return v && (LANGUAGES as readonly string[]).includes(v) ? (v as Lang) : null;
}

export function browserLang(): Lang {
  for (const l of navigator.languages ?? [navigator.language]) {
    const base = l.toLowerCase().split("-")[0] as Lang;
    if (LANGUAGES.includes(base)) return base;
  }
  return "en";
}

async function load(l: Lang): Promise<FluentBundle> {
  const src = await sources[`../../i18n/locales/${l}/gui.ftl`]();
  const b = new FluentBundle(l, { useIsolating: false });
  const res = new FluentResource(src);
  const errors = b.addResource(res);
  if (errors.length) console.warn("fluent", l, errors);
  idsOf.set(b, res.body.map((m) => m.id).filter((id) => !id.startsWith("-")));
  return b;
}

/** Switches the language (null: follow the browser), loading its messages first. */
export async function setLang(l: Lang | null) {
  if (l) localStorage.setItem(KEY, l);
  else localStorage.removeItem(KEY);
  chosenLang.value = l;
  const use = l ?? browserLang();
  const b = await load(use);
  if (!fallback) fallback = use === "en" ? b : await load("en");
  document.documentElement.lang = use;
  document.documentElement.dir = RTL.has(use) ? "rtl" : "ltr";
  lang.value = use;
  bundle.value = b;
}

/** The message `id` formatted with `args`; reading it subscribes the caller to language changes. */
export function t(id: string, args?: Record<string, FluentVariable>): string {
  const b = bundle.value;
  for (const bb of [b, fallback]) {
    const m = bb?.getMessage(id);
    if (bb && m?.value) return bb.formatPattern(m.value, args);
  }
  return id;
}

/** Every message without variables, in the current language (English where it lacks one), keyed
 * by id with dashes turned into underscores ("calls-start" → calls_start): what card templates
 * read as `${t.calls_start}`. Reading it subscribes the caller to language changes. */
let cached: { of: FluentBundle | null; texts: Record<string, string> } | null = null;
export function messages(): Record<string, string> {
  const b = bundle.value;
  if (cached?.of === b) return cached.texts;
  const out: Record<string, string> = {};
  for (const bb of [fallback, b]) {
    if (!bb) continue;
    for (const id of idsOf.get(bb) ?? []) {
      const m = bb.getMessage(id);
      if (!m?.value) continue;
      const errors: Error[] = [];
      const text = bb.formatPattern(m.value, undefined, errors);
      if (!errors.length) out[id.replace(/-/g, "_")] = text;
    }
  }
  cached = { of: b, texts: out };
  return out;
}

/** Formats a time (ms since the epoch) in the current language. */
export function fmtTime(ms: number | bigint): string {
  return new Date(Number(ms)).toLocaleString(lang.value);
}

/** How long ago (or from now) a time was (ms since the epoch), in the current language:
 * "now", "12 seconds ago", "3 minutes ago", … */
export function fmtAgo(ms: number | bigint, now = Date.now()): string {
  const s = Math.round((Number(ms) - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(lang.value, { numeric: "auto" });
  const abs = Math.abs(s);
  if (abs < 60) return rtf.format(s, "second");
  if (abs < 3600) return rtf.format(Math.round(s / 60), "minute");
  if (abs < 86400) return rtf.format(Math.round(s / 3600), "hour");
  return rtf.format(Math.round(s / 86400), "day");
}
