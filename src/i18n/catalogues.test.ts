import { describe, expect, it } from 'vitest';
import { cliMessages as enCli } from './en/cli';
import { cliMessages as koCli } from './ko/cli';
import { ruleMessages as enRules } from './en/rules';
import { ruleDocs, ruleMessages as koRules } from './ko/rules';
import { RULES } from '../validation/registry';
import { catalogueEntries, catalogueTexts } from './testing';

const HANGUL = /[\uac00-\ud7a3]/;

const pairs = [
  ['rule messages', enRules, koRules],
  ['command line', enCli, koCli],
] as const;

describe.each(pairs)('the %s catalogues', (_name, english, korean) => {
  it('have the same keys and, for messages with values, the same parameters', () => {
    expect(catalogueEntries(korean)).toEqual(catalogueEntries(english));
  });

  it('say everything in Korean in the Korean catalogue', () => {
    const untranslated = catalogueTexts(korean).filter((text) => !HANGUL.test(text));
    expect(untranslated).toEqual([]);
  });
});

describe('the Korean rule docs', () => {
  it('cover every rule, with a fix summary exactly where the English has one', () => {
    expect(Object.keys(ruleDocs).sort()).toEqual(RULES.map((rule) => rule.id).sort());
    for (const rule of RULES) {
      expect(ruleDocs[rule.id as keyof typeof ruleDocs].fixSummary !== undefined, rule.id).toBe(
        rule.fixSummary !== undefined,
      );
    }
  });
});

describe('the catalogue comparison', () => {
  it('notices a missing key and a message reading other parameters', () => {
    const english = { a: 'A', b: (p: { x: string }) => p.x };
    expect(catalogueEntries({ a: 'A' })).not.toEqual(catalogueEntries(english));
    expect(catalogueEntries({ a: 'A', b: (p: { y: string }) => p.y })).not.toEqual(catalogueEntries(english));
    expect(catalogueEntries({ a: '가', b: (p: { x: string }) => `${p.x}` })).toEqual(
      catalogueEntries(english),
    );
  });
});
