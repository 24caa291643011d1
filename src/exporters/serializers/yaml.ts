/**
 * YAML for docker-compose.yml. Compose interpolates `$` in every value, so literal values are escaped
 * as `$$`; a deliberate variable is written with composeVariable().
 *
 * The emitter covers exactly what a Compose file needs (maps, lists, strings, numbers, booleans) and
 * writes every string as a JSON string, which is a valid YAML double-quoted scalar for YAML 1.1
 * (docker-compose's PyYAML) and 1.2 alike: no plain scalar is ever re-typed (80:80 stays a string).
 * It is far faster than a general YAML library on large designs; the tests parse its output back
 * with the `yaml` library and docker-compose to prove it writes the same document.
 */
import { hasControlCharacters, printableText } from '../../model/fields';

const VARIABLE_MARK = '\u0000var:';

/** `${NAME:-}` in the output: the value comes from the environment or .env. */
export function composeVariable(name: string): string {
  if (!/^[A-Z_][A-Z0-9_]*$/.test(name)) throw new Error(`compose: bad variable name ${JSON.stringify(name)}`);
  return `${VARIABLE_MARK}${name}`;
}

function escapeValues(value: unknown, path: string): unknown {
  if (typeof value === 'string') {
    if (value.startsWith(VARIABLE_MARK)) return `\${${value.slice(VARIABLE_MARK.length)}:-}`;
    if (hasControlCharacters(value))
      throw new Error(
        `compose: refusing ${path} ${JSON.stringify(printableText(value))}: control characters`,
      );
    return value.replace(/\$/g, '$$$$');
  }
  if (Array.isArray(value)) return value.map((item, index) => escapeValues(item, `${path}[${index}]`));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (hasControlCharacters(key) || key.includes('$'))
        throw new Error(`compose: refusing key ${JSON.stringify(printableText(key))}`);
      out[key] = escapeValues(item, path ? `${path}.${key}` : key);
    }
    return out;
  }
  return value;
}

/** A Compose file as YAML text: string values double-quoted (no YAML 1.1 surprises like 80:80 → 4880). */
export function formatCompose(document: Record<string, unknown>, header: string[] = []): string {
  const out: string[] = [];
  emitMap(escapeValues(document, '') as Record<string, unknown>, '', out);
  const body = `${out.join('\n')}\n`;
  const comments = header.map((line) => {
    if (hasControlCharacters(line)) throw new Error('compose: a comment must be one line');
    return `# ${line}\n`;
  });
  return `${comments.join('')}${body}`;
}

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
/** Keys YAML 1.1 would read as booleans or null if written plain. */
const TYPED_WORDS =
  /^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL)$/;

function yamlKey(key: string): string {
  return PLAIN_KEY.test(key) && !TYPED_WORDS.test(key) ? key : JSON.stringify(key);
}

function yamlScalar(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`compose: refusing non-finite number ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value === null) return 'null';
  throw new Error(`compose: cannot write a ${typeof value}`);
}

function isCollection(value: unknown): value is Record<string, unknown> | unknown[] {
  return value !== null && typeof value === 'object';
}

function isEmpty(value: Record<string, unknown> | unknown[]): boolean {
  return Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
}

function emitMap(map: Record<string, unknown>, indent: string, out: string[]): void {
  for (const [key, value] of Object.entries(map)) {
    if (value === undefined) continue;
    if (isCollection(value) && !isEmpty(value)) {
      out.push(`${indent}${yamlKey(key)}:`);
      if (Array.isArray(value)) emitList(value, `${indent}  `, out);
      else emitMap(value, `${indent}  `, out);
    } else if (isCollection(value))
      out.push(`${indent}${yamlKey(key)}: ${Array.isArray(value) ? '[]' : '{}'}`);
    else out.push(`${indent}${yamlKey(key)}: ${yamlScalar(value)}`);
  }
}

function emitList(list: unknown[], indent: string, out: string[]): void {
  for (const item of list) {
    if (isCollection(item) && !isEmpty(item)) {
      if (Array.isArray(item)) {
        out.push(`${indent}-`);
        emitList(item, `${indent}  `, out);
      } else {
        // "- key: value" with the rest of the map aligned under the first key.
        const start = out.length;
        emitMap(item, `${indent}  `, out);
        out[start] = `${indent}- ${out[start]!.slice(indent.length + 2)}`;
      }
    } else if (isCollection(item)) out.push(`${indent}- ${Array.isArray(item) ? '[]' : '{}'}`);
    else out.push(`${indent}- ${yamlScalar(item)}`);
  }
}
