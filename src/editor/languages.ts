/** The Monaco language of a bundle file, from its path. Pure: used by the preview and its tests. */
import { configFileOf } from './directiveDocs';

/** The languages Monaco colours itself, and those of the kinds' config files (their grammar's id). */
export type PreviewLanguage =
  | KindGrammarId
  | 'ini'
  | 'yaml'
  | 'dockerfile'
  | 'python'
  | 'json'
  | 'markdown'
  | 'shell'
  | 'javascript'
  | 'html'
  | 'css'
  | 'plaintext';

/** A kind's config-file grammar (src/nodes/<kind>/configFile.ts), registered with Monaco by its id. */
type KindGrammarId = string;

const BY_EXTENSION: Record<string, PreviewLanguage> = {
  ini: 'ini',
  yml: 'yaml',
  yaml: 'yaml',
  py: 'python',
  json: 'json',
  md: 'markdown',
  sh: 'shell',
  js: 'javascript',
  jsx: 'javascript',
  mjs: 'javascript',
  ts: 'javascript',
  tsx: 'javascript',
  html: 'html',
  css: 'css',
  txt: 'plaintext',
};

export function languageForPath(path: string): PreviewLanguage {
  const grammar = configFileOf(path)?.grammar;
  if (grammar) return grammar.id;
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (base === 'Dockerfile' || base.startsWith('Dockerfile.') || base.endsWith('.dockerfile'))
    return 'dockerfile';
  // Make recipes are run by a shell; the shell colours read well enough and avoid another grammar.
  if (base === 'Makefile') return 'shell';
  // KEY=value lines: ini colours them as keys and values.
  if (base === '.env' || base.startsWith('.env.')) return 'ini';
  if (base === '.dockerignore' || base === '.gitignore') return 'plaintext';
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return 'plaintext';
  return BY_EXTENSION[base.slice(dot + 1).toLowerCase()] ?? 'plaintext';
}
