// Every message id the GUI uses exists in every language, every language has exactly the ids
// of English, and every .ftl file parses without errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import { GUI, REPO } from "./helpers.mjs";

const LANGS = ["en", "de", "fr", "es", "ar"];
const LOCALES = join(REPO, "i18n", "locales");

function ids(lang) {
  const src = readFileSync(join(LOCALES, lang, "gui.ftl"), "utf8");
  const bundle = new FluentBundle(lang);
  const errors = bundle.addResource(new FluentResource(src));
  assert.deepEqual(errors.map(String), [], `${lang}/gui.ftl has errors`);
  const res = new FluentResource(src);
  return new Set(res.body.filter((m) => m.id && !m.id.startsWith("-")).map((m) => m.id));
}

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === "gen" ? [] : sourceFiles(p);
    return /\.(ts|tsx)$/.test(f) ? [p] : [];
  });
}

/** The modules' card templates (modules/<name>/cards/*.json). */
function cardTemplates() {
  const dir = join(REPO, "modules");
  return readdirSync(dir).flatMap((m) => {
    const cards = join(dir, m, "cards");
    try {
      return readdirSync(cards).filter((f) => f.endsWith(".json")).map((f) => join(cards, f));
    } catch {
      return [];
    }
  });
}

test("the card templates are found and use only messages without variables", () => {
  const files = cardTemplates();
  assert.ok(files.length >= 3, `only ${files.length} card templates found`);
  const en = new FluentBundle("en", { useIsolating: false });
  en.addResource(new FluentResource(readFileSync(join(LOCALES, "en", "gui.ftl"), "utf8")));
  for (const f of files) {
    for (const m of readFileSync(f, "utf8").matchAll(/\bt\.([a-z0-9_]+)/g)) {
      const id = m[1].replace(/_/g, "-");
      const msg = en.getMessage(id);
      assert.ok(msg?.value, `${f}: no message ${id}`);
      const errors = [];
      en.formatPattern(msg.value, undefined, errors);
      assert.deepEqual(errors.map(String), [], `${f}: ${id} needs variables, which cards do not get`);
    }
  }
});

/** Ids named literally (t("id")) plus the families built from a prefix (t(`role-${n}`)). */
function usedIds() {
  const used = new Set();
  for (const f of sourceFiles(join(GUI, "src"))) {
    const src = readFileSync(f, "utf8");
    for (const m of src.matchAll(/\bt\("([a-z0-9-]+)"/g)) used.add(m[1]);
  }
  for (const n of [0, 1, 2, 3, 4, 5, 6]) used.add(`role-${n}`);
  for (const n of [0, 1, 2, 3]) used.add(`signup-mode-${n}`), used.add(`module-state-${n}`);
  for (const l of LANGS) used.add(`language-${l}`);
  for (const n of [0, 1, 2, 3]) used.add(`survey-state-${n}`), used.add(`survey-results-hidden-${n}`);
  for (const n of [1, 2, 3]) used.add(`survey-visibility-${n}`);
  for (const k of ["single", "multiple", "rating", "number", "text", "pledge"]) used.add(`survey-kind-${k}`);
  for (const n of [1, 2, 3, 4, 5]) used.add(`views-fn-${n}`);
  for (const k of ["list", "form", "detail"]) used.add(`umod-edit-${k}`), used.add(`umod-page-${k}`);
  // Page titles the modules declare in their manifests (ListModules → ModulePage.title_id).
  for (const id of ["chat-title", "records-title", "survey-title", "video-title", "rooms-title"]) used.add(id);
  // The texts card templates use: `${t.calls_start}` or `${$root.t.calls_start}` is "calls-start".
  for (const f of cardTemplates()) {
    for (const m of readFileSync(f, "utf8").matchAll(/\bt\.([a-z0-9_]+)/g)) used.add(m[1].replace(/_/g, "-"));
  }
  for (const s of ["new", "connecting", "connected", "disconnected", "failed", "closed"]) used.add(`calls-peer-${s}`);
  return used;
}

test("every message id used by the GUI exists in every language", () => {
  const used = usedIds();
  assert.ok(used.size > 100, `only ${used.size} ids found: the scan is broken`);
  for (const lang of LANGS) {
    const have = ids(lang);
    const missing = [...used].filter((id) => !have.has(id));
    assert.deepEqual(missing, [], `${lang} lacks these messages`);
  }
});

test("every language has the same message ids as English", () => {
  const en = ids("en");
  for (const lang of LANGS.slice(1)) {
    const have = ids(lang);
    assert.deepEqual([...en].filter((id) => !have.has(id)), [], `${lang} lacks`);
    assert.deepEqual([...have].filter((id) => !en.has(id)), [], `${lang} has extra`);
  }
});

test("every message formats without errors in every language", () => {
  for (const lang of LANGS) {
    const bundle = new FluentBundle(lang, { useIsolating: false });
    bundle.addResource(new FluentResource(readFileSync(join(LOCALES, lang, "gui.ftl"), "utf8")));
    for (const id of ids(lang)) {
      const errors = [];
      const msg = bundle.getMessage(id);
      assert.ok(msg?.value, `${lang}: ${id} has no value`);
      bundle.formatPattern(msg.value, { name: "x", org: "x", project: "x", count: 2, detail: "x", email: "x", when: "x", inviter: "x", role: "x", place: "x", entries: 1, problem: "x", page: 1, emoji: "x", room: "x", names: "x", entity: "x", id: "x", url: "x", n: 1, title: "x", unit: "x", mean: "1", sum: 1, min: 1, max: 1, units: 1, people: 1, reason: "x", field: "x", expires: "x", did: "x" }, errors);
      assert.deepEqual(errors.map(String), [], `${lang}: ${id}`);
    }
  }
});
