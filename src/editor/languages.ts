/** The Monaco language of a bundle file, from its path. Pure: used by the preview and its tests. */
export type PreviewLanguage =
  | 'nginx'
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
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (base === 'nginx.conf' || /\.nginx$|nginx.*\.conf$/.test(base)) return 'nginx';
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
