/**
 * INI text for uwsgi.ini. uWSGI reads a value up to the end of the line and expands `%(...)`, `%x`,
 * `$(...)` and `@(...)` inside it, so a value with a line break, a control character or any of those
 * triggers is rejected rather than written.
 */
import { hasControlCharacters, printableText } from '../../model/fields';

export type IniValue = string | number | boolean;

export interface IniSection {
  name: string;
  /** Comment lines written above the section header. */
  comments?: string[];
  entries: { key: string; value: IniValue; comment?: string }[];
}

const KEY = /^[a-z0-9][a-z0-9-]*$/;
const SECTION = /^[a-z0-9_-]+$/;

export function formatIniValue(value: IniValue): string {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`ini: refusing non-finite number ${value}`);
    return String(value);
  }
  const problem = iniValueProblem(value);
  if (problem) throw new Error(`ini: refusing value ${JSON.stringify(printableText(value))}: ${problem}`);
  return value;
}

function iniValueProblem(value: string): string | null {
  if (value.length === 0) return 'empty';
  if (hasControlCharacters(value)) return 'line breaks and control characters cannot stand in an ini value';
  if (value !== value.trim()) return 'leading or trailing spaces would be lost';
  if (/[%$@]/.test(value)) return 'uWSGI expands %, $( ) and @( ) inside values';
  if (/^[;#]/.test(value)) return 'a value starting with ; or # reads as a comment';
  return null;
}

export function formatIni(sections: IniSection[]): string {
  const out: string[] = [];
  for (const section of sections) {
    if (!SECTION.test(section.name)) throw new Error(`ini: bad section name ${JSON.stringify(section.name)}`);
    for (const line of section.comments ?? []) out.push(commentLine(line));
    out.push(`[${section.name}]`);
    for (const entry of section.entries) {
      if (!KEY.test(entry.key)) throw new Error(`ini: bad key ${JSON.stringify(entry.key)}`);
      if (entry.comment) out.push(commentLine(entry.comment));
      out.push(`${entry.key} = ${formatIniValue(entry.value)}`);
    }
    out.push('');
  }
  // Joined, not text + "\n": the file is one flat string when it is returned.
  return [out.join('\n').trimEnd(), '\n'].join('');
}

function commentLine(text: string): string {
  if (hasControlCharacters(text)) throw new Error('ini: a comment must be one line');
  return `# ${text}`;
}
