import { describe, expect, it } from 'vitest';
import { canConnect, type RefusedPair } from '../model/connections';
import { connectionProblem, insertNode, newNode } from '../model/edit';
import { FORMAT, type Design } from '../model/design';
import { KINDS, NODE_KINDS } from '../nodes/registry';
import { connectionProblemText, connectionWordsOf, refusalText } from './connections';
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

describe('the connection words of a catalogue', () => {
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
