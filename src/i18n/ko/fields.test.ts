import { describe, expect, it } from 'vitest';
import {
  checkAbsolutePath,
  checkContainerName,
  checkDjangoProjectName,
  checkLabel,
  checkPort,
  checkPythonName,
  checkRoute,
  checkServerName,
  checkSize,
} from '../../model/fields';
import { parseFieldText } from '../../panels/inspector/fields';
import { fieldProblemInKorean } from './fields';

const HANGUL = /[\uac00-\ud7a3]/;

/** One refused value for every sentence the field checks can say. */
const REFUSALS: (string | null)[] = [
  checkServerName(''),
  checkServerName('a'.repeat(1100)),
  checkServerName('bad\u0001'),
  checkServerName('a  b'),
  checkServerName(`${'a.'.repeat(130)}com`),
  checkServerName('no_underscores.example'),
  checkRoute('api'),
  checkRoute(`/${'a'.repeat(300)}`),
  checkRoute('/a\u0001'),
  checkRoute('/a b'),
  checkRoute('/a;b'),
  checkRoute('/a/../b'),
  checkRoute('/a%20b'),
  checkRoute('/a^b'),
  checkPythonName('', true),
  checkPythonName('a'.repeat(201), true),
  checkPythonName('shop-api', true),
  checkPythonName('shop.api', false),
  checkPythonName('class', false),
  checkDjangoProjectName('json'),
  checkDjangoProjectName('django'),
  checkDjangoProjectName('manage'),
  checkPort(70000),
  checkPort('80'),
  checkAbsolutePath('data/app.db'),
  checkAbsolutePath(`/${'a'.repeat(201)}`),
  checkAbsolutePath('/a\u0001'),
  checkAbsolutePath('/a b'),
  checkAbsolutePath('/a;b'),
  checkAbsolutePath('/a/../b'),
  checkAbsolutePath('/a..b'),
  checkAbsolutePath('/a%b'),
  checkAbsolutePath('/a^b'),
  checkAbsolutePath('/data/'),
  checkContainerName('Web'),
  checkContainerName('a'.repeat(64)),
  checkSize('ten'),
  checkLabel('  '),
  checkLabel('a'.repeat(65)),
  checkLabel('a\u0001'),
  checkLabel('a/b'),
  checkLabel('a..b'),
  checkLabel('Pаypal'),
  checkLabel(' Browser'),
];

describe('the field checks in Korean', () => {
  it.each(REFUSALS.map((problem) => [problem]))('%s', (problem) => {
    expect(problem).not.toBeNull();
    const korean = fieldProblemInKorean(problem!);
    expect(korean).toMatch(HANGUL);
    expect(korean).not.toBe(problem);
  });

  it('says the inspector parse messages in Korean', () => {
    const number = { type: 'number', label: 'n', doc: '', default: 1 } as const;
    const integer = { type: 'integer', label: 'n', doc: '', default: 1, min: 1, max: 8 } as const;
    for (const [spec, text] of [
      [number, 'x'],
      [integer, '9'],
    ] as const) {
      const parsed = parseFieldText(spec, text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(fieldProblemInKorean(parsed.message)).toMatch(HANGUL);
    }
  });

  it('keeps the values it quotes', () => {
    expect(fieldProblemInKorean(checkSize('ten')!)).toContain('"ten"');
    expect(fieldProblemInKorean(checkPort(70000)!)).toContain('70000');
  });
});
