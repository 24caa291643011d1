import { describe, expect, it } from 'vitest';
import { KINDS, NODE_KINDS, hasRole, type NodeKind } from '../nodes/registry';
import { canConnect, matchingPass, passFor, PROTOCOL_WORDS, protocolLabel } from './connections';
import { LANGS } from '../i18n/lang';
import { meaningText, refusalText } from '../i18n/connections';
import { connectionMessages } from '../i18n/en/connections';
import { connect, connectionProblem, newNode, insertNode } from './edit';
import { FORMAT, type Design } from './design';
import { validate } from '../validation/validate';

/**
 * Every allowed pair of the first release's kinds, with what flows and where (as the matrix said before
 * it was written over roles), and what the English catalogue says the edge does (as the matrix wrote it
 * before meanings became codes).
 */
const ALLOWED = [
  ['client', 'nginx', { protocol: 'http', meaning: 'HTTP request', sameContainer: false }],
  [
    'client',
    'gunicorn',
    {
      protocol: 'http',
      meaning: 'HTTP straight to Gunicorn',
      sameContainer: false,
    },
  ],
  [
    'client',
    'uwsgi',
    {
      protocol: 'http',
      meaning: 'HTTP straight to uWSGI',
      sameContainer: false,
    },
  ],
  [
    'client',
    'flask',
    {
      protocol: 'http',
      meaning: 'HTTP straight to the Flask dev server',
      sameContainer: false,
    },
  ],
  ['nginx', 'gunicorn', { protocol: 'http', meaning: 'proxy_pass to Gunicorn', sameContainer: false }],
  [
    'nginx',
    'uwsgi',
    { protocol: 'uwsgi', meaning: 'uwsgi_pass or proxy_pass to uWSGI', sameContainer: false },
  ],
  [
    'nginx',
    'flask',
    { protocol: 'http', meaning: 'proxy_pass to the Flask dev server', sameContainer: false },
  ],
  [
    'nginx',
    'react-static',
    { protocol: 'static', meaning: 'nginx serves the built files', sameContainer: true },
  ],
  [
    'gunicorn',
    'flask',
    { protocol: 'wsgi', meaning: 'imports module:callable in-process', sameContainer: true },
  ],
  [
    'uwsgi',
    'flask',
    { protocol: 'wsgi', meaning: 'imports module:callable in-process', sameContainer: true },
  ],
  ['flask', 'sqlite', { protocol: 'file', meaning: 'opens the database file', sameContainer: true }],
] as const;

