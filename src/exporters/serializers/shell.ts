/** POSIX shell words: every value single-quoted, so nothing in it is expanded. */
import { hasControlCharacters, printableText } from '../../model/fields';

export function shQuote(value: string): string {
  if (hasControlCharacters(value))
    throw new Error(`shell: refusing ${JSON.stringify(printableText(value))}: control characters`);
  if (/^[A-Za-z0-9_/.:=@%+,-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
