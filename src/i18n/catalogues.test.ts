import { describe, expect, it } from 'vitest';
import { cliMessages as enCli } from './en/cli';
import { uiMessages as enUi } from './en/ui';
import { uiMessages as koUi } from './ko/ui';
import { EN_CATALOGUE, loadCatalogue } from './index';
import { cliMessages as koCli } from './ko/cli';
import { ruleMessages as enRules } from './en/rules';
import { ruleDocs, ruleMessages as koRules } from './ko/rules';
import { RULES } from '../validation/registry';
import { catalogueEntries, catalogueTexts } from './testing';
import { loadDesign } from '../model/load';
import { loadKindTextsKo } from '../nodes/koText';
import { KINDS, NODE_KINDS } from '../nodes/registry';
import type { PropSpec } from '../nodes/types';
import { validate } from '../validation/validate';

const HANGUL = /[\uac00-\ud7a3]/;
/** Texts that are the same in every language: key names, and the names of the languages themselves. */
const SAME_IN_EVERY_LANGUAGE =
  /^(English|한국어|Docker Compose|Kubernetes|ID|proxy_pass \(HTTP\)|Ctrl \+ .*|Delete \/ Backspace|Shift \+ L|F|F2|C|Tab, Enter|\?|Escape)$/;
/** Kinds keep their names in Korean (nginx, Gunicorn): the nouns connection messages name them by. */
const KIND_NAMES: ReadonlySet<string> = new Set(NODE_KINDS.map((kind) => KINDS[kind].nounKo));
/** A message made only of its parameters and punctuation ("{source} → {target}: {what}"): no words to translate. */
const ONLY_PARAMETERS = /^(\{\w+\}|[\s:→(),…])+$/;

const pairs = [
  ['rule messages', enRules, koRules],
  ['command line', enCli, koCli],
  ['designer', enUi, koUi],
] as const;

describe.each(pairs)('the %s catalogues', (_name, english, korean) => {
  it('have the same keys and, for messages with values, the same parameters', () => {
    expect(catalogueEntries(korean)).toEqual(catalogueEntries(english));
  });

  it('say everything in Korean in the Korean catalogue', () => {
    const untranslated = catalogueTexts(korean).filter(
      (text) =>
        text !== '' &&
        !HANGUL.test(text) &&
        !SAME_IN_EVERY_LANGUAGE.test(text) &&
        !KIND_NAMES.has(text) &&
        !ONLY_PARAMETERS.test(text),
    );
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

const KIND_TEXT_KO = await loadKindTextsKo(NODE_KINDS);

describe('the kinds in Korean', () => {
  it.each(Object.keys(KIND_TEXT_KO))('%s: every prop and option has Korean words', (kind) => {
    const words = KIND_TEXT_KO[kind as keyof typeof KIND_TEXT_KO];
    const specs = KINDS[kind as keyof typeof KINDS].props as Record<string, PropSpec>;
    expect(Object.keys(words.props).sort()).toEqual(Object.keys(specs).sort());
    for (const [name, spec] of Object.entries(specs)) {
      const prop = words.props[name]!;
      expect(prop.label + prop.doc, name).toMatch(HANGUL);
      if (spec.type === 'enum')
        expect(Object.keys(prop.options ?? {}).sort(), name).toEqual(spec.options.map((o) => o.value).sort());
    }
  });
});

describe('every rule in Korean', () => {
  it.each(RULES.map((rule) => [rule.id, rule] as const))(
    '%s writes its message and quick fixes in Korean',
    (id, rule) => {
      const loaded = loadDesign(structuredClone(rule.examples.fires));
      if (!loaded.ok) throw new Error(`the example of ${id} does not load`);
      const found = validate(loaded.design, rule.targets?.[0] ?? 'compose', koRules).filter(
        (diagnostic) => diagnostic.rule === id,
      );
      expect(found.length).toBeGreaterThan(0);
      for (const diagnostic of found) {
        expect(diagnostic.message).toMatch(HANGUL);
        for (const fix of [diagnostic.fix, ...(diagnostic.alternatives ?? [])])
          if (fix) expect(fix.label).toMatch(HANGUL);
      }
    },
  );
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

describe('loading a catalogue', () => {
  it('gives English at once and Korean from its own module', async () => {
    expect(await loadCatalogue('en')).toBe(EN_CATALOGUE);
    const korean = await loadCatalogue('ko');
    expect(korean.lang).toBe('ko');
    expect(korean.ui.toolbar.new).toMatch(HANGUL);
    expect(korean.ruleDocs?.cycle.summary).toMatch(HANGUL);
  });
});
