/**
 * A generated file split into its comment lines and the rest: the bundle's language changes only the
 * comments (a `#` line in nginx, ini, Python, YAML, Dockerfile, systemd and shell files, a `//` line
 * in JavaScript) and, with them, the Kubernetes checksum of a Pod's configs.
 */
const COMMENT = /^\s*(?:#(?!!)|\/\/)/;
const CONFIG_CHECKSUM = /^(\s*checksum\/config: ).*$/;

export const isCommentLine = (line: string): boolean => COMMENT.test(line);

/** The lines that are not comments; the Pod template's config checksum masked (it follows the comments). */
export function codeLines(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !isCommentLine(line))
    .map((line) => line.replace(CONFIG_CHECKSUM, '$1<checksum>'));
}

export function commentLines(text: string): string[] {
  return text.split('\n').filter(isCommentLine);
}

export const HANGUL = /[\uac00-\ud7a3]/;
