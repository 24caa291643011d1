import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../i18n/lang';
import { TARGETS } from '../model/target';
import { TEMPLATE_IDS, loadTemplate } from '../model/templates';
import { generate } from './generate';
import { bundleDigest, bundleId, firstDifference, type TargetsRecord } from './testing/goldenTargets';

const recorded = JSON.parse(
  readFileSync(new URL('./fixtures/golden-targets.json', import.meta.url), 'utf8'),
) as TargetsRecord;

const bundles = TEMPLATE_IDS.flatMap((template) =>
  TARGETS.flatMap((target) => LANGS.map((lang) => ({ template, target, lang }))),
);

describe('golden output of every template for every target in every language', () => {
  it('records every template × target × language, and nothing else', () => {
    expect(Object.keys(recorded).sort()).toEqual(
      bundles.map(({ template, target, lang }) => bundleId(template, target, lang)).sort(),
    );
  });

  it('gives the recorded bytes for every file but design.json, README included', () => {
    const changed: string[] = [];
    for (const { template, target, lang } of bundles) {
      const id = bundleId(template, target, lang);
      const difference = firstDifference(
        generate(loadTemplate(template), { target, lang }).files,
        recorded[id]!,
      );
      if (difference) changed.push(`${id}: ${difference}`);
    }
    expect(changed).toEqual([]);
  });

  describe('naming the first difference', () => {
    const before = bundleDigest({ 'design.json': '{}', 'a.txt': 'one\ntwo\n', 'b.txt': 'x\ny\nz' });

    it('finds none when the bytes are the same (design.json aside)', () => {
      expect(
        firstDifference({ 'design.json': '{"v":2}', 'a.txt': 'one\ntwo\n', 'b.txt': 'x\ny\nz' }, before),
      ).toBe(undefined);
    });

    it('names the file and the first changed line, quoting it as it is now', () => {
      expect(firstDifference({ 'a.txt': 'one\ntwo\n', 'b.txt': 'x\nY\nZ' }, before)).toBe(
        'b.txt line 2: now "Y"',
      );
      expect(firstDifference({ 'a.txt': 'one\ntwo \n', 'b.txt': 'x\ny\nz' }, before)).toBe(
        'a.txt line 2: now "two "',
      );
    });

    it('names lines cut from the end, and files added or gone', () => {
      expect(firstDifference({ 'a.txt': 'one\ntwo\n', 'b.txt': 'x\ny' }, before)).toBe(
        'b.txt line 3: recorded 3 lines, now 2',
      );
      expect(firstDifference({ 'a.txt': 'one\ntwo\n' }, before)).toBe(
        'b.txt: recorded but no longer generated',
      );
      expect(firstDifference({ 'a.txt': 'one\ntwo\n', 'b.txt': 'x\ny\nz', 'c.txt': '' }, before)).toBe(
        'c.txt: generated but not recorded',
      );
    });
  });
});
