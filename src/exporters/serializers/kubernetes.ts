/**
 * YAML for Kubernetes manifests and kustomization.yaml, written by the `yaml` library. Strings are plain
 * unless the YAML 1.1 schema (which kubectl's YAML reader still follows for `yes`, `on`, `0755`, …)
 * would read them as something else; then the library quotes them. Multi-line text (a ConfigMap's
 * nginx.conf) is a literal block, so the file stays readable and diffs line by line.
 */
import { stringify } from 'yaml';
import { printableText } from '../../model/fields';

const LIBRARY_OPTIONS = {
  version: '1.1',
  lineWidth: 0,
  blockQuote: 'literal',
  defaultKeyType: 'PLAIN',
  defaultStringType: 'PLAIN',
  aliasDuplicateObjects: false,
  indentSeq: true,
} as const;

// Control characters other than the newline of multi-line text (the C0 set, DEL and C1).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

/** Every string and key of a manifest: refused when it holds a control character. */
function checkValues(value: unknown, path: string): void {
  if (typeof value === 'string') {
    if (CONTROL.test(value))
      throw new Error(
        `kubernetes: refusing ${path} ${JSON.stringify(printableText(value).slice(0, 80))}: control characters`,
      );
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => checkValues(item, `${path}[${index}]`));
    return;
  }
  if (value !== null && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) {
      if (CONTROL.test(key) || key.includes('\n'))
        throw new Error(`kubernetes: refusing key ${JSON.stringify(printableText(key))}`);
      checkValues(item, path ? `${path}.${key}` : key);
    }
}

/** One manifest (or kustomization.yaml) as YAML text, with `# ` comment lines above it. */
export function formatManifest(document: Record<string, unknown>, header: readonly string[] = []): string {
  checkValues(document, '');
  for (const line of header)
    if (CONTROL.test(line) || line.includes('\n')) throw new Error('kubernetes: a comment must be one line');
  return `${header.map((line) => `# ${line}\n`).join('')}${stringify(document, LIBRARY_OPTIONS)}`;
}