/** Every refused pair, with its reason word for word. */
const REFUSED: readonly (readonly [NodeKind, NodeKind, string])[] = [
  [
    'client',
    'client',
    'a client → a client is not a connection: Nothing in the stack calls the client: edges point from caller to callee.',
  ],
  [
    'client',
    'sqlite',
    'a client → SQLite is not a connection: Only a Flask app or a Django app opens a SQLite file.',
  ],
  [
    'client',
    'react-static',
    'a client → a React build is not a connection: Only nginx serves a React build.',
  ],
  [
    'nginx',
    'client',
    'nginx → a client is not a connection: Nothing in the stack calls the client: edges point from caller to callee.',
  ],
  [
    'nginx',
    'nginx',
    'nginx → nginx is not a connection: Nginx is the front door: only clients connect to it.',
  ],
  [
    'nginx',
    'sqlite',
    'nginx → SQLite is not a connection: Only a Flask app or a Django app opens a SQLite file.',
  ],
  [
    'gunicorn',
    'client',
    'Gunicorn → a client is not a connection: Nothing in the stack calls the client: edges point from caller to callee.',
  ],
  [
    'gunicorn',
    'nginx',
    'Gunicorn → nginx is not a connection: Nginx is the front door: only clients connect to it.',
  ],
  [
    'gunicorn',
    'gunicorn',
    'Gunicorn → Gunicorn is not a connection: Gunicorn only runs a Flask app or a Django app.',
  ],
  [
    'gunicorn',
    'uwsgi',
    'Gunicorn → uWSGI is not a connection: Gunicorn only runs a Flask app or a Django app.',
  ],
  [
    'gunicorn',
    'sqlite',
    'Gunicorn → SQLite is not a connection: Only a Flask app or a Django app opens a SQLite file.',
  ],
  [
    'gunicorn',
    'react-static',
    'Gunicorn → a React build is not a connection: Only nginx serves a React build.',
  ],
  [
    'uwsgi',
    'client',
    'uWSGI → a client is not a connection: Nothing in the stack calls the client: edges point from caller to callee.',
  ],
  [
    'uwsgi',
    'nginx',
    'uWSGI → nginx is not a connection: Nginx is the front door: only clients connect to it.',
  ],
  ['uwsgi', 'gunicorn', 'uWSGI → Gunicorn is not a connection: uWSGI only runs a Flask app or a Django app.'],
  ['uwsgi', 'uwsgi', 'uWSGI → uWSGI is not a connection: uWSGI only runs a Flask app or a Django app.'],
  [
    'uwsgi',
    'sqlite',
    'uWSGI → SQLite is not a connection: Only a Flask app or a Django app opens a SQLite file.',
  ],
  ['uwsgi', 'react-static', 'uWSGI → a React build is not a connection: Only nginx serves a React build.'],
  [
    'flask',
    'client',
    'a Flask app → a client is not a connection: Nothing in the stack calls the client: edges point from caller to callee.',
  ],
  [
    'flask',
    'nginx',
    'a Flask app → nginx is not a connection: Nginx is the front door: only clients connect to it.',
  ],
  [
    'flask',
    'gunicorn',
    'a Flask app → Gunicorn is not a connection: A Flask app only opens its SQLite database.',
  ],
  ['flask', 'uwsgi', 'a Flask app → uWSGI is not a connection: A Flask app only opens its SQLite database.'],
  [
    'flask',
    'flask',
    'a Flask app → a Flask app is not a connection: A Flask app only opens its SQLite database.',
  ],
  [
    'flask',
    'react-static',
    'a Flask app → a React build is not a connection: Only nginx serves a React build.',
  ],
  [
    'sqlite',
    'client',
    'SQLite → a client is not a connection: SQLite is a file that the app opens; it calls nothing.',
  ],
  [
    'sqlite',
    'nginx',
    'SQLite → nginx is not a connection: SQLite is a file that the app opens; it calls nothing.',
  ],
  [
    'sqlite',
    'gunicorn',
    'SQLite → Gunicorn is not a connection: SQLite is a file that the app opens; it calls nothing.',
  ],
  [
    'sqlite',
    'uwsgi',
    'SQLite → uWSGI is not a connection: SQLite is a file that the app opens; it calls nothing.',
  ],
  [
    'sqlite',
    'flask',
    'SQLite → a Flask app is not a connection: SQLite is a file that the app opens; it calls nothing.',
  ],
  [
    'sqlite',
    'sqlite',
    'SQLite → SQLite is not a connection: SQLite is a file that the app opens; it calls nothing.',
  ],
  [
    'sqlite',
    'react-static',
    'SQLite → a React build is not a connection: SQLite is a file that the app opens; it calls nothing.',
  ],
  [
    'react-static',
    'client',
    'a React build → a client is not a connection: A React build is static files that nginx serves; it calls nothing on the server.',
  ],
  [
    'react-static',
    'nginx',
    'a React build → nginx is not a connection: A React build is static files that nginx serves; it calls nothing on the server.',
  ],
  [
    'react-static',
    'gunicorn',
    'a React build → Gunicorn is not a connection: A React build is static files that nginx serves; it calls nothing on the server.',
  ],
  [
    'react-static',
    'uwsgi',
    'a React build → uWSGI is not a connection: A React build is static files that nginx serves; it calls nothing on the server.',
  ],
  [
    'react-static',
    'flask',
    'a React build → a Flask app is not a connection: A React build is static files that nginx serves; it calls nothing on the server.',
  ],
  [
    'react-static',
    'sqlite',
    'a React build → SQLite is not a connection: A React build is static files that nginx serves; it calls nothing on the server.',
  ],
  [
    'react-static',
    'react-static',
    'a React build → a React build is not a connection: A React build is static files that nginx serves; it calls nothing on the server.',
  ],
];

