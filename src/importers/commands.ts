/**
 * Container commands (Compose `command`/`entrypoint`, Dockerfile CMD/ENTRYPOINT) recognised without
 * running anything: Gunicorn, uWSGI, `flask run`, `manage.py runserver`, `python app.py`, nginx.
 */

/** Split a shell command line into words: quotes and backslashes as sh reads them (no expansion). */
export function splitShellWords(text: string): string[] {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "'") {
      const close = text.indexOf("'", i + 1);
      const end = close < 0 ? text.length : close;
      current += text.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (ch === '"') {
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < text.length && '"\\$`'.includes(text[i + 1]!)) i++;
        current += text[i];
        i++;
      }
      inWord = true;
    } else if (ch === '\\' && i + 1 < text.length) {
      current += text[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(current);
  return words;
}

export type Recognised =
  | {
      tool: 'gunicorn-cli';
      binds: string[];
      workers: string | null;
      threads: string | null;
      timeout: string | null;
      config: string | null;
      app: string | null;
    }
  | { tool: 'uwsgi-cli'; ini: string | null; options: Map<string, string> }
  | { tool: 'flask-run'; app: string | null; host: string | null; port: number | null }
  | { tool: 'django-runserver'; address: string | null }
  | { tool: 'python-script'; script: string }
  | { tool: 'nginx-server' }
  | { tool: 'other'; text: string };

const GUNICORN = /^(?:.*\/)?gunicorn3?$/;
const UWSGI = /^(?:.*\/)?uwsgi(?:_python3\d*)?$/;
const FLASK = /^(?:.*\/)?flask$/;
const NGINX = /^(?:.*\/)?nginx$/;
const PYTHON = /^(?:.*\/)?python[0-9.]*$/;
export const SHELL = /^(?:.*\/)?(?:ba|da)?sh$/;

/** Flag values: `--flag value`, `--flag=value`, `-f value`, `-fvalue`. */
function flagValues(
  argv: string[],
  names: string[],
): { values: Map<string, string[]>; positionals: string[] } {
  const values = new Map<string, string[]>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    const long = /^(--[^=]+)=(.*)$/.exec(word);
    if (long && names.includes(long[1]!)) {
      values.set(long[1]!, [...(values.get(long[1]!) ?? []), long[2]!]);
    } else if (names.includes(word) && i + 1 < argv.length) {
      values.set(word, [...(values.get(word) ?? []), argv[++i]!]);
    } else if (/^-[a-zA-Z]./.test(word) && names.includes(word.slice(0, 2))) {
      values.set(word.slice(0, 2), [...(values.get(word.slice(0, 2)) ?? []), word.slice(2)]);
    } else if (word.startsWith('-')) {
      // An unknown flag: assume no value unless the next word looks like one and the flag is long.
    } else positionals.push(word);
  }
  return { values, positionals };
}

const first = (values: Map<string, string[]>, ...names: string[]): string | null => {
  for (const name of names) {
    const found = values.get(name);
    if (found && found.length > 0) return found[found.length - 1]!;
  }
  return null;
};

/** What a container command runs. `entrypoint` and `cmd` are joined the way Docker joins them. */
export function recognise(argv: string[], depth = 0): Recognised {
  let words = argv.filter((word) => word !== '');
  // Strip wrappers that only start the real program.
  while (
    words.length > 0 &&
    (words[0] === 'exec' || /^[A-Z_][A-Z0-9_]*=/.test(words[0]!) || words[0] === 'env')
  )
    words = words.slice(1);
  const [program = '', ...args] = words;
  if (SHELL.test(program) && args[0] === '-c' && args[1] !== undefined && depth < 3) {
    // The last command of `a && b && exec c` is what keeps running.
    const parts = args[1].split(/&&|;/);
    const last = splitShellWords(parts[parts.length - 1]!).filter((word) => word !== 'exec');
    // `sh -c '… && exec "$@"' NAME PROGRAM ARGS…`: the words after $0 are the command.
    if (last.length === 1 && last[0] === '$@') return recognise(args.slice(3), depth + 1);
    return recognise(last, depth + 1);
  }
  if (PYTHON.test(program)) {
    if (args[0] === '-m' && args[1] !== undefined) return recognise([args[1], ...args.slice(2)], depth + 1);
    if (args[0] && /(^|\/)manage\.py$/.test(args[0]) && args[1] === 'runserver')
      return { tool: 'django-runserver', address: args[2] ?? null };
    if (args[0] && args[0].endsWith('.py')) return { tool: 'python-script', script: args[0] };
  }
  if (/(^|\/)(django-admin|manage\.py)$/.test(program) && args[0] === 'runserver')
    return { tool: 'django-runserver', address: args[1] ?? null };
  if (GUNICORN.test(program)) {
    const { values, positionals } = flagValues(args, [
      '-b',
      '--bind',
      '-w',
      '--workers',
      '--threads',
      '-t',
      '--timeout',
      '-c',
      '--config',
      '-k',
      '--worker-class',
      '--chdir',
      '--log-level',
      '--access-logfile',
      '--error-logfile',
    ]);
    return {
      tool: 'gunicorn-cli',
      binds: [...(values.get('-b') ?? []), ...(values.get('--bind') ?? [])],
      workers: first(values, '-w', '--workers'),
      threads: first(values, '--threads'),
      timeout: first(values, '-t', '--timeout'),
      config: first(values, '-c', '--config'),
      app: positionals[positionals.length - 1] ?? null,
    };
  }
  if (UWSGI.test(program)) {
    const options = new Map<string, string>();
    let ini: string | null = null;
    for (let i = 0; i < args.length; i++) {
      const word = args[i]!;
      const match = /^--([a-z0-9-]+)(?:=(.*))?$/.exec(word);
      if (!match) {
        if (word.endsWith('.ini')) ini = word;
        continue;
      }
      const value =
        match[2] ?? (args[i + 1] !== undefined && !args[i + 1]!.startsWith('-') ? args[++i]! : 'true');
      if (match[1] === 'ini') ini = value;
      else options.set(match[1]!, value);
    }
    return { tool: 'uwsgi-cli', ini, options };
  }
  if (FLASK.test(program)) {
    const runAt = args.indexOf('run');
    if (runAt >= 0) {
      const { values } = flagValues(args, ['--app', '-A', '--host', '-h', '--port', '-p']);
      const port = first(values, '--port', '-p');
      return {
        tool: 'flask-run',
        app: first(values, '--app', '-A'),
        host: first(values, '--host', '-h'),
        port: port !== null && /^\d+$/.test(port) ? Number(port) : null,
      };
    }
  }
  if (NGINX.test(program)) return { tool: 'nginx-server' };
  return { tool: 'other', text: words.join(' ') };
}
