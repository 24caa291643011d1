import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from './registry';
import { compactJson, renderRulesDoc } from './rulesDoc';

describe('docs/rules.md', () => {
  it('is up to date with the rule registry (run `npm run docs:rules` after changing a rule)', () => {
    const onDisk = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');
    expect(onDisk).toBe(renderRulesDoc());
  });

  it('has a Korean twin, docs/rules.ko.md, just as up to date', () => {
    const onDisk = readFileSync(new URL('../../docs/rules.ko.md', import.meta.url), 'utf8');
    expect(onDisk).toBe(renderRulesDoc('ko'));
  });

  it('shows Korean messages and fix labels in the Korean doc, with the same rule ids', () => {
    const doc = renderRulesDoc('ko');
    for (const rule of RULES) expect(doc).toContain(`## \`${rule.id}\``);
    expect(doc).toContain('Werkzeug 개발 서버로 실행됩니다');
    expect(doc).toContain('“uWSGI "uwsgi"를 socket(uwsgi 프로토콜)으로 바꾸기”');
    expect(doc).not.toContain('What StackSketch reports');
  });

  it('has a section for every rule, with its example as valid JSON', () => {
    const doc = renderRulesDoc();
    for (const rule of RULES) {
      expect(doc).toContain(`## \`${rule.id}\``);
      expect(JSON.parse(compactJson(rule.examples.fires))).toEqual(rule.examples.fires);
    }
  });
});
