/**
 * The byte-for-byte record of every template's bundle for every target in every language (all files
 * but design.json, the README whole). Each file is kept as one short hash per line, so the record
 * stays small and a failure can still name the first line that changed.
 */
import { createHash } from 'node:crypto';
import { LANGS, type Lang } from '../../i18n/lang';
import { TARGETS, type Target } from '../../model/target';
import { TEMPLATE_IDS, loadTemplate } from '../../model/templates';
import { generate } from '../generate';

/** Bundle id ("<template> <target> <lang>") → file path → the hashes of its lines, space-separated. */
export type TargetsRecord = Record<string, Record<string, string>>;

export function bundleId(template: string, target: Target, lang: Lang): string {
  return `${template} ${target} ${lang}`;
}

function lineHash(line: string): string {
  return createHash('sha256').update(line).digest('hex').slice(0, 8);
}

export function linesDigest(text: string): string {
  return text.split('\n').map(lineHash).join(' ');
}

/** Every file but design.json of one bundle, as its line hashes. */
export function bundleDigest(files: Record<string, string>): Record<string, string> {
  const digest: Record<string, string> = {};
  for (const path of Object.keys(files).sort())
    if (path !== 'design.json') digest[path] = linesDigest(files[path]!);
  return digest;
}

/** Every template × target × language, as generated now. */
export function targetsRecord(): TargetsRecord {
  const record: TargetsRecord = {};
  for (const template of TEMPLATE_IDS)
    for (const target of TARGETS)
      for (const lang of LANGS)
        record[bundleId(template, target, lang)] = bundleDigest(
          generate(loadTemplate(template), { target, lang }).files,
        );
  return record;
}

/**
 * The first difference between a bundle as generated now and its record: the file, and the first
 * line (1-based) whose bytes differ, quoting the line as it is now; undefined when they match.
 */
export function firstDifference(
  files: Record<string, string>,
  recorded: Record<string, string>,
): string | undefined {
  for (const path of [...new Set([...Object.keys(files), ...Object.keys(recorded)])].sort()) {
    if (path === 'design.json') continue;
    const text = files[path];
    const want = recorded[path];
    if (text === undefined) return `${path}: recorded but no longer generated`;
    if (want === undefined) return `${path}: generated but not recorded`;
    const lines = text.split('\n');
    const wantHashes = want.split(' ');
    const changedAt = lines.findIndex((line, at) => lineHash(line) !== wantHashes[at]);
    if (changedAt >= 0) return `${path} line ${changedAt + 1}: now ${JSON.stringify(lines[changedAt])}`;
    if (wantHashes.length !== lines.length)
      return `${path} line ${lines.length + 1}: recorded ${wantHashes.length} lines, now ${lines.length}`;
  }
  return undefined;
}
