/**
 * YAML for docker-compose.yml. Compose interpolates `$` in every value, so literal values are escaped
 * as `$$`; a deliberate variable is written with composeVariable().
 *
 * The `yaml` library is the authority on the text: every key and value is written as the library
 * writes it (see formatCompose for how). The tests compare the output byte for byte with the
 * library's own stringify() of the same document, parse it back and run docker-compose on it.
 */
import { stringify } from 'yaml';
import { hasControlCharacters, printableText } from '../../model/fields';

const VARIABLE_MARK = '\u0000var:';

/** The library's settings: the YAML 1.1 schema of docker-compose's PyYAML, strings double-quoted. */
const LIBRARY_OPTIONS = {
  version: '1.1',
  lineWidth: 0,
  defaultStringType: 'QUOTE_DOUBLE',
  defaultKeyType: 'PLAIN',
  aliasDuplicateObjects: false,
  indentSeq: true,
} as const;

/** `${NAME:-}` in the output: the value comes from the environment or .env. */
export function composeVariable(name: string): string {
  if (!/^[A-Z_][A-Z0-9_]*$/.test(name)) throw new Error(`compose: bad variable name ${JSON.stringify(name)}`);
  return `${VARIABLE_MARK}${name}`;
}

function escapeScalar(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (value.startsWith(VARIABLE_MARK)) return `\${${value.slice(VARIABLE_MARK.length)}:-}`;
  return value.replace(/\$/g, '$$$$');
}

