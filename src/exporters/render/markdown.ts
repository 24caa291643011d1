/** The Markdown pieces the bundles' READMEs are written with, in every language. */
import { printableText } from '../../model/fields';

/** Design text in the Compose README: no HTML, no link or emphasis syntax (each such character an entity). */
export function md(text: string): string {
  return printableText(text).replace(/[\\`*_{}[\]<>()#+!|~&]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** A code span; a backtick inside becomes a quote, so the span cannot end early. */
export function code(text: string): string {
  return `\`${text.includes('`') ? text.replace(/`/g, "'") : text}\``;
}

/** Design text in the server and Kubernetes READMEs: Markdown's own characters backslash-escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>]/g, (c) => `\\${c}`);
}

/** A code span around text as it is (names and paths the bundle itself chose). */
export const codeSpan = (text: string) => `\`${text}\``;

/** A table's header row and its divider. */
export function tableHeader(columns: readonly string[]): string[] {
  return [`| ${columns.join(' | ')} |`, `| ${columns.map(() => '---').join(' | ')} |`];
}

/** A fenced code block (`lang`: its info string, like `sh`). */
export function codeBlock(lang: string, lines: readonly string[]): string[] {
  return [`\`\`\`${lang}`, ...lines, '```'];
}
