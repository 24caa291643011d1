/**
 * Field validators shared by the loader, the `invalid-*` rules, the inspector and the serializers.
 * Each returns null when the value is acceptable, or a sentence naming what is wrong.
 * Technical fields (server names, routes, paths, Python names, container names) are ASCII-only on
 * purpose: lookalike Unicode in a config value is never what a user meant.
 */

import { remembered } from './remembered';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

export function hasControlCharacters(value: string): boolean {
  return CONTROL.test(value);
}

/** The text with every control or invisible formatting character shown as U+FFFD (for messages). */
export function printableText(value: string): string {
  // Most text has none: one test instead of building a global pattern for every call.
  return CONTROL.test(value) ? value.replace(new RegExp(CONTROL.source, 'g'), '\uFFFD') : value;
}

const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;

export const checkServerName = remembered(serverNameProblem);

function serverNameProblem(value: string): string | null {
  if (value.length === 0) return 'server name is empty: use "_" for any host, or "localhost"';
  if (value.length > 1024) return 'server names are longer than 1024 characters';
  if (hasControlCharacters(value)) return 'server name contains control characters';
  const names = value.split(' ');
  for (const name of names) {
    if (name === '') return 'server names must be separated by single spaces';
    if (name === '_' || name === 'localhost') continue;
    const host = name.startsWith('*.') ? name.slice(2) : name;
    if (host.length > 253) return `"${preview(name)}" is longer than 253 characters`;
    const labels = host.split('.');
    if (!labels.every((label) => HOST_LABEL.test(label))) {
      return `"${preview(name)}" is not a host name: use letters, digits and hyphens in dot-separated labels (RFC 1123), optionally starting with "*."`;
    }
  }
  return null;
}

export const checkRoute = remembered(routeProblem);