const roles = (kind: NodeKind) => KINDS[kind].roles;
const empty = (): Design => ({ format: FORMAT, name: 'test', nodes: [], edges: [], containers: {} });

describe('the connection matrix', () => {
  it('judges all 49 pairs of the first release’s kinds as before: allowed or refused', () => {
    const firstRelease = NODE_KINDS.filter((kind) => kind !== 'django');
    expect(ALLOWED.length + REFUSED.length).toBe(firstRelease.length ** 2);
  });

  it.each(ALLOWED)(
    'allows %s → %s, with what flows over it and a code the English catalogue words as before',
    (source, target, { meaning, ...verdict }) => {
      const judged = canConnect(source, target);
      expect(judged).toMatchObject({ allowed: true, ...verdict });
      if (judged.allowed) expect(meaningText(judged.meaning, connectionMessages)).toBe(meaning);
    },
  );

  it('gives every allowed pair a meaning code of the closed list, with kinds and directives as parameters', () => {
    const codes = Object.keys(connectionMessages.meanings);
    let allowedPairs = 0;
    for (const source of NODE_KINDS)
      for (const target of NODE_KINDS) {
        const verdict = canConnect(source, target);
        if (!verdict.allowed) continue;
        allowedPairs += 1;
        expect(codes, `${source} → ${target}`).toContain(verdict.meaning.code);
        for (const value of Object.values(verdict.meaning.params) as string[])
          for (const fact of [value].flat())
            expect([...NODE_KINDS, 'proxy_pass', 'uwsgi_pass'], `${source} → ${target}`).toContain(fact);
        expect(meaningText(verdict.meaning, connectionMessages), `${source} → ${target}`).not.toBe('');
      }
    expect(allowedPairs).toBeGreaterThan(ALLOWED.length);
  });

  it('words the meanings of Django, the kind added after the first release, like Flask’s', () => {
    const words = (source: NodeKind, target: NodeKind) => {
      const verdict = canConnect(source, target);
      return verdict.allowed ? meaningText(verdict.meaning, connectionMessages) : null;
    };
    expect(words('client', 'django')).toBe('HTTP straight to the Django dev server');
    expect(words('nginx', 'django')).toBe('proxy_pass to the Django dev server');
    expect(words('gunicorn', 'django')).toBe('imports module:callable in-process');
    expect(words('django', 'sqlite')).toBe('opens the database file');
  });

  it.each(REFUSED)(
    'refuses %s → %s with a code the English catalogue words as before',
    (source, target, reason) => {
      const verdict = canConnect(source, target);
      expect(verdict).toMatchObject({ allowed: false, source, target });
      if (!verdict.allowed) expect(refusalText(verdict, connectionMessages)).toBe(reason);
    },
  );

  it('gives every refused pair a code of the closed list, with its kinds as parameters', () => {
    const codes = Object.keys(connectionMessages.reasons);
    for (const source of NODE_KINDS)
      for (const target of NODE_KINDS) {
        const verdict = canConnect(source, target);
        if (verdict.allowed) continue;
        expect(codes, `${source} → ${target}`).toContain(verdict.refusal.code);
        for (const kinds of Object.values(verdict.refusal.params) as (NodeKind | NodeKind[])[])
          for (const kind of [kinds].flat()) expect(NODE_KINDS).toContain(kind);
      }
  });

  it('is written over roles: the client may call proxies, servers and apps; a proxy calls static builds, servers and apps; a server its app; an app its database', () => {
    const may: [string, string][] = [
      ['client', 'proxy'],
      ['client', 'wsgi-server'],
      ['client', 'app'],
      ['proxy', 'static'],
      ['proxy', 'wsgi-server'],
      ['proxy', 'app'],
      ['wsgi-server', 'app'],
      ['app', 'database'],
    ];
    for (const source of NODE_KINDS)
      for (const target of NODE_KINDS) {
        const byRoles = may.some(
          ([from, to]) => hasRole(source, from as never) && hasRole(target, to as never),
        );
        expect(canConnect(source, target).allowed, `${source} → ${target}`).toBe(byRoles);
      }
  });

  it('lets every client → server or app connection be drawn, and the validator marks it as an error', () => {
    for (const target of NODE_KINDS) {
      if (!roles(target).includes('wsgi-server') && !roles(target).includes('app')) continue;
      expect(canConnect('client', target).allowed, target).toBe(true);
      const design = connect(
        insertNode(insertNode(empty(), newNode('client', 'a')), newNode(target, 'b')),
        'a',
        'b',
      );
      expect(
        validate(design)
          .filter((d) => d.rule === 'app-server-exposed')
          .map((d) => d.severity),
        target,
      ).toEqual(['error']);
    }
  });

  it('takes the protocol to a proxy and the names in the wording from the kind descriptors', () => {
    for (const target of NODE_KINDS) {
      const upstream = KINDS[target].upstream;
      const verdict = canConnect('nginx', target);
      if (!upstream || !verdict.allowed || roles(target).includes('static')) continue;
      expect(verdict.protocol).toBe(upstream.protocol);
      expect(verdict.meaning).toEqual({
        code: 'passesTo',
        params: expect.objectContaining({ upstream: target }),
      });
      expect(meaningText(verdict.meaning, connectionMessages)).toContain(upstream.name);
    }
    const refused = canConnect('gunicorn', 'sqlite');
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) {
      expect(refused.refusal).toEqual({
        code: 'onlyAppsOpenDatabase',
        params: { target: 'sqlite', apps: ['flask', 'django'] },
      });
      expect(refusalText(refused, connectionMessages)).toContain(KINDS.gunicorn.noun);
      expect(refusalText(refused, connectionMessages)).toContain(KINDS.flask.noun);
    }
  });

  it('gives the same frozen verdict each time it is asked', () => {
    expect(canConnect('nginx', 'uwsgi')).toBe(canConnect('nginx', 'uwsgi'));
    expect(Object.isFrozen(canConnect('nginx', 'uwsgi'))).toBe(true);
  });

  it('is what the canvas allows: connect() adds exactly the edges the matrix allows', () => {
    for (const source of NODE_KINDS)
      for (const target of NODE_KINDS) {
        const design = insertNode(insertNode(empty(), newNode(source, 'a')), newNode(target, 'b'));
        const verdict = canConnect(source, target);
        expect(connect(design, 'a', 'b').edges.length, `${source} → ${target}`).toBe(verdict.allowed ? 1 : 0);
        expect(connectionProblem(design, 'a', 'b')).toEqual(
          verdict.allowed ? null : { code: 'refused', params: verdict },
        );
      }
  });
});

