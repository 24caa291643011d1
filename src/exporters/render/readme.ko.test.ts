import { describe, expect, it } from 'vitest';
import { ruleMessages as koreanRules } from '../../i18n/ko/rules';
import { loadTemplate, TEMPLATES } from '../../model/templates';
import { validate } from '../../validation/validate';
import { COMPOSE_EN, generate } from '../generate';
import { codeLines } from '../testing/comments';

const HANGUL = /[\uac00-\ud7a3]/;

function korean(id: (typeof TEMPLATES)[number]['id'], name?: string) {
  const design = { ...loadTemplate(id), ...(name ? { name } : {}) };
  const diagnostics = validate(design, 'compose', koreanRules);
  return { design, files: generate(design, { target: 'compose', lang: 'ko', diagnostics }).files };
}

describe('the Korean bundle', () => {
  it('has a Korean README with what runs where, how to run, the files and why, and Korean warnings', () => {
    const { files } = korean('flask-dev-server');
    const readme = files['README.md']!;
    for (const heading of [
      '## 어디서 무엇이 실행되나',
      '## 경고',
      '## 실행 방법',
      '## 파일과 그 이유',
      '## 왜 이런 구조인가',
    ])
      expect(readme).toContain(heading);
    expect(readme).toContain('Werkzeug 개발 서버로 실행됩니다');
    expect(readme).toContain('```mermaid');
  });

  it('changes only the README and the comments: every other line is the English bundle byte for byte', () => {
    for (const template of TEMPLATES) {
      const { design, files } = korean(template.id);
      const english = generate(design, COMPOSE_EN).files;
      expect(Object.keys(files)).toEqual(Object.keys(english));
      for (const path of Object.keys(english).filter((p) => p !== 'README.md'))
        expect(codeLines(files[path]!), `${template.id}: ${path}`).toEqual(codeLines(english[path]!));
      expect(files['README.md']).toMatch(HANGUL);
      expect(english['README.md']).not.toMatch(HANGUL);
    }
  });

  it('is deterministic: the same design, target and language give the same bytes', () => {
    for (const template of TEMPLATES) expect(korean(template.id).files).toEqual(korean(template.id).files);
  });

  it('keeps a Korean design name as Hangul in the README title', () => {
    const readme = korean('gunicorn-flask-sqlite', '우리 가게 API').files['README.md']!;
    expect(readme.split('\n')[0]).toBe('# 우리 가게 API');
  });
});

describe('the Korean server bundle', () => {
  const server = (lang: 'en' | 'ko') => {
    const design = loadTemplate('load-balanced-gunicorn');
    const diagnostics = validate(design, 'server', lang === 'ko' ? koreanRules : undefined);
    return generate(design, { target: 'server', lang, diagnostics }).files;
  };

  it('has a Korean README with the install steps and the replica warning in Korean', () => {
    const readme = server('ko')['README.md']!;
    for (const heading of ['## 어디서 무엇이 실행되나', '## 경고', '## 설치', '## 상태 보기', '## 제거'])
      expect(readme).toContain(heading);
    expect(readme).toContain('SQLite 파일 하나를 함께 쓰므로');
    expect(readme).toContain('sudo ./install.sh');
  });

  it('changes only the README and the comments', () => {
    const [korean, english] = [server('ko'), server('en')];
    expect(Object.keys(korean)).toEqual(Object.keys(english));
    for (const path of Object.keys(english).filter((p) => p !== 'README.md'))
      expect(codeLines(korean[path]!), path).toEqual(codeLines(english[path]!));
    expect(english['README.md']).not.toMatch(HANGUL);
  });
});