function routeProblem(value: string): string | null {
  if (!value.startsWith('/')) return 'a route must start with "/"';
  if (value.length > 256) return 'a route is limited to 256 characters';
  if (hasControlCharacters(value)) return 'a route must not contain control characters';
  if (/\s/.test(value)) return 'a route must not contain whitespace';
  if (/[;{}"'`\\$]/.test(value)) return 'a route must not contain ; { } quotes, backticks, backslashes or $';
  if (value.includes('..')) return 'a route must not contain ".."';
  // nginx matches locations against the decoded path, so a %-escape in a prefix never matches.
  if (value.includes('%')) return 'a route must not contain % escapes: write the plain characters';
  if (!/^[A-Za-z0-9/_.~!*()+,=:@-]+$/.test(value)) return 'a route may contain only URL path characters';
  return null;
}

const PY_IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PY_KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(
    ' ',
  ),
);

const checkDottedName = remembered((value) => pythonNameProblem(value, true));
const checkIdentifier = remembered((value) => pythonNameProblem(value, false));

export function checkPythonName(value: string, dotted: boolean): string | null {
  return dotted ? checkDottedName(value) : checkIdentifier(value);
}

function pythonNameProblem(value: string, dotted: boolean): string | null {
  if (value.length === 0) return 'a Python name cannot be empty';
  if (value.length > 200) return 'a Python name is limited to 200 characters';
  const parts = dotted ? value.split('.') : [value];
  for (const part of parts) {
    if (!PY_IDENT.test(part)) {
      return dotted
        ? `"${preview(value)}" is not a dotted Python name (like app or shop.api)`
        : `"${preview(value)}" is not a Python identifier (like app or application)`;
    }
    if (PY_KEYWORDS.has(part)) return `"${part}" is a Python keyword`;
  }
  return null;
}

/**
 * Top-level modules a Django project package must not be named after: a package of that name in the
 * project folder is imported instead of the real one (Python puts the working directory first), so
 * Django, the server or the standard library would load the project and fail in confusing ways.
 * Standard library: Python 3.11 to 3.14 (the `test` package included); then Django 3.2/4.2 and what it
 * imports, the WSGI servers, the test and lint tools; then the names the generated project itself uses.
 */
const STDLIB_MODULES =
  'abc aifc annotationlib antigravity argparse array ast asynchat asyncio asyncore atexit audioop base64 bdb binascii bisect builtins bz2 cProfile calendar cgi cgitb chunk cmath cmd code codecs codeop collections colorsys compileall compression concurrent configparser contextlib contextvars copy copyreg crypt csv ctypes curses dataclasses datetime dbm decimal difflib dis distutils doctest email encodings ensurepip enum errno faulthandler fcntl filecmp fileinput fnmatch fractions ftplib functools gc genericpath getopt getpass gettext glob graphlib grp gzip hashlib heapq hmac html http idlelib imaplib imghdr imp importlib inspect io ipaddress itertools json keyword lib2to3 linecache locale logging lzma mailbox mailcap marshal math mimetypes mmap modulefinder msilib msvcrt multiprocessing netrc nis nntplib nt ntpath nturl2path numbers opcode operator optparse os ossaudiodev pathlib pdb pickle pickletools pipes pkgutil platform plistlib poplib posix posixpath pprint profile pstats pty pwd py_compile pyclbr pydoc pydoc_data pyexpat queue quopri random re readline reprlib resource rlcompleter runpy sched secrets select selectors shelve shlex shutil signal site smtpd smtplib sndhdr socket socketserver spwd sqlite3 sre_compile sre_constants sre_parse ssl stat statistics string stringprep struct subprocess sunau symtable sys sysconfig syslog tabnanny tarfile telnetlib tempfile termios test textwrap this threading time timeit tkinter token tokenize tomllib trace traceback tracemalloc tty turtle turtledemo types typing unicodedata unittest urllib uu uuid venv warnings wave weakref webbrowser winreg winsound wsgiref xdrlib xml xmlrpc zipapp zipfile zipimport zlib zoneinfo';
const PACKAGE_MODULES =
  'django asgiref sqlparse pytz tzdata gunicorn uwsgi uwsgidecorators pytest _pytest pluggy iniconfig py flake8 pyflakes pycodestyle mccabe black blib2to3 packaging pkg_resources setuptools pip wheel';
const BUNDLE_MODULES = 'manage conftest tests items static staticfiles';
const TAKEN_MODULES = new Map<string, string>([
  ...STDLIB_MODULES.split(' ').map((name) => [name, 'a module of the Python standard library'] as const),
  ...PACKAGE_MODULES.split(' ').map((name) => [name, 'a package Django or the server needs'] as const),
  ...BUNDLE_MODULES.split(' ').map((name) => [name, 'a name the generated project already uses'] as const),
]);

/**
 * A Django project package name (`mysite`): a plain identifier, not a keyword, and not a module that
 * the project would shadow (see TAKEN_MODULES).
 */
export const checkDjangoProjectName = remembered(djangoProjectNameProblem);

function djangoProjectNameProblem(value: string): string | null {
  const problem = checkPythonName(value, false);
  if (problem) return problem;
  const taken = TAKEN_MODULES.get(value);
  if (taken)
    return `"${value}" is ${taken}: a project package of that name would be imported in its place; pick another (like ${value}_site)`;
  return null;
}

export function checkPort(value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 65535) {
    return `${typeof value === 'number' ? String(value) : JSON.stringify(value)} is not a port: use a whole number from 1 to 65535`;
  }
  return null;
}

export const checkAbsolutePath = remembered(absolutePathProblem);

