/** uwsgi.ini: the `[uwsgi]` section's options, `%(name)` placeholders filled from the section itself. */
import { ImportError, checkSize, type ReportEntry, type SourceFile } from './types';

/** The one section uWSGI reads from an ini by default. */
const UWSGI_SECTION = /^uwsgi$/;

export interface UwsgiConfig {
  file: string;
  /** Option → values in file order (an option may repeat), with lines. */
  options: Map<string, { value: string; line: number }[]>;
}

const UWSGI_READ = new Set([
  'socket',
  'uwsgi-socket',
  'http-socket',
  'http',
  'module',
  'wsgi-file',
  'wsgi',
  'callable',
  'processes',
  'workers',
  'threads',
  'chmod-socket',
  'stats',
  'master',
  'plugins',
  'plugin',
  'max-requests',
  'harakiri',
]);

export function readUwsgiIni(file: SourceFile, report: ReportEntry[]): UwsgiConfig {
  checkSize(file);
  const options = new Map<string, { value: string; line: number }[]>();
  let section: string | null = null;
  let sawUwsgi = false;
  file.text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const text = raw.trim();
    if (!text || text.startsWith('#') || text.startsWith(';')) return;
    const header = /^\[([^\]]*)\]$/.exec(text);
    if (header) {
      section = header[1]!.trim();
      if (UWSGI_SECTION.test(section)) sawUwsgi = true;
      else
        report.push({
          file: file.path,
          line,
          message: `uwsgi: section [${section}] is not read (only [uwsgi])`,
        });
      return;
    }
    if (section === null) throw new ImportError(file.path, line, 'an option before any [section]');
    if (!UWSGI_SECTION.test(section)) return;
    const eq = text.indexOf('=');
    if (eq <= 0) {
      report.push({ file: file.path, line, message: `uwsgi: "${text}" is not an option line (left out)` });
      return;
    }
    const key = text.slice(0, eq).trim();
    let value = text.slice(eq + 1).trim();
    const comment = /\s[#;]/.exec(value);
    if (comment) {
      report.push({
        file: file.path,
        line,
        message: `uwsgi: "${value.slice(comment.index).trim()}" after the value is read as a comment`,
      });
      value = value.slice(0, comment.index).trim();
    }
    const list = options.get(key) ?? [];
    list.push({ value, line });
    options.set(key, list);
  });
  if (!sawUwsgi) throw new ImportError(file.path, 1, 'no [uwsgi] section');
  // Placeholders: %(option) from this section; %d (the ini's folder) and others cannot be resolved here.
  for (const [key, list] of options) {
    for (const entry of list) {
      entry.value = entry.value.replace(/%\(([^)]+)\)/g, (whole, name: string) => {
        const found = options.get(name)?.[0]?.value;
        if (found !== undefined && !found.includes('%(')) return found;
        report.push({
          file: file.path,
          line: entry.line,
          message: `uwsgi: ${whole} in "${key}" cannot be resolved (left as written)`,
        });
        return whole;
      });
      if (/%[a-zA-Z]|\$\(/.test(entry.value))
        report.push({
          file: file.path,
          line: entry.line,
          message: `uwsgi: "${entry.value}" in "${key}" has a placeholder resolved only when uWSGI runs (%d, $(VAR) …)`,
        });
    }
    if (!UWSGI_READ.has(key))
      report.push({
        file: file.path,
        line: list[0]!.line,
        message: `uwsgi: option "${key}" is not modelled (left out)`,
      });
  }
  return { file: file.path, options };
}
