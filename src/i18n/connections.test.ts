import { describe, expect, it } from 'vitest';
import { canConnect, type AllowedVerdict, type RefusedPair } from '../model/connections';
import { connectionProblem, insertNode, newNode } from '../model/edit';
import { FORMAT, type Design } from '../model/design';
import { KINDS, NODE_KINDS } from '../nodes/registry';
import { connectionProblemText, connectionWordsOf, meaningText, refusalText } from './connections';
import { EN_CATALOGUE, loadCatalogue } from './index';
import { connectionMessages as en } from './en/connections';
import { connectionMessages as ko } from './ko/connections';
import { object, subject, topic } from './ko/particles';
import { catalogueEntries } from './testing';

const HANGUL = /[\uac00-\ud7a3]/;
/** The Latin words a Korean refusal may hold: the kinds' own names. */
const KIND_NAME_WORDS = new Set(NODE_KINDS.flatMap((kind) => KINDS[kind].nounKo.match(/[A-Za-z]+/g) ?? []));

const refusedPairs: RefusedPair[] = NODE_KINDS.flatMap((source) =>
  NODE_KINDS.flatMap((target) => {
    const verdict = canConnect(source, target);
    return verdict.allowed ? [] : [verdict];
  }),
);

const allowedPairs: (AllowedVerdict & { source: string; target: string })[] = NODE_KINDS.flatMap((source) =>
  NODE_KINDS.flatMap((target) => {
    const verdict = canConnect(source, target);
    return verdict.allowed ? [{ ...verdict, source, target }] : [];
  }),
);

/**
 * The Latin words a Korean meaning may hold: the kinds' names (upstream names included) and the
 * identifiers written as they are in code: protocols, nginx directives, the `module:callable` notation.
 */
const IDENTIFIER_WORDS = new Set([
  ...KIND_NAME_WORDS,
  ...NODE_KINDS.flatMap((kind) => KINDS[kind].upstream?.nameKo.match(/[A-Za-z]+/g) ?? []),
  'HTTP',
  'proxy_pass',
  'uwsgi_pass',
  'module',
  'callable',
]);

const twoNodes = (): Design => ({
  format: FORMAT,
  name: 'test',
  nodes: [newNode('nginx', 'proxy'), newNode('sqlite', 'db')],
  edges: [],
  containers: {},
});

describe('the refusal messages', () => {
  it('word every code in both languages, reading the same parameters', () => {
    expect(Object.keys(ko.reasons).sort()).toEqual(Object.keys(en.reasons).sort());
    expect(catalogueEntries(ko)).toEqual(catalogueEntries(en));
    expect(Object.keys(ko.nouns).sort()).toEqual([...NODE_KINDS].sort());
  });

  it('say in Korean why each refused pair is refused, naming the kinds by their names only', () => {
    expect(refusedPairs.length).toBeGreaterThan(0);
    for (const pair of refusedPairs) {
      const text = refusalText(pair, ko);
      expect(text, `${pair.source} → ${pair.target}`).toMatch(HANGUL);
      const english = (text.match(/[A-Za-z]+/g) ?? []).filter((word) => !KIND_NAME_WORDS.has(word));
      expect(english, text).toEqual([]);
      expect(text).toContain(`${ko.nouns[pair.source]} → ${ko.nouns[pair.target]}: `);
    }
  });

  it('name the kinds of the code’s parameters, a role as its kinds', () => {
    const refused = canConnect('nginx', 'sqlite');
    if (refused.allowed) throw new Error('nginx → SQLite must be refused');
    expect(refusalText(refused, en)).toBe(
      'nginx → SQLite is not a connection: Only a Flask app or a Django app opens a SQLite file.',
    );
    expect(refusalText(refused, ko)).toBe('nginx → SQLite: SQLite 파일은 Flask 앱 또는 Django 앱만 엽니다.');
    expect(en.nouns.flask).toBe(KINDS.flask.noun);
  });

  it('word the node problems of connectionProblem in both languages', () => {
    const design = twoNodes();
    const self = connectionProblem(design, 'proxy', 'proxy')!;
    expect(connectionProblemText(self, en)).toBe('A node cannot connect to itself.');
    expect(connectionProblemText(self, ko)).toMatch(HANGUL);
    const missing = connectionProblem(design, 'proxy', 'gone')!;
    expect(connectionProblemText(missing, ko)).toMatch(HANGUL);
    const refused = connectionProblem(design, 'proxy', 'db')!;
    expect(connectionProblemText(refused, ko)).toBe(
      'nginx → SQLite: SQLite 파일은 Flask 앱 또는 Django 앱만 엽니다.',
    );
    const connected = insertNode(design, newNode('gunicorn', 'wsgi-2'));
    const twice = {
      ...connected,
      edges: [{ id: 'e1', source: 'proxy', target: 'wsgi-2', props: { route: '/' } }],
    };
    const again = connectionProblem(twice, 'proxy', 'wsgi-2')!;
    expect(connectionProblemText(again, en)).toBe('proxy is already connected to wsgi-2.');
    expect(connectionProblemText(again, ko)).toBe('proxy는 이미 wsgi-2에 연결되어 있습니다.');
  });
});

