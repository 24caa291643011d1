import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { serializeDesign } from '../model/serialize';
import { loadTemplate } from '../model/templates';
import { main } from './main';
import { takeLangOption } from './language';

const dir = mkdtempSync(join(tmpdir(), 'stacksketch-lang-'));
const HANGUL = /[\uac00-\ud7a3]/;

function designFile(): string {
  const path = join(dir, 'dev-server.json');
  writeFileSync(path, serializeDesign(loadTemplate('flask-dev-server')));
  return path;
}

async function run(args: string[], env: Record<string, string> = {}) {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  const code = await main(args, env);
  vi.restoreAllMocks();
  return { code, out, err };
}

afterEach(() => vi.restoreAllMocks());

type Json = { diagnostics: { rule: string; severity: string; message: string; nodes: string[] }[] };

describe('the CLI language', () => {
  it('validate --lang ko --json gives Korean messages with the same rule ids, severities and nodes', async () => {
    const file = designFile();
    const english = JSON.parse((await run(['validate', file, '--json'])).out) as Json;
    const korean = JSON.parse((await run(['validate', file, '--json', '--lang', 'ko'])).out) as Json;
    expect(english.diagnostics.length).toBeGreaterThan(0);
    const shape = (json: Json) =>
      json.diagnostics.map(({ rule, severity, nodes }) => ({ rule, severity, nodes }));
    expect(shape(korean)).toEqual(shape(english));
    for (const diagnostic of korean.diagnostics) expect(diagnostic.message).toMatch(HANGUL);
    for (const diagnostic of english.diagnostics) expect(diagnostic.message).not.toMatch(HANGUL);
  });

  it('follows LC_ALL, then LANG, and --lang overrides both', async () => {
    const file = designFile();
    expect((await run(['validate', file], { LANG: 'ko_KR.UTF-8' })).out).toMatch(HANGUL);
    expect((await run(['validate', file], { LANG: 'ko_KR.UTF-8', LC_ALL: 'en_US.UTF-8' })).out).not.toMatch(
      HANGUL,
    );
    expect((await run(['validate', file, '--lang=en'], { LANG: 'ko_KR.UTF-8' })).out).not.toMatch(HANGUL);
    expect((await run(['validate', file], { LANG: 'C.UTF-8' })).out).not.toMatch(HANGUL);
  });

  it('refuses any other language as a usage error (exit 2)', async () => {
    const refused = await run(['validate', designFile(), '--lang', 'fr']);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('"fr"');
    expect((await run(['validate', designFile(), '--lang'])).code).toBe(2);
  });

  it('prints its help and refusals in Korean', async () => {
    expect((await run(['--help', '--lang', 'ko'])).out).toContain('사용법');
    expect((await run(['templates', 'nope', '--lang', 'ko'])).err).toContain('템플릿 "nope"');
    expect((await run(['share', '--lang', 'ko'])).err).toContain('사용법');
  });

  it('export --lang ko writes a Korean README, the same bytes every time', async () => {
    const file = designFile();
    const readmes = [];
    for (const out of ['first', 'second']) {
      const exported = await run(['export', file, '--out', join(dir, out), '--force', '--lang', 'ko']);
      expect(exported.code).toBe(0);
      expect(exported.out).toMatch(HANGUL);
      readmes.push(readFileSync(join(dir, out, 'flask-dev-server', 'README.md'), 'utf8'));
    }
    expect(readmes[0]).toContain('## 실행 방법');
    expect(readmes[1]).toBe(readmes[0]);
  });

  it('leaves arguments after -- alone', () => {
    const option = takeLangOption(['validate', '--', '--lang', 'ko'], {});
    expect(option.ok && option.language.lang).toBe('en');
    expect(option.ok && option.args).toEqual(['validate', '--', '--lang', 'ko']);
  });
});
