/**
 * Python read without running it: top-level statements split with a small tokenizer (strings,
 * brackets, comments, continuation lines), literals evaluated, everything else reported.
 */
import { ImportError, MAX_CONFIG_DEPTH, checkSize, type ReportEntry, type SourceFile } from './types';

export interface Statement {
  text: string;
  line: number;
  /** Indented lines that belong to it (a block's body). */
  hasBody: boolean;
}

/** Top-level logical lines of a Python file (indented bodies folded into their statement). */
export function topLevelStatements(file: SourceFile): Statement[] {
  checkSize(file);
  const text = file.text;
  const statements: Statement[] = [];
  let current = '';
  let startLine = 1;
  let line = 1;
  let depth = 0;
  let i = 0;
  let atLineStart = true;
  let indented = false;
  const flush = () => {
    const trimmed = current.trim();
    if (trimmed) {
      if (indented && statements.length > 0) statements[statements.length - 1]!.hasBody = true;
      else statements.push({ text: trimmed, line: startLine, hasBody: false });
    }
    current = '';
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (atLineStart && depth === 0) {
      atLineStart = false;
      startLine = line;
      indented = ch === ' ' || ch === '\t';
    }
    if (ch === '#') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const triple = text.startsWith(ch.repeat(3), i);
      const quote = triple ? ch.repeat(3) : ch;
      const start = line;
      let j = i + quote.length;
      while (j < text.length && !text.startsWith(quote, j)) {
        if (text[j] === '\\') j++;
        else if (text[j] === '\n') {
          if (!triple) throw new ImportError(file.path, start, 'unterminated string');
          line++;
        }
        j++;
      }
      if (j >= text.length) throw new ImportError(file.path, start, 'unterminated string');
      current += text.slice(i, j + quote.length);
      i = j + quote.length;
      continue;
    }
    if (ch === '(' || ch === '[' || ch === '{') {
      if (++depth > MAX_CONFIG_DEPTH)
        throw new ImportError(file.path, line, `brackets nest deeper than ${MAX_CONFIG_DEPTH} levels`);
    } else if (ch === ')' || ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
    if (ch === '\\' && text[i + 1] === '\n') {
      line++;
      i += 2;
      continue;
    }
    if (ch === '\n') {
      line++;
      if (depth === 0) {
        flush();
        atLineStart = true;
      } else current += ' ';
      i++;
      continue;
    }
    current += ch;
    i++;
  }
  flush();
  return statements;
}

export type PyValue = string | number | boolean | null | 'auto-workers' | PyValue[];

/** A Python literal: strings, numbers, True/False/None, lists and tuples of them; undefined otherwise. */
export function pythonLiteral(source: string): PyValue | undefined {
  const text = source.trim();
  if (/^multiprocessing\.cpu_count\(\)\s*\*\s*2\s*\+\s*1$/.test(text)) return 'auto-workers';
  if (/^-?\d+$/.test(text)) return Number(text);
  if (/^-?\d+\.\d*$/.test(text)) return Number(text);
  if (text === 'True') return true;
  if (text === 'False') return false;
  if (text === 'None') return null;
  const single = /^([rbuRBU]?)("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')$/.exec(text);
  if (single) {
    const body = single[2]!.slice(1, -1);
    return single[1]!.toLowerCase() === 'r' ? body : body.replace(/\\(.)/g, '$1');
  }
  if ((text.startsWith('[') && text.endsWith(']')) || (text.startsWith('(') && text.endsWith(')'))) {
    const inner = text.slice(1, -1).trim();
    if (!inner) return [];
    const parts = splitTopLevel(inner);
    const values = parts.filter((part) => part.trim()).map(pythonLiteral);
    return values.every((value) => value !== undefined) ? (values as PyValue[]) : undefined;
  }
  return undefined;
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === '\\') {
        current += ch + (text[i + 1] ?? '');
        i++;
        continue;
      }
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts;
}

export interface GunicornConfig {
  file: string;
  settings: Map<string, { value: PyValue; line: number }>;
}

const GUNICORN_READ = new Set([
  'bind',
  'workers',
  'threads',
  'timeout',
  'wsgi_app',
  'max_requests',
  'max_requests_jitter',
]);