describe('directives and labels', () => {
  it('matches nginx directives to protocols', () => {
    expect(matchingPass('uwsgi')).toBe('uwsgi_pass');
    expect(matchingPass('http')).toBe('proxy_pass');
  });

  it('gives a proxy edge a default directive only for kinds whose props choose the protocol', () => {
    expect(passFor(newNode('uwsgi', 'u', { props: { protocol: 'http' } }))).toBe('proxy_pass');
    expect(passFor(newNode('uwsgi', 'u'))).toBe('uwsgi_pass');
    expect(passFor(newNode('gunicorn', 'g'))).toBeUndefined();
    expect(passFor(newNode('flask', 'f'))).toBeUndefined();
  });

  it('labels edges with what flows over them', () => {
    expect(['http', 'uwsgi', 'wsgi', 'file', 'static'].map((p) => protocolLabel(p as never))).toEqual([
      'HTTP',
      'uwsgi',
      'WSGI',
      'file',
      'static',
    ]);
  });

  it('words every protocol in every language, keeping identifiers and wording only what is not one', () => {
    const protocols = ['http', 'uwsgi', 'wsgi', 'file', 'static'] as const;
    for (const lang of LANGS) expect(Object.keys(PROTOCOL_WORDS[lang]).sort()).toEqual(['file', 'static']);
    expect(protocols.map((p) => protocolLabel(p, 'en'))).toEqual(protocols.map((p) => protocolLabel(p)));
    expect(protocols.map((p) => protocolLabel(p, 'ko'))).toEqual([
      'HTTP',
      'uwsgi',
      'WSGI',
      '파일',
      '정적 파일',
    ]);
  });
});
