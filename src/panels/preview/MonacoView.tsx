import { useEffect, useRef } from 'react';
import { useText } from '../../app/language';
import { diagnosticMarkers } from '../../editor/diagnosticMarkers';
import { languageForPath } from '../../editor/languages';
import { modelUri, monaco } from '../../editor/monacoSetup';
import { changedLines, lineRanges, minimalEdit } from '../../editor/textDiff';
import type { Design } from '../../model/design';
import type { Diagnostic } from '../../validation/types';
import './monaco-view.css';

export interface MonacoViewProps {
  files: Record<string, string>;
  path: string | null;
  design: Design;
  diagnostics: readonly Diagnostic[];
  dark: boolean;
}

/** How long lines changed by the last edit stay highlighted (the CSS fade has the same length). */
const CHANGE_HIGHLIGHT_MS = 1500;
const MARKER_OWNER = 'stacksketch';

interface Highlight {
  ids: string[];
  timer: ReturnType<typeof setTimeout>;
}

/** Highlight the lines changed by the last edit; the highlight fades and is removed after a moment. */
function highlightChanges(
  highlights: Map<string, Highlight>,
  filePath: string,
  model: monaco.editor.ITextModel,
  lines: number[],
) {
  const previous = highlights.get(filePath);
  if (previous) clearTimeout(previous.timer);
  const decorations = lineRanges(lines).map(([first, last]) => ({
    range: new monaco.Range(first, 1, last, 1),
    options: {
      isWholeLine: true,
      className: 'ss-changed-line',
      linesDecorationsClassName: 'ss-changed-gutter',
    },
  }));
  const ids = model.deltaDecorations(previous?.ids ?? [], decorations);
  const timer = setTimeout(() => {
    if (!model.isDisposed()) model.deltaDecorations(ids, []);
    highlights.delete(filePath);
  }, CHANGE_HIGHLIGHT_MS);
  highlights.set(filePath, { ids, timer });
}

/**
 * Monaco's dark theme with comments brightened to 5:1 on its background (its own green reads 4.2:1,
 * under the 4.5:1 that small text needs): the generated files explain themselves in comments.
 */
const DARK_THEME = 'stacksketch-dark';
monaco.editor.defineTheme(DARK_THEME, {
  base: 'vs-dark',
  inherit: true,
  rules: [{ token: 'comment', foreground: '6a9955' }],
  colors: {},
});

/**
 * One Monaco editor, one model per bundle file (file:///<path>). Design changes are applied to the
 * models as minimal edits, so the view never remounts and cursor and scroll stay where they were.
 */
export default function MonacoView({ files, path, design, diagnostics, dark }: MonacoViewProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const modelsRef = useRef(new Map<string, monaco.editor.ITextModel>());
  const viewStatesRef = useRef(new Map<string, monaco.editor.ICodeEditorViewState | null>());
  const editorLabel = useText().preview.editorLabel;
  const shownPathRef = useRef<string | null>(null);
  const highlightsRef = useRef(new Map<string, Highlight>());

  useEffect(() => {
    const editor = monaco.editor.create(hostRef.current!, {
      model: null,
      readOnly: true,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
      renderLineHighlight: 'none',
      fixedOverflowWidgets: true,
    });
    editorRef.current = editor;
    // Monaco announces through hidden role="alert" regions; the app keeps role="alert" for errors the
    // user must see, so Monaco's regions announce politely as status instead.
    for (const region of document.querySelectorAll('.monaco-aria-container [role="alert"]')) {
      region.setAttribute('role', 'status');
    }
    const models = modelsRef.current;
    const highlights = highlightsRef.current;
    return () => {
      for (const { timer } of highlights.values()) clearTimeout(timer);
      highlights.clear();
      editor.dispose();
      editorRef.current = null;
      for (const model of models.values()) model.dispose();
      models.clear();
      shownPathRef.current = null;
    };
  }, []);

  // The editor's accessible name, set after it is made and whenever the UI's language changes.
  useEffect(() => {
    editorRef.current?.updateOptions({ ariaLabel: editorLabel });
  }, [editorLabel]);

  // Keep one model per file in step with the generated files.
  useEffect(() => {
    const models = modelsRef.current;
    for (const [filePath, model] of models) {
      if (filePath in files) continue;
      if (shownPathRef.current === filePath) {
        editorRef.current?.setModel(null);
        shownPathRef.current = null;
      }
      model.dispose();
      models.delete(filePath);
      viewStatesRef.current.delete(filePath);
    }
    for (const [filePath, text] of Object.entries(files)) {
      const existing = models.get(filePath);
      if (!existing) {
        const uri = modelUri(filePath);
        // A model left by an earlier mount (hot reload, StrictMode) is reused, not duplicated.
        const model =
          monaco.editor.getModel(uri) ?? monaco.editor.createModel(text, languageForPath(filePath), uri);
        if (model.getValue() !== text) model.setValue(text);
        models.set(filePath, model);
        continue;
      }
      const before = existing.getValue();
      const edit = minimalEdit(before, text);
      if (!edit) continue;
      const range = monaco.Range.fromPositions(
        existing.getPositionAt(edit.start),
        existing.getPositionAt(edit.end),
      );
      existing.pushEditOperations([], [{ range, text: edit.text }], () => null);
      highlightChanges(highlightsRef.current, filePath, existing, changedLines(before, text));
    }
  }, [files]);

  // Show the selected file, keeping each file's cursor and scroll when switching between them.
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    const model = path ? modelsRef.current.get(path) : undefined;
    if (shownPathRef.current === (path ?? null) && editor.getModel() === (model ?? null)) return;
    if (shownPathRef.current) viewStatesRef.current.set(shownPathRef.current, editor.saveViewState());
    editor.setModel(model ?? null);
    shownPathRef.current = model ? path : null;
    const state = path ? viewStatesRef.current.get(path) : null;
    if (model && state) editor.restoreViewState(state);
  }, [path, files]);

  // Diagnostics that concern a file become markers on its lines.
  useEffect(() => {
    for (const [filePath, model] of modelsRef.current) {
      const markers = diagnosticMarkers(filePath, model.getValue(), diagnostics, design).map((marker) => ({
        severity: marker.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
        message: marker.message,
        code: marker.rule,
        source: 'StackSketch',
        startLineNumber: marker.line,
        startColumn: marker.startColumn,
        endLineNumber: marker.line,
        endColumn: marker.endColumn,
      }));
      monaco.editor.setModelMarkers(model, MARKER_OWNER, markers);
    }
  }, [files, diagnostics, design]);

  useEffect(() => {
    monaco.editor.setTheme(dark ? DARK_THEME : 'vs');
  }, [dark]);

  return (
    <div
      ref={hostRef}
      className="ss-monaco"
      data-testid="monaco"
      data-language={path ? languageForPath(path) : undefined}
    />
  );
}
