// The card-template designer of the user-module pages: Microsoft's Adaptive Cards designer
// (adaptivecards-designer, standalone: no Microsoft host apps), loaded lazily in its own chunk.
//
// Two things it expects are not here, on purpose:
// - Monaco, for its JSON panes: it gets a small stand-in of the part of Monaco's API it calls
//   (editor.create → getValue, setValue, layout, onDidChangeModelContent) running on the GUI's
//   own CodeMirror editor (editor.ts), instead of megabytes and web workers.
// - Its style sheets from a CDN-like asset path: they are bundled, added while the designer is
//   shown and removed after (they style every `.ac-*` element, card pages' too), without the
//   icon font it would fetch from another site (the page's policy allows only its own).
import { useEffect, useRef, useState } from "preact/hooks";
import * as AC from "adaptivecards";
import { BindingPreviewMode, CardDesigner, GlobalSettings, Utils } from "adaptivecards-designer/lib/adaptivecards-designer-standalone";
import Constants from "adaptivecards-designer/lib/constants";
import designerCss from "adaptivecards-designer/dist/adaptivecards-designer.css?raw";
import hostCss from "adaptivecards-designer/dist/adaptivecards-defaulthost.css?raw";
import { t, messages } from "../i18n";
import { ErrorNote } from "../ui";
import { json } from "@codemirror/lang-json";
import { codeEditor, type Editor } from "./editor";

// The designer adds <link>s to its style sheets under `assetPath`; they are bundled instead (an
// empty href loads nothing).
const joinPaths = Utils.joinPaths;
Utils.joinPaths = (...parts: string[]) => (parts[parts.length - 1]?.endsWith(".css") ? "" : joinPaths(...parts));
// Templates bind data (`${list.records}`, `${t.…}`): the sample-data pane shows what they get.
// No host-app data, data-structure pane, version picker or its warning (cards say 1.5).
GlobalSettings.enableDataBindingSupport = true;
GlobalSettings.showSampleDataEditorToolbox = true;
GlobalSettings.showDataStructureToolbox = false;
GlobalSettings.showSampleHostDataEditorToolbox = false;
GlobalSettings.showVersionPicker = false;
GlobalSettings.showTargetVersionMismatchWarning = false;
// Texts are plain, as on the card pages.
CardDesigner.onProcessMarkdown = (_text: string, result: AC.IMarkdownProcessingResult) => {
  result.didProcess = false;
};

/** The designer's style sheets without what they would fetch from elsewhere. */
const selfOnly = (css: string) => css.replace(/@font-face\s*{[^}]*https?:\/\/[^}]*}/g, "");

/** The part of Monaco's API the designer uses, on CodeMirror. */
function monacoStandIn() {
  return {
    languages: { json: { jsonDefaults: { setDiagnosticsOptions() {} } } },
    editor: {
      create(parent: HTMLElement, options: { ariaLabel?: string }) {
        const listeners: (() => void)[] = [];
        let text = "";
        const ed: Editor = codeEditor(parent, {
          text,
          language: json(),
          label: parent.getAttribute("aria-label") ?? options.ariaLabel ?? "JSON",
          minimal: true,
          onChange: (s) => {
            text = s;
            listeners.forEach((l) => l());
          },
        });
        parent.classList.add("designer-json");
        return {
          getValue: () => text,
          setValue(s: string) {
            text = s;
            ed.setText(s);
            // Monaco reports its own edits as changes too; the designer counts on it.
            listeners.forEach((l) => l());
          },
          layout() {},
          onDidChangeModelContent(l: () => void) {
            listeners.push(l);
            return { dispose: () => listeners.splice(listeners.indexOf(l), 1) };
          },
        };
      },
    },
  };
}

export function PageDesigner(props: {
  title: string;
  card: string;
  custom: boolean;
  /** What the template is previewed with (the texts are added). */
  sampleData: Record<string, unknown>;
  onSave: (card: string) => Promise<void>;
  onReset: () => Promise<void>;
  onClose: () => void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const designer = useRef<CardDesigner | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const title = useRef<HTMLHeadingElement>(null);

  // It takes the whole window (four panes need the room); the focus starts at its title and
  // goes back where it was after; Escape outside its panes closes it.
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    title.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !(e.target as HTMLElement).closest?.(".designer-host")) props.onClose();
    };
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("keydown", onKey);
      before?.focus?.();
    };
  }, []);

  useEffect(() => {
    const styles = [designerCss, hostCss].map((css) => {
      const s = document.createElement("style");
      s.dataset.designer = "";
      s.textContent = selfOnly(css);
      document.head.append(s);
      return s;
    });
    try {
      // The designer draws its default payload (a sample card with a foreign image) until it
      // gets its JSON editor: this page's template is that payload instead.
      let card: object = { type: "AdaptiveCard", version: "1.5", body: [] };
      try {
        card = JSON.parse(props.card) as object;
      } catch (e) {
        console.warn("card template", e);
      }
      (Constants as { defaultPayload: string }).defaultPayload = JSON.stringify(card, null, 2);
      const d = new CardDesigner([]);
      d.assetPath = "";
      d.attachTo(host.current!);
      d.monacoModuleLoaded(monacoStandIn());
      d.sampleData = { ...props.sampleData, t: messages() };
      // Its preview mode expands the template with that sample data.
      d.bindingPreviewMode = BindingPreviewMode.SampleData;
      d.setCard(card);
      d.clearUndoStack();
      designer.current = d;
    } catch (e) {
      console.error("card designer", e);
      setError(e);
    }
    return () => {
      designer.current = null;
      host.current?.replaceChildren();
      styles.forEach((s) => s.remove());
      document.getElementById("__ac-designer")?.remove();
      document.getElementById("adaptiveCardStylesheet")?.remove();
    };
  }, []);

  const run = async (f: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await f();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="designer" role="dialog" aria-modal="true" aria-labelledby="designer-h">
      <h2 id="designer-h" tabIndex={-1} ref={title}>
        {props.title}
      </h2>
      <div ref={host} class="designer-host" />
      <ErrorNote error={error} />
      <div class="controls">
        <button
          type="button"
          class="primary"
          disabled={busy}
          onClick={() => run(() => props.onSave(JSON.stringify(designer.current?.getCard() ?? {}, null, 2)))}
        >
          {t("umod-page-save")}
        </button>
        {props.custom && (
          <button type="button" disabled={busy} onClick={() => run(props.onReset)}>
            {t("umod-page-reset")}
          </button>
        )}
        <button type="button" disabled={busy} onClick={props.onClose}>
          {t("action-cancel")}
        </button>
      </div>
    </section>
  );
}
