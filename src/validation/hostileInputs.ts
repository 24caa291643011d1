/**
 * Hostile inputs: values that try to break out of a config value, smuggle a path, hide text or pose
 * as something else. Every text field must refuse each of them with its `invalid-*` rule, except the
 * few plain absolute paths that are legitimately valid where an absolute path is expected (`acceptedIn`).
 * Exported so exporter and CLI tests can check that none of them ever reaches a generated file.
 */
import type { FieldRuleId } from '../nodes/types';

/** Every user-editable text field of a design, with the rule that guards it. */
export const TEXT_FIELDS = {
  'nginx.serverName': 'invalid-server-name',
  'nginx.clientMaxBodySize': 'invalid-size',
  'nginx.email': 'invalid-email',
  'nginx.certFile': 'invalid-path',
  'nginx.keyFile': 'invalid-path',
  'edge.route': 'invalid-route',
  'flask.module': 'invalid-python-name',
  'flask.callable': 'invalid-python-name',
  'gunicorn.socketPath': 'invalid-path',
  'uwsgi.socketPath': 'invalid-path',
  'sqlite.file': 'invalid-path',
  container: 'invalid-container-name',
  'client.label': 'invalid-label',
  'design.name': 'invalid-label',
} as const satisfies Record<string, FieldRuleId>;

export type TextField = keyof typeof TEXT_FIELDS;

export interface HostileInput {
  value: string;
  /** What the value tries to do. */
  why: string;
  /** Fields where the value is legitimately valid (an absolute path where one is expected). */
  acceptedIn?: readonly TextField[];
}

/** Display text accepts harmless punctuation that is hostile only in technical fields. */
const LABEL_FIELDS: readonly TextField[] = ['client.label', 'design.name'];
const ABSOLUTE_PATH_FIELDS: readonly TextField[] = [
  'edge.route',
  'gunicorn.socketPath',
  'uwsgi.socketPath',
  'sqlite.file',
  'nginx.certFile',
  'nginx.keyFile',
];

const controls = Array.from({ length: 32 }, (_, code) => code)
  .filter((code) => ![9, 10, 13, 0].includes(code))
  .filter((code) => code % 4 === 1) // a spread of C0 controls besides the named ones
  .map((code) => ({
    value: `a${String.fromCharCode(code)}b`,
    why: `C0 control U+${code.toString(16).padStart(4, '0')}`,
  }));

export const HOSTILE_STRINGS: readonly HostileInput[] = [
  { value: ';', why: 'ends an nginx directive' },
  { value: '{', why: 'opens an nginx block' },
  { value: '}', why: 'closes an nginx block' },
  { value: 'a;b', why: 'directive separator inside a value' },
  { value: '"', why: 'double quote ends a quoted value' },
  { value: "'", why: 'single quote ends a quoted value' },
  { value: '`id`', why: 'shell command substitution' },
  { value: '$', why: 'nginx and shell variable sigil' },
  { value: '${HOME}', why: 'shell and compose interpolation' },
  { value: '$(id)', why: 'shell command substitution' },
  { value: '$host', why: 'nginx variable expansion' },
  { value: 'a\nb', why: 'line feed starts a new directive or key' },
  { value: 'a\rb', why: 'carriage return' },
  { value: 'a\r\nb', why: 'CRLF injection' },
  { value: 'a\tb', why: 'tab inside a value' },
  { value: 'a\u0000b', why: 'NUL byte truncates C strings' },
  { value: 'a\u007fb', why: 'DEL control character' },
  { value: 'a\u0085b', why: 'C1 next-line control' },
  { value: 'a\u2028b', why: 'Unicode line separator' },
  { value: 'a\u2029b', why: 'Unicode paragraph separator' },
  { value: 'a\u202eb', why: 'right-to-left override hides the real text' },
  { value: 'a\u2066b\u2069', why: 'bidi isolate' },
  { value: 'a\u200bb', why: 'zero-width space' },
  { value: '\ufeffapp', why: 'byte-order mark' },
  { value: '../', why: 'climbs out of a folder' },
  { value: '../../etc/passwd', why: 'relative path traversal' },
  { value: '..', why: 'parent folder' },
  { value: '/etc/passwd', why: 'absolute path where a name is expected', acceptedIn: ABSOLUTE_PATH_FIELDS },
  {
    value: '/root/.ssh/authorized_keys',
    why: 'absolute path to a sensitive file',
    acceptedIn: ABSOLUTE_PATH_FIELDS,
  },
  { value: '/var/run/../../etc/shadow', why: 'traversal inside an absolute path' },
  { value: '/data/./app.db/..', why: 'dot segments' },
  { value: 'C:\\Windows\\system32', why: 'Windows path with backslashes' },
  { value: '\\\\server\\share', why: 'UNC path' },
  { value: '<script>alert(1)</script>', why: 'HTML script injection' },
  { value: '<img src=x onerror=alert(1)>', why: 'HTML attribute injection' },
  { value: '"><svg onload=alert(1)>', why: 'breaks out of an HTML attribute' },
  { value: 'a'.repeat(10_000), why: 'a 10,000-character string' },
  { value: `${'ab.'.repeat(3_400)}com`, why: 'a very long dotted name' },
  { value: `/${'x/'.repeat(5_000)}`, why: 'a very long path' },
  { value: 'loc\u0430lhost', why: 'Cyrillic а posing as Latin a' },
  { value: '\u0440\u0430ypal.com', why: 'Cyrillic lookalike domain' },
  { value: '\uff0fapi', why: 'fullwidth solidus posing as /' },
  { value: 'app\uff1bx', why: 'fullwidth semicolon' },
  { value: "' or 1=1 --", why: 'SQL injection classic' },
  { value: 'x; } server { listen 81; }#', why: 'nginx directive injection' },
  { value: 'x;\n  location / { root /; }', why: 'nginx location injection' },
  { value: 'example.com; include /etc/passwd', why: 'nginx include injection' },
  { value: 'x\n[uwsgi]\nexec-as-root=id', why: 'INI section injection' },
  { value: 'x\nexec-as-root = id', why: 'INI key injection' },
  { value: '%(exec://id)', why: 'uWSGI magic placeholder' },
  { value: '@(exec://id)', why: 'uWSGI config-logic read' },
  { value: 'x\n  privileged: true', why: 'YAML key injection' },
  { value: 'x: y', why: 'YAML mapping inside a scalar', acceptedIn: LABEL_FIELDS },
  { value: '- x', why: 'YAML sequence marker', acceptedIn: LABEL_FIELDS },
  { value: '{{7*7}}', why: 'template injection' },
  { value: 'app:app; import os', why: 'Python code after an import target' },
  { value: '__import__("os").system("id")', why: 'Python expression' },
  {
    value: 'a b',
    why: 'space where a single token is expected',
    acceptedIn: ['nginx.serverName', ...LABEL_FIELDS],
  },
  { value: ' ', why: 'blank' },
  { value: '', why: 'empty', acceptedIn: ['nginx.email'] },
  { value: '-rf', why: 'option-like value', acceptedIn: LABEL_FIELDS },
  { value: '|id', why: 'pipe to a command' },
  { value: 'a&&id', why: 'shell command chaining', acceptedIn: LABEL_FIELDS },
  { value: 'a>b', why: 'shell redirection' },
  { value: '#', why: 'comment marker in nginx, INI and YAML', acceptedIn: LABEL_FIELDS },
  ...controls,
];

/** Numbers that are not ports: every port field must refuse each with invalid-port. */
export const HOSTILE_PORTS: readonly number[] = [0, -1, 65536, 80.5, 1e9, -65535, 0.1, 2 ** 31];
