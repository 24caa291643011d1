/**
 * The bundle's folder name from the design name: lowercase ASCII letters, digits, '-', '_' and '.',
 * never starting with a dot, never empty, at most 64 characters. No name can point outside the bundle.
 */
export function bundleFolderName(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[-._]+|[-._]+$/g, '')
    .slice(0, 64)
    .replace(/[-._]+$/g, '');
  return ascii.length > 0 ? ascii : 'stacksketch-design';
}

/** File mode inside the bundle: scripts are executable. */
export function fileMode(path: string): number {
  return path.endsWith('.sh') ? 0o755 : 0o644;
}

/** True when a bundle-relative path stays inside the bundle (no absolute paths, no "..", no backslashes). */
export function isSafeBundlePath(path: string): boolean {
  if (path.length === 0 || path.startsWith('/') || path.includes('\\') || path.includes('\0')) return false;
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

const ASCII_ONLY = /^[\p{ASCII}]*$/u;

/**
 * A download's file name (without extension) that keeps the design's own letters: a Korean name
 * stays Korean. Anything a file system may refuse (`/ \\ : * ? " < > |`, controls, spaces) becomes
 * "-". The one fallback is `asciiName` (the ASCII rule used so far): for names written in ASCII, so
 * their downloads keep the names they always had, and for names with nothing left to keep.
 */
export function downloadBaseName(name: string, asciiName: (name: string) => string): string {
  if (ASCII_ONLY.test(name)) return asciiName(name);
  const kept = [...name.normalize('NFC').replace(/[^\p{L}\p{M}\p{N}._-]+/gu, '-')]
    .slice(0, 80)
    .join('')
    .replace(/-{2,}/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '');
  return /[\p{L}\p{N}]/u.test(kept) ? kept : asciiName(name);
}
