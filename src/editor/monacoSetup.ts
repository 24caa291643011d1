/**
 * Monaco, bundled (no CDN) and trimmed: the core editor, the editor worker only, the contributions the
 * preview uses and the handful of languages the bundle contains. Loaded lazily with the preview.
 */
import * as monaco from 'monaco-editor/editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import 'monaco-editor/editor/browser/coreCommands';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/readOnlyMessage/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/languages/definitions/ini/register';
import 'monaco-editor/languages/definitions/yaml/register';
import 'monaco-editor/languages/definitions/dockerfile/register';
import 'monaco-editor/languages/definitions/python/register';
import 'monaco-editor/languages/definitions/markdown/register';
import 'monaco-editor/languages/definitions/shell/register';
import 'monaco-editor/languages/definitions/javascript/register';
import 'monaco-editor/languages/definitions/html/register';
import 'monaco-editor/languages/definitions/css/register';
import { useAppStore } from '../store';
import { directiveAt, hoverMarkdown, KIND_CONFIG_FILES } from './directiveDocs';
import { jsonConfiguration, jsonLanguage } from './jsonLanguage';

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

// The config formats Monaco does not colour itself (nginx.conf): each kind brings its grammar.
for (const { grammar } of KIND_CONFIG_FILES) {
  if (!grammar) continue;
  monaco.languages.register({ id: grammar.id });
  monaco.languages.setMonarchTokensProvider(grammar.id, grammar.tokens);
  monaco.languages.setLanguageConfiguration(grammar.id, grammar.configuration);
}
monaco.languages.register({ id: 'json', aliases: ['JSON'], extensions: ['.json'] });
monaco.languages.setMonarchTokensProvider('json', jsonLanguage);
monaco.languages.setLanguageConfiguration('json', jsonConfiguration);

/** Bundle files live at file:///<path in bundle>, so the model's path is the bundle path. */
export function modelUri(path: string): monaco.Uri {
  return monaco.Uri.from({ scheme: 'file', path: `/${path}` });
}

export function bundlePathOf(model: monaco.editor.ITextModel): string {
  return model.uri.path.replace(/^\//, '');
}

// The kinds' config files (nginx.conf, gunicorn.conf.py, uwsgi.ini …) explain their directives on
// hover, whatever language colours them: directiveAt answers only for those files.
monaco.languages.registerHoverProvider('*', {
  provideHover(model, position) {
    const hover = directiveAt(
      bundlePathOf(model),
      model.getLineContent(position.lineNumber),
      position.column,
    );
    if (!hover) return null;
    return {
      range: new monaco.Range(position.lineNumber, hover.startColumn, position.lineNumber, hover.endColumn),
      contents: [{ value: hoverMarkdown(hover, useAppStore.getState().catalogue.lang) }],
    };
  },
});

declare global {
  interface Window {
    /** The Monaco namespace, for browser tests and benchmarks reading the preview's models. */
    __stacksketchMonaco?: typeof monaco;
    monaco?: typeof monaco;
  }
}
window.__stacksketchMonaco = monaco;
window.monaco ??= monaco;

export { monaco };
