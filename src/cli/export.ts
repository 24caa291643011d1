import {
  closeSync,
  constants,
  fchmodSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { fileMode, bundleFolderName, isSafeBundlePath } from '../exporters/folder';
import { COMPOSE_EN, generate } from '../exporters/generate';
import { buildBundleZip } from '../exporters/zip';
import { RENDERERS } from '../exporters/targets';
import { READABLE_FORMATS } from '../model/migrations';
import { TARGETS, type Target } from '../model/target';
import { parseDesign } from '../model/load';
import { hasErrors, hasInputErrors, validate } from '../validation/validate';
import type { Diagnostic } from '../validation/types';
import { printLoadErrors, readDesignFile } from './io';
import { cliLanguage, type CliLanguage, type CliMessages } from './language';

/** A refusal that names the problem; `code` is the exit code (1 design errors, 2 unusable input). */
class Refusal extends Error {
  constructor(
    message: string,
    readonly code: 1 | 2,
  ) {
    super(message);
  }
}

/**
 * `export FILE --out DIR|FILE.zip [--force]`: writes the bundle to DIR/<folder>/ or as a zip.
 * Refuses designs with errors unless --force, and `invalid-*` errors always. Every target path is
 * checked before anything is written, nothing is written through a symlink, and nothing outside --out.
 */
export async function runExport(args: string[], language: CliLanguage = cliLanguage('en')): Promise<number> {
  const { cli, rules } = language;
  const { values, positionals } = parseArgs({
    args,
    options: {
      out: { type: 'string', short: 'o' },
      force: { type: 'boolean', default: false },
      target: { type: 'string', default: 'compose' },
    },
    allowPositionals: true,
  });
  const file = positionals[0];
  if (!file || positionals.length > 1 || !values.out) {
    process.stderr.write(`${cli.exportUsage}\n`);
    return 2;
  }
  const target = values.target;
  if (!isTarget(target) || !RENDERERS[target]) {
    const available = TARGETS.filter((name) => RENDERERS[name]);
    process.stderr.write(`${cli.cannotExportTarget({ target, available: available.join(', ') })}\n`);
    return 2;
  }
  const loaded = readDesignFile(file);
  if (!loaded.ok) {
    printLoadErrors(file, loaded, language);
    return 2;
  }
  const design = loaded.design;
  const diagnostics = validate(design, target, rules);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (hasInputErrors(diagnostics)) {
    printDiagnostics(errors, cli);
    process.stderr.write(`${cli.refuseInvalid}\n`);
    return 1;
  }
  if (hasErrors(diagnostics) && !values.force) {
    printDiagnostics(errors, cli);
    process.stderr.write(`${cli.refuseErrors({ count: errors.length })}\n`);
    return 1;
  }
  if (hasErrors(diagnostics)) process.stderr.write(`${cli.forced({ count: errors.length })}\n`);

  let files: Record<string, string>;
  try {
    files = generate(design, { ...COMPOSE_EN, target, lang: language.lang, diagnostics }).files;
  } catch (error) {
    process.stderr.write(
      `${cli.refuseGenerate({ detail: error instanceof Error ? error.message : String(error) })}\n`,
    );
    return 1;
  }
  const folder = bundleFolderName(design.name);
  try {
    if (values.out.toLowerCase().endsWith('.zip')) await writeZip(values.out, files, folder, cli);
    else writeFolder(values.out, files, folder, values.force, cli);
  } catch (error) {
    if (error instanceof Refusal) {
      process.stderr.write(`${cli.refused({ detail: error.message })}\n`);
      return error.code;
    }
    const code = (error as NodeJS.ErrnoException).code;
    process.stderr.write(`${cli.cannotWrite({ detail: code ?? (error as Error).message })}\n`);
    return 2;
  }
  return 0;
}

function isTarget(value: string): value is Target {
  return (TARGETS as readonly string[]).includes(value);
}

function printDiagnostics(diagnostics: readonly Diagnostic[], cli: CliMessages): void {
  for (const { severity, rule, message } of diagnostics)
    process.stderr.write(`${cli.diagnostic({ severity, rule, message })}\n`);
}

/** lstat that answers null for a missing path. */
function lstatOrNull(path: string) {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function writeZip(
  out: string,
  files: Record<string, string>,
  folder: string,
  cli: CliMessages,
): Promise<void> {
  const target = resolve(out);
  const parent = dirname(target);
  const parentInfo = lstatOrNull(parent);
  if (!parentInfo) throw new Refusal(cli.refusals.noParentFolder({ out }), 2);
  const existing = lstatOrNull(target);
  if (existing && !existing.isFile()) throw new Refusal(cli.refusals.zipNotFile({ out }), 2);
  const bytes = await buildBundleZip(files, folder);
  // Write next to the target, then rename: a half-written zip never replaces a good one, and rename
  // replaces a path without following links.
  const temporary = join(realpathSync(parent), `.${basename(target)}.${process.pid}.tmp`);
  const fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
  try {
    writeSync(fd, bytes);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(temporary, join(realpathSync(parent), basename(target)));
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  process.stdout.write(`${cli.wroteZip({ out, count: Object.keys(files).length, folder })}\n`);
  for (const path of Object.keys(files)) process.stdout.write(`  ${folder}/${path}\n`);
}

/** True when the folder holds a previous StackSketch export (its design.json is a stacksketch design). */
function isPreviousBundle(dir: string): boolean {
  const info = lstatOrNull(join(dir, 'design.json'));
  if (!info?.isFile()) return false;
  try {
    const head = readFileSync(join(dir, 'design.json'), 'utf8').slice(0, 200);
    // Any format StackSketch reads: a bundle exported by the first release is a previous export too.
    return READABLE_FORMATS.some((format) => head.includes(`"format": "${format}"`));
  } catch {
    return false;
  }
}

function writeFolder(
  out: string,
  files: Record<string, string>,
  folder: string,
  force: boolean,
  cli: CliMessages,
): void {
  if (!isSafeBundlePath(folder) || folder.includes('/'))
    throw new Refusal(cli.refusals.unsafeFolder({ folder: JSON.stringify(folder) }), 2);
  const outInfo = lstatOrNull(resolve(out));
  if (outInfo && !outInfo.isDirectory() && !outInfo.isSymbolicLink())
    throw new Refusal(cli.refusals.outExistsNotFolder({ out }), 2);
  mkdirSync(resolve(out), { recursive: true });
  // The root is where --out really is (the user may name it through a link); below it, no links.
  const root = realpathSync(resolve(out));
  if (!lstatSync(root).isDirectory()) throw new Refusal(cli.refusals.outNotFolder({ out }), 2);
  const bundle = join(root, folder);
  const bundleInfo = lstatOrNull(bundle);
  if (bundleInfo) {
    if (bundleInfo.isSymbolicLink()) throw new Refusal(cli.refusals.symlink({ path: bundle }), 2);
    if (!bundleInfo.isDirectory()) throw new Refusal(cli.refusals.existsNotFolder({ path: bundle }), 2);
    if (readdirSync(bundle).length > 0 && !isPreviousBundle(bundle) && !force)
      throw new Refusal(cli.refusals.notEmpty({ path: bundle }), 2);
  }

  // Check every target before writing any: inside the bundle, no symlinked folder or file on the way.
  const targets: { path: string; full: string }[] = [];
  const checkedDirs = new Set<string>([bundle]);
  for (const path of Object.keys(files)) {
    if (!isSafeBundlePath(path))
      throw new Refusal(cli.refusals.unsafePath({ path: JSON.stringify(path) }), 2);
    const full = resolve(bundle, path);
    if (!full.startsWith(bundle + sep))
      throw new Refusal(cli.refusals.leavesBundle({ path: JSON.stringify(path) }), 2);
    const parts = path.split('/');
    let dir = bundle;
    for (const part of parts.slice(0, -1)) {
      dir = join(dir, part);
      if (checkedDirs.has(dir)) continue;
      const info = lstatOrNull(dir);
      if (info && (info.isSymbolicLink() || !info.isDirectory()))
        throw new Refusal(
          (info.isSymbolicLink() ? cli.refusals.folderIsSymlink : cli.refusals.folderIsNotFolder)({
            path: dir,
          }),
          2,
        );
      checkedDirs.add(dir);
    }
    const info = lstatOrNull(full);
    if (info && !info.isFile())
      throw new Refusal(
        (info.isSymbolicLink() ? cli.refusals.fileIsSymlink : cli.refusals.fileIsNotRegular)({ path: full }),
        2,
      );
    targets.push({ path, full });
  }

  const stale = bundleInfo ? staleFiles(bundle, files) : [];
  for (const dir of [...checkedDirs].sort()) mkdirSync(dir, { recursive: true });
  for (const { path, full } of targets) {
    // O_NOFOLLOW: a link planted after the checks is still never written through.
    const fd = openSync(
      full,
      constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW,
      fileMode(path),
    );
    try {
      writeSync(fd, files[path]!);
      fchmodSync(fd, fileMode(path));
    } finally {
      closeSync(fd);
    }
  }
  for (const path of stale) rmSync(join(bundle, path));
  removeEmptyParents(bundle, stale);
  process.stdout.write(`${cli.wroteFolder({ out: join(out, folder), count: targets.length })}\n`);
  for (const { path } of targets) process.stdout.write(`  ${folder}/${path}\n`);
  for (const path of stale) process.stdout.write(`${cli.removedStale({ path: `${folder}/${path}` })}\n`);
}

/**
 * Files the previous export wrote that the new bundle no longer has (uwsgi.ini after a switch to
 * Gunicorn, say): regenerated from the previous design.json, and removed only when still exactly
 * as generated. Anything the user added or edited stays.
 */
function staleFiles(bundle: string, files: Record<string, string>): string[] {
  const previousInfo = lstatOrNull(join(bundle, 'design.json'));
  if (!previousInfo?.isFile()) return [];
  const previous = parseDesign(readFileSync(join(bundle, 'design.json'), 'utf8'));
  if (!previous.ok) return [];
  let before: Record<string, string>;
  try {
    before = generate(previous.design, COMPOSE_EN).files;
  } catch {
    return [];
  }
  const stale: string[] = [];
  for (const [path, text] of Object.entries(before)) {
    if (path in files || !isSafeBundlePath(path)) continue;
    const full = resolve(bundle, path);
    if (!full.startsWith(bundle + sep)) continue;
    const info = lstatOrNull(full);
    if (!info?.isFile()) continue;
    if (!parentsAreFolders(bundle, path)) continue;
    if (readFileSync(full, 'utf8') === text) stale.push(path);
  }
  return stale.sort();
}

/** Folders emptied by removing stale files go too (deepest first); a folder with anything left stays. */
function removeEmptyParents(bundle: string, removed: string[]): void {
  const dirs = new Set<string>();
  for (const path of removed) {
    const parts = path.split('/');
    for (let i = parts.length - 1; i > 0; i--) dirs.add(parts.slice(0, i).join('/'));
  }
  for (const dir of [...dirs].sort((a, b) => b.length - a.length)) {
    const full = join(bundle, dir);
    if (lstatOrNull(full)?.isDirectory() && readdirSync(full).length === 0) rmdirSync(full);
  }
}

function parentsAreFolders(bundle: string, path: string): boolean {
  let dir = bundle;
  for (const part of path.split('/').slice(0, -1)) {
    dir = join(dir, part);
    const info = lstatOrNull(dir);
    if (!info || info.isSymbolicLink() || !info.isDirectory()) return false;
  }
  return true;
}
