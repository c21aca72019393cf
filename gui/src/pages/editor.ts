// The code editor of the user-module pages (CodeMirror 6), loaded lazily in its own chunk: a
// .proto source editor whose diagnostics come from the server's compiler (placed at their line
// and column), and the same editor for another language (the card designer's JSON panes).
// It owns no state of the page: text goes out through `onChange`, diagnostics come in.
import { EditorState, type Extension } from "@codemirror/state";
import { EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection } from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { StreamLanguage, HighlightStyle, syntaxHighlighting, indentOnInput, bracketMatching } from "@codemirror/language";
import { protobuf } from "@codemirror/legacy-modes/mode/protobuf";
import { lintGutter, setDiagnostics, type Diagnostic } from "@codemirror/lint";
import { tags } from "@lezer/highlight";

/** A problem the server found, at a 1-based line and column of the file (0: no place). */
export interface Problem {
  line: number;
  column: number;
  message: string;
}

export interface Editor {
  /** Replaces the whole text (a file switched, a version loaded); not reported as a change. */
  setText(text: string): void;
  /** Shows these problems in the text and the gutter, replacing the ones shown. */
  setProblems(problems: Problem[]): void;
  /** Puts the cursor at a 1-based line and column, and the focus in the editor. */
  goto(line: number, column: number): void;
  destroy(): void;
}

// Colours from the app's CSS variables, so both themes keep their contrast.
const highlight = HighlightStyle.define([
  { tag: tags.keyword, color: "var(--accent)", fontWeight: "600" },
  { tag: [tags.string, tags.number, tags.bool, tags.null], color: "var(--ok-fg)" },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: "var(--muted)", fontStyle: "italic" },
  { tag: tags.propertyName, color: "var(--accent)" },
]);

const theme = EditorView.theme({
  "&": { color: "var(--fg)", backgroundColor: "var(--bg)", border: "1px solid var(--border)", borderRadius: "4px", fontSize: "14px" },
  "&.cm-focused": { outline: "2px solid var(--accent)", outlineOffset: "1px" },
  ".cm-content": { fontFamily: 'ui-monospace, "DejaVu Sans Mono", monospace', caretColor: "var(--fg)" },
  ".cm-scroller": { fontFamily: 'ui-monospace, "DejaVu Sans Mono", monospace', minHeight: "16rem", maxHeight: "60vh" },
  ".cm-gutters": { backgroundColor: "var(--bg2)", color: "var(--muted)", borderInlineEnd: "1px solid var(--border)" },
  ".cm-activeLine": { backgroundColor: "transparent" },
  ".cm-activeLineGutter": { backgroundColor: "var(--bg)", color: "var(--fg)" },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground": { backgroundColor: "color-mix(in srgb, var(--accent) 25%, transparent)" },
  ".cm-tooltip": { backgroundColor: "var(--bg)", color: "var(--fg)", border: "1px solid var(--border)" },
  ".cm-diagnostic-error": { borderInlineStart: "5px solid var(--danger)" },
  ".cm-lintRange-error": { backgroundImage: "none", textDecoration: "underline wavy var(--danger)" },
});

/** Where a 1-based line and column is in the document (clamped to it), and the end of the word
 * starting there, so a diagnostic underlines what it is about. */
function range(state: EditorState, line: number, column: number): { from: number; to: number } {
  const l = state.doc.line(Math.min(Math.max(line, 1), state.doc.lines));
  const from = Math.min(l.from + Math.max(column, 1) - 1, l.to);
  let to = from;
  while (to < l.to && /[\w.]/.test(state.doc.sliceString(to, to + 1))) to++;
  if (to === from && to < l.to) to++;
  return { from, to };
}

function mount(parent: HTMLElement, opts: { text: string; label: string; language: Extension; onChange: (text: string) => void; minimal?: boolean }): Editor {
  let quiet = false;
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: opts.text,
      extensions: [
        opts.minimal ? [] : [lineNumbers(), highlightActiveLineGutter(), lintGutter()],
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        highlightActiveLine(),
        syntaxHighlighting(highlight),
        opts.language,
        // Tab indents; Escape then Tab leaves the editor (CodeMirror's own escape hatch).
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        theme,
        EditorView.contentAttributes.of({ "aria-label": opts.label, "aria-multiline": "true", spellcheck: "false" }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged && !quiet) opts.onChange(u.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    setText(text) {
      if (text === view.state.doc.toString()) return;
      quiet = true;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
      quiet = false;
    },
    setProblems(problems) {
      const diagnostics: Diagnostic[] = problems
        .filter((p) => p.line > 0)
        .map((p) => ({ ...range(view.state, p.line, p.column), severity: "error", message: p.message, source: "orbit" }));
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    goto(line, column) {
      const { from } = range(view.state, line, column);
      view.dispatch({ selection: { anchor: from }, scrollIntoView: true });
      view.focus();
    },
    destroy() {
      view.destroy();
    },
  };
}

/** A .proto source editor. */
export function protoEditor(parent: HTMLElement, opts: { text: string; label: string; onChange: (text: string) => void }): Editor {
  return mount(parent, { ...opts, language: StreamLanguage.define(protobuf) });
}

/** An editor of another language (the card designer's JSON panes bring theirs). */
export function codeEditor(parent: HTMLElement, opts: { text: string; label: string; language: Extension; onChange: (text: string) => void; minimal?: boolean }): Editor {
  return mount(parent, opts);
}
