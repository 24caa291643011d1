import {
  closeSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  writeSync,
  constants,
} from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { importConfigs } from '../importers/resolve';
import { MAX_CONFIG_BYTES, type ReportEntry, type SourceFile } from '../importers/types';
import { MAX_PROJECT_FILES, isProjectPath, readProjectZip } from '../importers/zip';
import { serializeDesign } from '../model/serialize';
import { cliLanguage, type CliLanguage, type CliMessages } from './language';
import { formatLoadError } from '../model/load';

const USAGE = 'usage: stacksketch import FILE... [--out DESIGN.json] [--force] [--json]\n';

/**
 * `import FILE... [--out DESIGN.json] [--force] [--json]`: existing configs (files, folders, a project
 * .zip) become a design. The design goes to stdout (or --out), the report to stderr. Exit 0 when a
 * design was made, 2 when nothing could be read or imported.
 */
export async function runImport(args: string[], language: CliLanguage = cliLanguage('en')): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      out: { type: 'string', short: 'o' },
      json: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  if (positionals.length === 0) {
    process.stderr.write(USAGE);
    return 2;
  }
  const report: ReportEntry[] = [];
  const files = await collectFiles(positionals, report);
  const single = positionals.length === 1 ? positionals[0]! : null;
  const folderName =
    single &&
    (single.toLowerCase().endsWith('.zip') || statSync(single, { throwIfNoEntry: false })?.isDirectory())
      ? basename(resolve(single)).replace(/\.zip$/i, '')
      : undefined;
  const result = files.length > 0 ? importConfigs(files, folderName) : null;
  const entries = [...report, ...(result?.report ?? [])];
  for (const error of result?.loadErrors ?? [])
    entries.push({
      file: '',
      line: 0,
      message: `error: the imported design does not load: ${formatLoadError(error)}`,
    });
  const design = result?.design ?? null;
  if (values.json) {
    process.stdout.write(
      `${JSON.stringify({ design: design ? JSON.parse(serializeDesign(design)) : null, report: entries }, null, 2)}\n`,
    );
  } else {
    for (const entry of entries)
      process.stderr.write(
        `${entry.file || '(import)'}${entry.line ? `:${entry.line}` : ''}: ${language.importNote(entry.message)}\n`,
      );
  }
  if (!design) {
    if (!values.json) process.stderr.write(`${language.cli.nothingImported}\n`);
    return 2;
  }
  const text = serializeDesign(design);
  if (values.out) {
    const written = writeDesign(values.out, text, values.force, language.cli);
    if (written) {
      process.stderr.write(`${language.cli.refused({ detail: written })}\n`);
      return 2;
    }
  } else if (!values.json) process.stdout.write(text);
  return 0;
}

/** Write the design file; refuses a symlink, a folder, and an existing file without --force. */
function writeDesign(out: string, text: string, force: boolean, cli: CliMessages): string | null {
  const target = resolve(out);
  let info;
  try {
    info = lstatSync(target);
  } catch {
    info = null;
  }
  if (info?.isSymbolicLink()) return cli.refusals.symlink({ path: out });
  if (info?.isDirectory()) return cli.refusals.designOutIsFolder({ out });
  if (info && !force) return cli.refusals.designOutExists({ out });
  try {
    const flags =
      constants.O_WRONLY |
      constants.O_CREAT |
      constants.O_NOFOLLOW |
      (info ? constants.O_TRUNC : constants.O_EXCL);
    const fd = openSync(target, flags, 0o644);
    try {
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return cli.refusals.cannotWriteDesign({
      out,
      code: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
  return null;
}

/** Files, folders (walked, paths kept relative to the folder) and .zip archives (paths inside kept). */
export async function collectFiles(paths: string[], report: ReportEntry[]): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  const readText = (full: string, name: string) => {
    const size = statSync(full).size;
    if (size > MAX_CONFIG_BYTES) {
      report.push({
        file: name,
        line: 0,
        message: `error: the file is ${(size / 1024 / 1024).toFixed(1)} MB; imported files are limited to ${MAX_CONFIG_BYTES / 1024 / 1024} MB`,
      });
      return;
    }
    const text = readFileSync(full, 'utf8');
    if (!text.includes('\u0000')) files.push({ path: name, text });
  };
  // Single files keep their paths relative to the folder they share (a Compose file's build contexts).
  const plain = paths.filter((path) => !path.toLowerCase().endsWith('.zip')).map((path) => resolve(path));
  const common = plain.length > 0 ? commonFolder(plain.map((path) => dirname(path))) : '';
  for (const path of paths) {
    let info;
    try {
      info = statSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      report.push({
        file: path,
        line: 0,
        message: `error: ${code === 'ENOENT' ? 'no such file' : `cannot be read (${code})`}`,
      });
      continue;
    }
    if (info.isDirectory()) {
      const root = resolve(path);
      const walk = (dir: string, depth: number) => {
        if (depth > 16) return;
        for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
          a.name < b.name ? -1 : 1,
        )) {
          const full = join(dir, entry.name);
          const rel = relative(root, full).split('\\').join('/');
          if (entry.isSymbolicLink() || !isProjectPath(entry.isDirectory() ? `${rel}/` : rel)) continue;
          if (entry.isDirectory()) walk(full, depth + 1);
          else if (entry.isFile()) {
            if (files.length >= MAX_PROJECT_FILES) return;
            readText(full, rel);
          }
        }
      };
      walk(root, 0);
    } else if (path.toLowerCase().endsWith('.zip')) {
      if (info.size > 4 * MAX_CONFIG_BYTES) {
        report.push({ file: path, line: 0, message: 'error: the archive is too large to read' });
        continue;
      }
      files.push(...(await readProjectZip(basename(path), readFileSync(path), report)));
    } else {
      try {
        readText(path, relative(common, resolve(path)).split('\\').join('/'));
      } catch (error) {
        report.push({
          file: path,
          line: 0,
          message: `error: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
        });
      }
    }
  }
  return files;
}

function commonFolder(dirs: string[]): string {
  let common = dirs[0]!;
  for (const dir of dirs.slice(1))
    while (dir !== common && !dir.startsWith(common + sep)) common = dirname(common);
  return common;
}
