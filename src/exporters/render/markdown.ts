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

/** A list item of several lines: the first after the dash, the rest indented under it. */
export function bullet(lines: readonly string[]): string[] {
  return [`- ${lines[0]}`, ...lines.slice(1).map((line) => `  ${line}`)];
}

/** A numbered list whose items have several lines: each item's first line after its number, the rest indented under it. */
export function numbered(items: readonly (readonly string[])[]): string[] {
  return items.flatMap((lines, index) => [
    `${index + 1}. ${lines[0]}`,
    ...lines.slice(1).map((line) => `   ${line}`),
  ]);
}

/** A section's heading and the blank line under it. */
export function heading(level: 1 | 2 | 3, title: string): string[] {
  return [`${'#'.repeat(level)} ${title}`, ''];
}

/** The warnings section, one bullet each; nothing when there are none. */
export function warningSection(title: string, warnings: readonly string[]): string[] {
  return warnings.length > 0 ? [...heading(2, title), ...warnings.map((warning) => `- ${warning}`), ''] : [];
}

/** A host README's opening: its title and introduction, then the heading and header row of its first table. */
export function openingLines(
  title: string,
  intro: readonly string[],
  tableTitle: string,
  columns: readonly string[],
): string[] {
  return [...heading(1, title), ...intro, '', ...heading(2, tableTitle), ...tableHeader(columns)];
}