/** gunicorn.conf.py: simple top-level assignments; everything else is reported, nothing runs. */
export function readGunicornConf(file: SourceFile, report: ReportEntry[]): GunicornConfig {
  const settings = new Map<string, { value: PyValue; line: number }>();
  for (const statement of topLevelStatements(file)) {
    const assignment = /^([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)\s*(.*)$/s.exec(statement.text);
    const isDocstring = /^("""|''')/.test(statement.text) && statement.line === firstCodeLine(file);
    if (isDocstring) continue;
    if (!assignment || statement.hasBody) {
      report.push({
        file: file.path,
        line: statement.line,
        message: `gunicorn: "${shorten(statement.text)}" is not a simple setting (not run, left out)`,
      });
      continue;
    }
    const [, name, source] = assignment;
    const value = pythonLiteral(source!);
    if (value === undefined) {
      report.push({
        file: file.path,
        line: statement.line,
        message: `gunicorn: ${name} = ${shorten(source!)} is not a literal (not run, left out)`,
      });
      continue;
    }
    settings.set(name!, { value, line: statement.line });
    if (!GUNICORN_READ.has(name!))
      report.push({
        file: file.path,
        line: statement.line,
        message: `gunicorn: setting "${name}" is not modelled (left out)`,
      });
  }
  return { file: file.path, settings };
}

function firstCodeLine(file: SourceFile): number {
  const lines = file.text.split('\n');
  const index = lines.findIndex((line) => line.trim() && !line.trim().startsWith('#'));
  return index + 1;
}

export function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}

/** What a Python module says about the app it holds, found by scanning its text (never run). */
export interface PythonModuleFacts {
  /** Names assigned `Flask(...)` (or `create_app()`-style factories returning one), with lines. */
  flaskObjects: { name: string; line: number }[];
  /** `from X import Y [as Z]` at top level: Z → {module X, name Y}. */
  imports: Map<string, { module: string; name: string }>;
  /** `app.run(port=N)` or `app.run(host=..., port=N)`. */
  runPort: number | null;
  runsDevServer: boolean;
  django: boolean;
  /** Absolute paths of SQLite files named in string literals. */
  sqliteFiles: { path: string; line: number }[];
  /** Top-level `NAME = something()` assignments (a factory's result can be the callable). */
  assigned: Map<string, number>;
  /** Top-level `NAME = OTHER` assignments: one name made another's alias. */
  aliases: Map<string, string>;
}

export function scanPythonModule(file: SourceFile): PythonModuleFacts {
  checkSize(file);
  const facts: PythonModuleFacts = {
    flaskObjects: [],
    imports: new Map(),
    runPort: null,
    runsDevServer: false,
    django: /\bget_wsgi_application\b|\bdjango\b/.test(file.text),
    sqliteFiles: [],
    assigned: new Map(),
    aliases: new Map(),
  };
  const lines = file.text.split('\n');
  lines.forEach((text, index) => {
    const line = index + 1;
    const flask = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*Flask\s*\(/.exec(text);
    if (flask) facts.flaskObjects.push({ name: flask[1]!, line });
    const top = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\(/.exec(text);
    if (top) facts.assigned.set(top[1]!, line);
    const alias = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*([A-Za-z_][A-Za-z0-9_]*)\s*(#.*)?$/.exec(text);
    if (alias && !['True', 'False', 'None'].includes(alias[2]!)) facts.aliases.set(alias[1]!, alias[2]!);
    const from = /^from\s+([A-Za-z_][A-Za-z0-9_.]*)\s+import\s+(.+)$/.exec(text.trim());
    if (from && !/^\s/.test(text))
      for (const part of from[2]!.replace(/[()]/g, '').split('#')[0]!.split(',')) {
        const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)(?:\s+as\s+([A-Za-z_][A-Za-z0-9_]*))?\s*$/.exec(part);
        if (m) facts.imports.set(m[2] ?? m[1]!, { module: from[1]!, name: m[1]! });
      }
    const run = /\.run\s*\(([^)]*)\)/.exec(text);
    if (run && !/^\s*#/.test(text)) {
      facts.runsDevServer = true;
      const port = /port\s*=\s*(\d+)/.exec(run[1]!);
      if (port) facts.runPort = Number(port[1]);
    }
    for (const match of text.matchAll(/["'](\/[^"'\s]*\.(?:db|sqlite3?))["']/g))
      facts.sqliteFiles.push({ path: match[1]!, line });
    for (const match of text.matchAll(/["']sqlite:\/\/\/(\/[^"'\s]+)["']/g))
      facts.sqliteFiles.push({ path: match[1]!, line });
  });
  return facts;
}
