throw new Error("monaco-editor is not installed: the card designer uses CodeMirror (src/pages/designer.ts)");
