/**
 * Hover documentation for the directives StackSketch writes: what each one does and why the bundle
 * uses it. Each kind that writes a config file keeps its docs in its folder
 * (`src/nodes/<kind>/configFile.ts`); this module finds them there and looks a hovered word up.
 */
import type { Lang } from '../i18n/lang';
import type { DirectiveDoc, KindConfigFile } from '../nodes/configFiles';

/** Every kind's config file, found in the kinds' folders (the kind's folder is its registration). */
export const KIND_CONFIG_FILES: readonly KindConfigFile[] = Object.values(
  import.meta.glob<KindConfigFile>('../nodes/*/configFile.ts', { eager: true, import: 'configFile' }),
);

/** The kind's config file a bundle file is, from its name (null: no kind documents it). */
export function configFileOf(path: string): KindConfigFile | null {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return KIND_CONFIG_FILES.find((file) => file.matches(base)) ?? null;
}

export interface DirectiveHover {
  file: KindConfigFile;
  name: string;
  doc: DirectiveDoc;
  /** The word's columns on the line (1-based, end exclusive), for the hover range. */
  startColumn: number;
  endColumn: number;
  /** The value written on this line, when the word is the directive of the line. */
  value: string | null;
}

function wordAt(line: string, column: number, pattern: RegExp): { word: string; start: number } | null {
  const index = column - 1;
  for (const match of line.matchAll(pattern)) {
    const start = match.index;
    if (index >= start && index <= start + match[0].length) return { word: match[0], start };
  }
  return null;
}

/** The documented directive under the cursor (column is 1-based, like Monaco's), or null. */
export function directiveAt(path: string, line: string, column: number): DirectiveHover | null {
  const file = configFileOf(path);
  if (!file) return null;
  const ini = file.syntax === 'ini';
  // Comments explain themselves; ini also comments with ';' (nginx uses it to end statements).
  const code = ini ? line.replace(/(^|\s)[#;].*$/, '$1') : line.replace(/#.*$/, '');
  const found = wordAt(code, column, ini ? /[A-Za-z][\w-]*/g : /[A-Za-z_][\w]*/g);
  if (!found) return null;
  const doc = file.directives.en[found.word];
  if (!doc) return null;
  let value: string | null = null;
  if (file.syntax === 'statements') {
    const statement = /^\s*([a-z_]+)\s+([^;{]*)/.exec(code);
    if (statement && statement[1] === found.word) value = statement[2]!.trim() || null;
  } else {
    const assignment = /^\s*([\w-]+)\s*=\s*(.*?)\s*$/.exec(code);
    if (assignment && assignment[1] === found.word) value = assignment[2] || null;
  }
  return {
    file,
    name: found.word,
    doc,
    startColumn: found.start + 1,
    endColumn: found.start + 1 + found.word.length,
    value,
  };
}

/** The hover's Markdown in the UI's language. */
export function hoverMarkdown(hover: DirectiveHover, lang: Lang = 'en'): string {
  const korean = lang === 'ko' ? hover.file.directives.ko[hover.name] : undefined;
  const doc = korean ?? hover.doc;
  const words = korean ? { here: '여기서', why: '이유' } : { here: 'Here', why: 'Why' };
  const head = `**${hover.name}** (${hover.file.program})`;
  const value = hover.value ? `\n\n${words.here}: \`${hover.value.replace(/`/g, "'")}\`` : '';
  return `${head}\n\n${doc.what}${value}\n\n*${words.why}:* ${doc.why}`;
}