describe('the meaning messages', () => {
  it('word every code in both languages, reading the same parameters', () => {
    expect(Object.keys(ko.meanings).sort()).toEqual(Object.keys(en.meanings).sort());
    expect(catalogueEntries(ko.meanings)).toEqual(catalogueEntries(en.meanings));
    expect(Object.keys(ko.upstreams).sort()).toEqual([...NODE_KINDS].sort());
  });

  it('say in Korean what each allowed pair does, with no English beyond names and identifiers', () => {
    expect(allowedPairs.length).toBeGreaterThan(0);
    for (const pair of allowedPairs) {
      const text = meaningText(pair.meaning, ko);
      expect(text, `${pair.source} → ${pair.target}`).toMatch(HANGUL);
      const english = (text.match(/[A-Za-z_]+/g) ?? []).filter((word) => !IDENTIFIER_WORDS.has(word));
      expect(english, text).toEqual([]);
    }
  });

  it('name a server or app by its upstream name in each language, a proxy by its noun', () => {
    const words = (
      source: 'client' | 'nginx' | 'gunicorn' | 'flask',
      target: (typeof NODE_KINDS)[number],
    ) => {
      const verdict = canConnect(source, target);
      if (!verdict.allowed) throw new Error(`${source} → ${target} must be allowed`);
      return [meaningText(verdict.meaning, en), meaningText(verdict.meaning, ko)];
    };
    expect(words('client', 'nginx')).toEqual(['HTTP request', 'HTTP 요청']);
    expect(words('client', 'flask')).toEqual([
      'HTTP straight to the Flask dev server',
      'Flask 개발 서버에 HTTP로 직접 요청',
    ]);
    expect(words('nginx', 'gunicorn')).toEqual(['proxy_pass to Gunicorn', 'proxy_pass로 Gunicorn에 전달']);
    expect(words('nginx', 'uwsgi')).toEqual([
      'uwsgi_pass or proxy_pass to uWSGI',
      'uwsgi_pass 또는 proxy_pass로 uWSGI에 전달',
    ]);
    expect(words('nginx', 'django')).toEqual([
      'proxy_pass to the Django dev server',
      'proxy_pass로 Django 개발 서버에 전달',
    ]);
    expect(words('nginx', 'react-static')).toEqual([
      'nginx serves the built files',
      'nginx가 빌드된 파일을 서빙',
    ]);
    expect(words('gunicorn', 'flask')).toEqual([
      'imports module:callable in-process',
      '같은 프로세스 안에서 module:callable을 임포트',
    ]);
    expect(words('flask', 'sqlite')).toEqual(['opens the database file', '데이터베이스 파일 열기']);
    expect(en.upstreams.flask).toBe(KINDS.flask.upstream!.name);
  });
});

describe('the connection words of a catalogue', () => {
  it('say what an allowed edge does in English, and in Korean once Korean is loaded', async () => {
    const verdict = canConnect('nginx', 'gunicorn');
    if (!verdict.allowed) throw new Error('nginx → Gunicorn must be allowed');
    expect(connectionWordsOf(EN_CATALOGUE).meaning(verdict.meaning)).toBe('proxy_pass to Gunicorn');
    const korean = connectionWordsOf(await loadCatalogue('ko'));
    expect(korean.meaning(verdict.meaning)).toBe('proxy_pass로 Gunicorn에 전달');
  });

  it('are English for the English catalogue and Korean once Korean is loaded', async () => {
    const refused = connectionProblem(twoNodes(), 'db', 'proxy')!;
    expect(connectionWordsOf(EN_CATALOGUE).problem(refused)).toBe(
      'SQLite → nginx is not a connection: SQLite is a file that the app opens; it calls nothing.',
    );
    const korean = connectionWordsOf(await loadCatalogue('ko'));
    expect(korean.problem(refused)).toBe(
      'SQLite → nginx: SQLite는 앱이 여는 파일이라 아무것도 호출하지 않습니다.',
    );
    const pair = canConnect('nginx', 'client');
    if (pair.allowed) throw new Error('nothing calls the client');
    expect(korean.refusal(pair)).toMatch(/^nginx → 클라이언트: /);
  });
});

describe('Korean particles after a name', () => {
  it('follow the last sound of the name as Korean reads it', () => {
    expect(topic('Gunicorn')).toBe('Gunicorn은');
    expect(topic('nginx')).toBe('nginx는');
    expect(topic('uWSGI')).toBe('uWSGI는');
    expect(topic('SQLite')).toBe('SQLite는');
    expect(topic('Flask 앱')).toBe('Flask 앱은');
    expect(topic('React 빌드')).toBe('React 빌드는');
    expect(subject('클라이언트')).toBe('클라이언트가');
    expect(subject('Gunicorn')).toBe('Gunicorn이');
    expect(object('nginx')).toBe('nginx를');
    expect(object('Django 앱')).toBe('Django 앱을');
    expect(topic('wsgi-3')).toBe('wsgi-3은');
    expect(topic('nginx-2')).toBe('nginx-2는');
  });
});
