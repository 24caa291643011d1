/**
 * YAML through the `yaml` library (never string concatenation). For docker-compose.yml, Compose
 * interpolates `$` in every value, so literal values are escaped as `$$`; a deliberate variable is
 * written with composeVariable().
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
      out[key] = escapeValues(item, path ? `${path}.${key}` : key);
    }
    return out;
  }
  return value;
}

/** A Compose file as YAML text: string values double-quoted (no YAML 1.1 surprises like 80:80 → 4880). */
export function formatCompose(document: Record<string, unknown>, header: string[] = []): string {
  const body = stringify(escapeValues(document, ''), {
    defaultStringType: 'QUOTE_DOUBLE',
    defaultKeyType: 'PLAIN',
    lineWidth: 0,
    indent: 2,
  });
  const comments = header.map((line) => {
    if (hasControlCharacters(line)) throw new Error('compose: a comment must be one line');
    return `# ${line}\n`;
  });
  return `${comments.join('')}${body}`;
}
