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

/** Where a kind's name belongs: its folder, the rules about it, its template, tests and test designs. */
const KIND_PLACES =
  /^src\/nodes\/|^src\/validation\/rules\/|^src\/model\/templates\.ts$|\.test\.tsx?$|\/fixtures\/|\/testing\//;

/**
 * Files that quote a kind's name in another meaning, each with the reason it stays. Everything else asks
 * the registry (roles, listeners, plan parts) instead of comparing kind names.
 */
const OTHER_MEANINGS: Record<string, string> = {
  'src/exporters/targets/kubernetes/tlsNotes.ts':
    "cert-manager's HTTP-01 solver goes through the cluster's ingress-nginx controller, whose class is named nginx",
  'src/i18n/ko/rules.ts':
    'the Korean docs of the two uWSGI protocol rules quote the protocol setting, as their English docs beside the rules do',
};

/** A kind's name in quotes ('flask', "react-static"), however the code uses it. */
const QUOTED_KIND = new RegExp(`['"](${NODE_KINDS.join('|')})['"]`);

function filesQuotingKinds(): string[] {
  return sourceFiles(join(ROOT, 'src'))
    .filter((file) => !KIND_PLACES.test(file))
    .filter((file) => QUOTED_KIND.test(readFileSync(join(ROOT, file), 'utf8')))
    .sort();
}

describe('kind names', () => {
  it('are quoted outside the kinds, their rules, templates and tests only for another meaning', () => {
    expect(filesQuotingKinds()).toEqual(Object.keys(OTHER_MEANINGS).sort());
  });

  it('would be caught in any file of the core', () => {
    expect(QUOTED_KIND.test("if (node.kind === 'gunicorn')")).toBe(true);
    expect(QUOTED_KIND.test('case "react-static":')).toBe(true);
    expect(QUOTED_KIND.test("import { x } from '../nodes/flask/plan';")).toBe(false);
    expect(KIND_PLACES.test('src/exporters/plan/python.ts')).toBe(false);
    expect(KIND_PLACES.test('src/editor/directiveDocs.ts')).toBe(false);
  });
});
