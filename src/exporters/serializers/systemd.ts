/**
 * systemd unit files. systemd reads a value to the end of the line, expands `%` specifiers in most
 * settings and `$VAR` in command lines, and a trailing backslash continues the line. So a value with
 * a control character is refused, plain values must be free of the characters systemd would
 * interpret, and command-line words are double-quoted with `\`, `"`, `$` and `%` escaped.
 */
import { hasControlCharacters, printableText } from '../../model/fields';

/**
 * One word of a command line: a plain word, or a path around the template unit's instance name
 * (`%i`), like copies/%i/gunicorn.conf.py; both parts are the generator's own safe text.
 */
export type CommandWord = string | { aroundInstance: readonly [before: string, after: string] };

/** A setting's value: written as is after checks, or one command line of words. */
export type UnitValue =
  | string
  | number
  | boolean
  | { command: readonly CommandWord[] }
  /** One `Environment=` assignment. */
  | { env: readonly [name: string, value: string] }
  /** Text of the generator's own, where systemd should expand `%i` or `$MAINPID`: never a user value. */
  | { literal: string };

export interface UnitSection {
  name: 'Unit' | 'Service' | 'Socket' | 'Install';
  entries: { key: string; value: UnitValue; comment?: string }[];
}

const KEY = /^[A-Z][A-Za-z]*$/;
/** Characters systemd would read as something else in a plain value. */
const PLAIN_VALUE = /^[A-Za-z0-9_@/.:=+,~ -]*$/;

function refuse(value: string, why: string): never {
  throw new Error(`systemd: refusing ${JSON.stringify(printableText(value))}: ${why}`);
}

/** A plain setting value (paths, names, lists of words): refused unless systemd reads it literally. */
export function unitValue(value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) refuse(String(value), 'not an integer');
    return String(value);
  }
  if (hasControlCharacters(value)) refuse(value, 'control characters');
  if (value.trim() !== value) refuse(value, 'leading or trailing spaces');
  if (!PLAIN_VALUE.test(value)) refuse(value, 'characters systemd would expand or quote');
  return value;
}

/** One word of a command line, quoted so systemd passes it through unchanged. */
export function unitWord(word: string): string {
  if (hasControlCharacters(word)) refuse(word, 'control characters');
  if (word === '') refuse(word, 'empty word');
  if (/^[A-Za-z0-9_@/.:=+,-]+$/.test(word)) return word;
  const escaped = word
    .replace(/[\\"]/g, (c) => `\\${c}`)
    .replace(/\$/g, '$$$$')
    .replace(/%/g, '%%');
  return `"${escaped}"`;
}

function commandWord(word: CommandWord): string {
  if (typeof word === 'string') return unitWord(word);
  const [before, after] = word.aroundInstance;
  for (const part of word.aroundInstance)
    if (!/^[A-Za-z0-9_/.-]*$/.test(part)) refuse(part, 'not a plain path around the instance name');
  return `${before}%i${after}`;
}

/** `Environment=` value: one quoted KEY=value assignment. */
export function unitEnvironment(name: string, value: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) refuse(name, 'not an environment variable name');
  if (hasControlCharacters(value)) refuse(value, 'control characters');
  const escaped = `${name}=${value}`.replace(/[\\"]/g, (c) => `\\${c}`).replace(/%/g, '%%');
  return `"${escaped}"`;
}

function formatValue(value: UnitValue): string {
  if (typeof value === 'object' && 'literal' in value) {
    if (hasControlCharacters(value.literal)) refuse(value.literal, 'control characters');
    return value.literal;
  }
  if (typeof value === 'object' && 'env' in value) return unitEnvironment(...value.env);
  if (typeof value === 'object') {
    if (value.command.length === 0) throw new Error('systemd: refusing an empty command line');
    return value.command.map(commandWord).join(' ');
  }
  return unitValue(value);
}

/** The whole unit file: leading comment lines, then each section with its settings. */
export function formatUnit(comments: readonly string[], sections: readonly UnitSection[]): string {
  const lines = comments.map((line) => {
    if (hasControlCharacters(line)) refuse(line, 'control characters in a comment');
    return `# ${line}`.trimEnd();
  });
  for (const section of sections) {
    if (lines.length > 0) lines.push('');
    lines.push(`[${section.name}]`);
    for (const { key, value, comment } of section.entries) {
      if (!KEY.test(key)) refuse(key, 'bad key');
      if (comment !== undefined) {
        if (hasControlCharacters(comment)) refuse(comment, 'control characters in a comment');
        lines.push(`# ${comment}`);
      }
      lines.push(`${key}=${formatValue(value)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
