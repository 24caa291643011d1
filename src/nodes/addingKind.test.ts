import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_KINDS } from './registry';

const ROOT = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [relative(ROOT, path)] : [];
  });
}

/** Where a kind may be named besides its folder: its rules, its template, tests and test designs. */
const KIND_PLACES = /^src\/validation\/rules\/|^src\/model\/templates|\.test\.tsx?$|\/fixtures\/|\/testing\//;

/**
 * The files outside its folder and its own places that name a kind: as a quoted name ('flask') or by
 * importing from its folder ('./flask/plan').
 */
function filesNaming(kind: string): string[] {
  const named = new RegExp(`['"]${kind}['"]|/${kind}/`);
  return sourceFiles(join(ROOT, 'src'))
    .filter((file) => !file.startsWith(`src/nodes/${kind}/`) && !KIND_PLACES.test(file))
    .filter((file) => named.test(readFileSync(join(ROOT, file), 'utf8')))
    .sort();
}

/** The files that list every kind (docs/architecture.md, "Adding a kind"). */
const KIND_LISTS = ['src/nodes/koText.ts', 'src/nodes/planParts.ts', 'src/nodes/registry.ts'];
/** Needed only when configs of the kind can be imported: the importers' word for it. */
const IMPORTED = 'src/nodes/imported.ts';

describe('adding a kind', () => {
  // Kinds whose names mean nothing else in the code ("nginx" is also an image and a config language,
  // "client" and "uwsgi" are also a role and a protocol), so every file naming them names the kind.
  const plainNames = NODE_KINDS.filter((kind) => ['flask', 'django', 'react-static'].includes(kind));

  it('checks the kinds it means to', () => {
    expect(plainNames).toEqual(['flask', 'django', 'react-static']);
  });

  it.each(plainNames)('%s is named outside its folder, rules and template only by the kind lists', (kind) => {
    const files = filesNaming(kind);
    expect(files.filter((file) => file !== IMPORTED)).toEqual(KIND_LISTS);
  });

  it('lists every kind in each kind list', () => {
    for (const file of KIND_LISTS) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const kind of NODE_KINDS) expect(text, `${file} names ${kind}`).toMatch(`/${kind}/`);
    }
  });
});
