/**
 * YAML for docker-compose.yml. Compose interpolates `$` in every value, so literal values are escaped
 * as `$$`; a deliberate variable is written with composeVariable().
 *
 * The text itself comes from the `yaml` library; the tests parse it back and run docker-compose on it.
 */
import { stringify } from 'yaml';
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

/**
 * A Compose file as YAML text, written by the `yaml` library under the YAML 1.1 schema that
 * docker-compose's PyYAML reads: string values double-quoted (no surprises like 80:80 → 4880), keys
 * plain unless 1.1 would re-type them (yes, on, null, numbers), then quoted by the library.
 */
export function formatCompose(document: Record<string, unknown>, header: string[] = []): string {
  const body = stringify(escapeValues(document, ''), {
    version: '1.1',
    lineWidth: 0,
    defaultStringType: 'QUOTE_DOUBLE',
    defaultKeyType: 'PLAIN',
    aliasDuplicateObjects: false,
    indentSeq: true,
  });
  const comments = header.map((line) => {
    if (hasControlCharacters(line)) throw new Error('compose: a comment must be one line');
    return `# ${line}\n`;
  });
  return `${comments.join('')}${body}`;
}
