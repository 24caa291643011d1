import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from './registry';
import { compactJson, renderRulesDoc } from './rulesDoc';

describe('docs/rules.md', () => {
  it('is up to date with the rule registry (run `npm run docs:rules` after changing a rule)', () => {
    const onDisk = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');
    expect(onDisk).toBe(renderRulesDoc());
  });

  it('has a section for every rule, with its example as valid JSON', () => {
    const doc = renderRulesDoc();
    for (const rule of RULES) {
      expect(doc).toContain(`## \`${rule.id}\``);
      expect(JSON.parse(compactJson(rule.examples.fires))).toEqual(rule.examples.fires);
    }
  });
});