function escapeValues(value: unknown, path: string): unknown {
  if (typeof value === 'string') {
    if (!value.startsWith(VARIABLE_MARK) && hasControlCharacters(value))
      throw new Error(
        `compose: refusing ${path} ${JSON.stringify(printableText(value))}: control characters`,
      );
    return escapeScalar(value);
  }
  if (Array.isArray(value)) return value.map((item, index) => escapeValues(item, `${path}[${index}]`));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (hasControlCharacters(key) || key.includes('$'))
        throw new Error(`compose: refusing key ${JSON.stringify(printableText(key))}`);
      // defineProperty, not assignment: a key like "__proto__" must stay an ordinary key.
      Object.defineProperty(out, key, {
        value: escapeValues(item, path ? `${path}.${key}` : key),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}

/** The whole document through the library: the reference, and the path for any shape the emitter skips. */
function stringifyWithLibrary(document: Record<string, unknown>): string {
  return stringify(escapeValues(document, ''), LIBRARY_OPTIONS);
}

/**
 * The library's text of each scalar already written, keyed by the value before `$` escaping. A value's
 * text does not depend on where it stands; a key's does (the library quotes a plain key such as
 * "---x" at the top level only), hence two key tables. Only values that passed the checks get here.
 */
const valueTexts = new Map<unknown, string>();
const keyTexts = [new Map<string, string>(), new Map<string, string>()] as const;
/** Distinct scalars are small and few per design; the bound only keeps a long session from growing. */
const MEMO_LIMIT = 50_000;

type Scalar = string | number | boolean;

interface Misses {
  values: Set<Scalar>;
  keys: [Set<string>, Set<string>];
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * The passes walk maps with for...in (no array of keys per map): for a plain object it visits
 * exactly Object.keys, in the same order, unless something enumerable was added to
 * Object.prototype, in which case emitCompose leaves the document to the library.
 */
function hasKeys(map: object): boolean {
  for (const key in map) if (key !== undefined) return true;
  return false;
}

function prototypeIsClean(): boolean {
  for (const key in Object.prototype) if (key !== undefined) return false;
  return true;
}

function isEmptyCollection(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.length === 0;
  return isPlainObject(value) && !hasKeys(value);
}

/**
 * The library's text of a scalar; null when it has none yet (then it is added to the misses); false
 * when the value is refused (control characters) or is not a scalar the emitter writes.
 */
function scalarText(value: unknown, misses: Misses): string | null | false {
  if (typeof value === 'string') {
    const text = valueTexts.get(value);
    if (text !== undefined) return text;
    if (!value.startsWith(VARIABLE_MARK) && hasControlCharacters(value)) return false;
    misses.values.add(value);
    return null;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    // The tables cannot tell -0 from 0 (Map keys), and the library writes them differently.
    if (Object.is(value, -0)) return false;
    const text = valueTexts.get(value);
    if (text !== undefined) return text;
    misses.values.add(value);
    return null;
  }
  return false;
}

/** Each line of `text` with `prefix` and `suffix` cut off; null if any line does not have them. */
function cutLines(text: string, count: number, prefix: string, suffix: string): string[] | null {
  const lines = text.split('\n');
  if (lines.length !== count + 1 || lines[count] !== '') return null;
  const cut: string[] = [];
  for (let i = 0; i < count; i++) {
    const line = lines[i]!;
    if (!line.startsWith(prefix) || !line.endsWith(suffix)) return null;
    cut.push(line.slice(prefix.length, line.length - suffix.length));
  }
  return cut;
}

/**
 * Asks the library for the text of every new scalar at once: values as the items of one list, keys
 * as the keys of one map (nested one level for the nested-key table). false when the library wrote
 * something other than one line per scalar (e.g. an explicit "? " key over 1,024 characters).
 */
function learnScalars(misses: Misses): boolean {
  if (misses.values.size > 0) {
    const raw = [...misses.values];
    const texts = cutLines(stringify(raw.map(escapeScalar), LIBRARY_OPTIONS), raw.length, '- ', '');
    if (!texts) return false;
    raw.forEach((value, index) => valueTexts.set(value, texts[index]!));
  }
  for (const keyClass of [0, 1] as const) {
    if (misses.keys[keyClass].size === 0) continue;
    const map: Record<string, unknown> = {};
    for (const key of misses.keys[keyClass])
      Object.defineProperty(map, key, { value: 0, enumerable: true, writable: true, configurable: true });
    // The library writes the keys in this order (integer-like keys such as "4" first).
    const keys = Object.keys(map);
    const text = keyClass === 0 ? stringify(map, LIBRARY_OPTIONS) : stringify({ k: map }, LIBRARY_OPTIONS);
    const body = keyClass === 0 ? text : text.startsWith('k:\n') ? text.slice(3) : '';
    const texts = cutLines(body, keys.length, keyClass === 0 ? '' : '  ', ': 0');
    if (!texts) return false;
    keys.forEach((key, index) => keyTexts[keyClass].set(key, texts[index]!));
  }
  return true;
}

function emptyText(value: object): string {
  return Array.isArray(value) ? '[]' : '{}';
}

/** `key` at `depth` followed by `tail` (": " before a value, ":" before the lines of one). */
function keyLine(key: string, depth: number, tail: string): string {
  return `${'  '.repeat(depth)}${keyTexts[depth === 0 ? 0 : 1].get(key)!}${tail}`;
}

/**
 * One walk that checks every key and value and writes the block structure: indentation, `key:` lines
 * and `- ` items, each scalar's text from the tables filled by learnScalars. A key or value without a
 * text yet goes into `misses` and its line is left out (the caller learns them and walks again).
 * false means "let the library write this document": a refused value or key (escapeValues then
 * throws the same error as ever) or a shape this does not write (null, undefined, nested non-empty
 * collections in a list, anything but plain objects, arrays, strings, numbers and booleans).
 */
function writeMap(map: Record<string, unknown>, depth: number, out: string[], misses: Misses): boolean {
  const keyClass = depth === 0 ? 0 : 1;
  const known = keyTexts[keyClass];
  for (const key in map) {
    let head: string | null = null;
    if (known.has(key)) head = keyLine(key, depth, ': ');
    else {
      if (hasControlCharacters(key) || key.includes('$')) return false;
      misses.keys[keyClass].add(key);
    }
    const value = map[key];
    if (value === null || typeof value !== 'object') {
      const text = scalarText(value, misses);
      if (text === false) return false;
      if (head !== null && text !== null) out.push(head + text);
    } else if (Array.isArray(value)) {
      if (value.length === 0) {
        if (head !== null) out.push(`${head}[]`);
        continue;
      }
      if (head !== null) out.push(keyLine(key, depth, ':'));
      const dash = `${'  '.repeat(depth)}  - `;
      for (const item of value) {
        if (isEmptyCollection(item)) {
          out.push(dash + emptyText(item as object));
          continue;
        }
        const text = scalarText(item, misses);
        if (text === false) return false;
        if (text !== null) out.push(dash + text);
      }
    } else if (!isPlainObject(value)) return false;
    else if (!hasKeys(value)) {
      if (head !== null) out.push(`${head}{}`);
    } else {
      if (head !== null) out.push(keyLine(key, depth, ':'));
      if (!writeMap(value, depth + 1, out, misses)) return false;
    }
  }
  return true;
}

function noMisses(): Misses {
  return { values: new Set(), keys: [new Set(), new Set()] };
}

function missCount(misses: Misses): number {
  return misses.values.size + misses.keys[0].size + misses.keys[1].size;
}

/**
 * The block text of a Compose document with every scalar's text from the library, or null when the
 * library must write it whole: a refused value or key, or a shape this does not write.
 */
export function emitCompose(document: Record<string, unknown>): string | null {
  const lines = emitComposeLines(document);
  return lines === null ? null : lines.join('\n');
}

/** emitCompose as lines after `head` (the last one empty, for the final newline), or null. */
function emitComposeLines(document: Record<string, unknown>, head: readonly string[] = []): string[] | null {
  if (valueTexts.size + keyTexts[0].size + keyTexts[1].size > MEMO_LIMIT) {
    valueTexts.clear();
    keyTexts[0].clear();
    keyTexts[1].clear();
  }
  if (!prototypeIsClean() || isEmptyCollection(document) || !isPlainObject(document)) return null;
  const misses = noMisses();
  let out = head.slice();
  if (!writeMap(document, 0, out, misses)) return null;
  if (missCount(misses) > 0) {
    // New scalars: their texts from the library, then the whole walk again with every text known.
    if (!learnScalars(misses)) return null;
    const again = noMisses();
    out = head.slice();
    if (!writeMap(document, 0, out, again) || missCount(again) > 0) return null;
  }
  out.push('');
  return out;
}

function headerLines(header: string[]): string[] {
  return header.map((line) => {
    if (hasControlCharacters(line)) throw new Error('compose: a comment must be one line');
    return `# ${line}`;
  });
}

function withHeader(header: string[], body: string): string {
  // One join: one flat string, not the header and body as a pair.
  const lines = headerLines(header);
  lines.push(body);
  return lines.join('\n');
}

/**
 * A Compose file as YAML text, as the `yaml` library writes it under the YAML 1.1 schema that
 * docker-compose's PyYAML reads: string values double-quoted (no surprises like 80:80 → 4880), keys
 * plain unless 1.1 would re-type them (yes, on, null, numbers), then quoted by the library.
 *
 * Why an emitter of our own: a 1,000-service file built as the library's document model costs ~38 ms
 * (nodes, pairs and a visit per scalar). A Compose file is only maps, lists and scalars, so
 * emitCompose writes the indentation, `key:` lines and `- ` items itself and takes each scalar's text
 * from the library (learned once per distinct scalar). Any other shape goes through the library whole.
 */
export function formatCompose(document: Record<string, unknown>, header: string[] = []): string {
  // A refused comment throws after the document is checked, as ever: that case takes the long way.
  if (header.some((line) => hasControlCharacters(line)))
    return withHeader(header, emitCompose(document) ?? stringifyWithLibrary(document));
  // The header's lines and the body's in one join: the body is not copied a second time.
  const lines = emitComposeLines(document, headerLines(header));
  return lines === null ? withHeader(header, stringifyWithLibrary(document)) : lines.join('\n');
}

/** formatCompose entirely through the library's document model: the reference the emitter must match. */
export function formatComposeWithLibrary(document: Record<string, unknown>, header: string[] = []): string {
  return withHeader(header, stringifyWithLibrary(document));
}

/** The `# ` comment lines at the top of a Compose file, each with its newline. */
export function composeHeader(header: string[]): string {
  return headerLines(header)
    .map((line) => `${line}\n`)
    .join('');
}

/**
 * One entry of a top-level section (its "  name:" line and the lines below), exactly as formatCompose
 * writes it inside the whole document: a block's text does not depend on its siblings.
 */
export function formatComposeEntry(section: string, name: string, value: unknown): string {
  const entries: Record<string, unknown> = {};
  // defineProperty, not assignment: a name like "__proto__" must stay an ordinary key.
  Object.defineProperty(entries, name, { value, enumerable: true, writable: true, configurable: true });
  const text = formatCompose({ [section]: entries });
  return text.slice(text.indexOf('\n') + 1);
}