function absolutePathProblem(value: string): string | null {
  if (!value.startsWith('/')) return 'the path must be absolute (start with "/")';
  if (value.length > 200) return 'the path is limited to 200 characters';
  if (hasControlCharacters(value)) return 'the path must not contain control characters';
  if (/\s/.test(value)) return 'the path must not contain whitespace';
  if (/[;{}"'`\\$]/.test(value)) return 'the path must not contain ; { } quotes, backticks, backslashes or $';
  if (value.split('/').some((segment) => segment === '..' || segment === '.'))
    return 'the path must not contain "." or ".." segments';
  if (value.includes('..')) return 'the path must not contain ".."';
  // uWSGI expands %-sequences in its ini values, so % is refused with the other magic characters.
  if (value.includes('%')) return 'the path must not contain %';
  if (!/^[A-Za-z0-9/_.+@=:,-]+$/.test(value))
    return 'the path may contain only letters, digits and / _ . - + @ = : ,';
  if (value.endsWith('/')) return 'the path names a file, so it must not end with "/"';
  if (value === '/') return 'the path must name a file';
  return null;
}

export const checkEmail = remembered(emailProblem);

/** An optional plain e-mail address (empty = none): ASCII `local@domain.tld`, nothing a shell or file would read. */
function emailProblem(value: string): string | null {
  if (value === '') return null;
  if (value.length > 254) return 'the address is limited to 254 characters';
  if (hasControlCharacters(value)) return 'the address must not contain control characters';
  if (
    !/^(?![.+-])[A-Za-z0-9._+-]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,63}$/.test(value) ||
    value.includes('..')
  )
    return `"${preview(value)}" is not a plain e-mail address: use name@example.com (ASCII letters, digits and . _ + - only)`;
  const domain = value.slice(value.indexOf('@') + 1);
  if (!domain.split('.').every((label) => HOST_LABEL.test(label)))
    return `"${preview(value)}" has a domain that is not a host name`;
  return null;
}

export const checkContainerName = remembered(containerNameProblem);

function containerNameProblem(value: string): string | null {
  if (!/^[a-z0-9][a-z0-9_.-]*$/.test(value)) {
    return `"${preview(value)}" is not a Compose service name: start with a lowercase letter or digit, then use a-z 0-9 _ . -`;
  }
  if (value.length > 63) return 'a container name is limited to 63 characters';
  return null;
}

/**
 * On Kubernetes a container becomes a Deployment, its Pods and a Service: names that must be
 * DNS-1123 labels (lowercase letters, digits and "-", ending with a letter or digit), and since a
 * Service's name must also start with a letter (RFC 1035), a leading digit is refused too.
 */
export const checkKubernetesName = remembered(kubernetesNameProblem);

function kubernetesNameProblem(value: string): string | null {
  if (!/^[a-z]([a-z0-9-]*[a-z0-9])?$/.test(value))
    return `"${preview(value)}" is not a Kubernetes name (a DNS-1123 label that a Service can take): use a-z 0-9 and "-", starting with a letter and ending with a letter or digit`;
  if (value.length > 63) return 'a Kubernetes name is limited to 63 characters';
  return null;
}

export const checkSize = remembered(sizeProblem);

function sizeProblem(value: string): string | null {
  if (!/^[0-9]{1,6}[kKmMgG]?$/.test(value))
    return `"${preview(value)}" is not an nginx size: use a number with an optional k, m or g suffix, like 10m`;
  return null;
}

const LATIN = /[A-Za-z]/;
const CYRILLIC_OR_GREEK = /[\u0370-\u03ff\u0400-\u04ff\u0500-\u052f]/;

/**
 * Display text (client labels, the design name): any script, but nothing that could break out of a
 * file or pose as something else. Checked on the NFKC form too, so fullwidth lookalikes (／ ＄ ；)
 * count as the characters they imitate. The design name also names the bundle folder, hence no / or "..".
 */
export function checkLabel(value: string, max = LABEL_MAX): string | null {
  return max === LABEL_MAX ? checkLabelOfDefaultLength(value) : labelProblem(value, max);
}

const LABEL_MAX = 64;
/** Node labels use the default limit: their verdicts are kept like the other checks' (NFKC, Unicode split). */
const checkLabelOfDefaultLength = remembered((value) => labelProblem(value, LABEL_MAX));

function labelProblem(value: string, max: number): string | null {
  if (value.trim().length === 0) return 'the text cannot be empty';
  if (value.length > max) return `the text is limited to ${max} characters`;
  if (hasControlCharacters(value))
    return 'the text must not contain control characters, line breaks or invisible formatting characters';
  const normal = value.normalize('NFKC');
  if (/[;{}"'`\\$<>|[\]/]/.test(value) || /[;{}"'`\\$<>|[\]/]/.test(normal))
    return 'the text must not contain ; { } [ ] < > | / quotes, backticks, backslashes or $ (nor their fullwidth lookalikes)';
  if (normal.includes('..')) return 'the text must not contain ".."';
  if (hasControlCharacters(normal)) return 'the text must not contain invisible formatting characters';
  const mixed = normal.split(/[^\p{L}]+/u).find((word) => LATIN.test(word) && CYRILLIC_OR_GREEK.test(word));
  if (mixed) return `"${preview(mixed)}" mixes Latin with Cyrillic or Greek letters that look alike`;
  if (value !== value.trim()) return 'the text must not start or end with spaces';
  return null;
}

function preview(value: string): string {
  const printable = printableText(value);
  return printable.length > 40 ? `${printable.slice(0, 40)}…` : printable;
}
