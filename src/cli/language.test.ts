import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { serializeDesign } from '../model/serialize';
import { loadTemplate } from '../model/templates';
import { main } from './main';
import { takeLangOption } from './language';
import { invalidConnection } from '../validation/rules/invalid-connection';

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

  it('validate --lang ko --json says why a forbidden edge is refused in Korean, with no English sentence', async () => {
    const file = join(dir, 'forbidden-edge.json');
    writeFileSync(file, JSON.stringify(invalidConnection.examples.fires));
    const refused = (json: Json) => json.diagnostics.filter(({ rule }) => rule === 'invalid-connection');
    const [english] = refused(JSON.parse((await run(['validate', file, '--json'])).out) as Json);
    const [korean] = refused(
      JSON.parse((await run(['validate', file, '--json', '--lang', 'ko'])).out) as Json,
    );
    expect(english!.message).toBe(
      'Gunicorn → SQLite is not a connection: Only a Flask app or a Django app opens a SQLite file. (edge "e4": "wsgi" → "db")',
    );
    expect(korean!.message).toContain('SQLite 파일은 Flask 앱 또는 Django 앱만 엽니다.');
    // Ids are quoted; every other Latin word is a name Korean keeps (kinds, WSGI).
    const words = korean!.message.replace(/"[^"]*"/g, ' ').match(/[A-Za-z]+/g) ?? [];
    expect(
      words.filter((word) => !['nginx', 'WSGI', 'Gunicorn', 'SQLite', 'Flask', 'Django'].includes(word)),
    ).toEqual([]);
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

  it('says in Korean why a design file cannot be loaded, keeping the field path', async () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(
      broken,
      JSON.stringify({ format: 'stacksketch/v2', nodes: [{ id: 'a', kind: 'spaceship' }] }),
    );
    const korean = await run(['validate', broken, '--lang', 'ko']);
    expect(korean.code).toBe(2);
    expect(korean.err).toContain('nodes[0].kind: 알 수 없는 종류 "spaceship"');
    expect((await run(['validate', join(dir, 'missing.json'), '--lang', 'ko'])).err).toContain(
      '파일이 없습니다',
    );
    expect((await run(['validate', broken])).err).toContain('nodes[0].kind: unknown kind "spaceship"');
  });

  it('lists the templates with Korean titles', async () => {
    const listed = await run(['templates', '--lang', 'ko']);
    expect(listed.out).toContain('uwsgi-unix-socket\t유닉스 소켓으로 잇는 Nginx + uWSGI');
    expect((await run(['templates'])).out).not.toMatch(HANGUL);
  });

  it('refuses to write over an existing file or into a non-empty folder in Korean', async () => {
    const taken = join(dir, 'taken.json');
    writeFileSync(taken, '{}');
    const imported = await run([
      'import',
      join(__dirname, '../../scripts/fixtures/import/flask-dev-compose'),
      '--out',
      taken,
      '--lang',
      'ko',
    ]);
    expect(imported.code).toBe(2);
    expect(imported.err).toContain(`${taken}가 이미 있습니다. 덮어쓰려면 --force를 붙이세요`);
    expect(imported.err).toContain('아무것도 쓰지 않았습니다');

    const busy = join(dir, 'busy');
    mkdirSync(join(busy, 'flask-dev-server'), { recursive: true });
    writeFileSync(join(busy, 'flask-dev-server', 'notes.txt'), 'mine');
    const exported = await run(['export', designFile(), '--out', busy, '--lang', 'ko']);
    expect(exported.err.startsWith('오류: ')).toBe(true);
    expect(exported.err).toContain('비어 있지 않고, 이전에 StackSketch로 내보낸 폴더도 아닙니다');
    expect(exported.err).not.toMatch(/\b(error|warning|refusing)\b/);
  });

  it('leaves arguments after -- alone', () => {
    const option = takeLangOption(['validate', '--', '--lang', 'ko'], {});
    expect(option.ok && option.language.lang).toBe('en');
    expect(option.ok && option.args).toEqual(['validate', '--', '--lang', 'ko']);
  });
});
