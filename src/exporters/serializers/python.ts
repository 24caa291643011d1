/** Python source fragments: string literals through an escaper, names through the field validators. */
import { checkPythonName, printableText } from '../../model/fields';
import { remembered } from '../../model/remembered';

const PLAIN_LITERAL = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/**
 * A double-quoted Python str literal that means exactly `value`: backslash, quote and every character
 * outside printable ASCII are escaped, so the literal is one line whatever the value holds.
 */
export function pyString(value: string): string {
  // Printable ASCII without a backslash or quote is its own literal: no per-character work.
  if (PLAIN_LITERAL.test(value)) return `"${value}"`;
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (code >= 0x20 && code < 0x7f) out += ch;
    else if (code <= 0xff) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

/** A tuple literal of strings (a trailing comma keeps one element a tuple). */
export function pyStringTuple(values: readonly string[]): string {
  if (values.length === 0) return '()';
  if (values.length === 1) return `(${pyString(values[0]!)},)`;
  return `(${values.map(pyString).join(', ')})`;
}

/** A plain identifier (a callable name); throws naming the value when it is not one. */
export function pyIdentifier(value: string): string {
  const problem = checkPythonName(value, false);
  if (problem)
    throw new Error(`python: refusing identifier ${JSON.stringify(printableText(value))}: ${problem}`);
  return value;
}

/** A dotted module path like shop.api; throws naming the value when it is not one. */
export function pyDottedName(value: string): string {
  const problem = checkPythonName(value, true);
  if (problem) throw new Error(`python: refusing module ${JSON.stringify(printableText(value))}: ${problem}`);
  return value;
}

/** A whole-number literal. */
export function pyInt(value: number): string {
  if (!Number.isInteger(value)) throw new Error(`python: refusing ${value}: not a whole number`);
  return String(value);
}

/**
 * A `#` comment (generator text only): must stay on one line. The same few comments are written into
 * every config file, so each is checked and built once.
 */
export const pyComment = remembered((text) => {
  if (/[\r\n\u2028\u2029]/.test(text)) throw new Error('python: a comment must be one line');
  return `# ${text}`;
});
