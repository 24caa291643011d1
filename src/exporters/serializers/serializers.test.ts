import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import { HOSTILE_STRINGS } from '../../validation/hostileInputs';
import { dockerFragment, formatDockerfile, type DockerInstruction } from './dockerfile';
import { formatIni, formatIniValue } from './ini';
import { pyDottedName, pyIdentifier, pyString, pyStringTuple } from './python';
import { shQuote } from './shell';
import { composeVariable, formatCompose } from './yaml';

describe('ini serializer', () => {
  it('writes sections with keys, booleans and numbers', () => {
    const text = formatIni([
      {
        name: 'uwsgi',
        comments: ['top'],
        entries: [
          { key: 'module', value: 'shop.api:application' },
          { key: 'master', value: true },
          { key: 'processes', value: 4 },
        ],
      },
    ]);
    expect(text).toBe('# top\n[uwsgi]\nmodule = shop.api:application\nmaster = true\nprocesses = 4\n');
  });

  it.each([
    ['a\nstrict = false', /control/],
    ['a\rb', /control/],
    ['%(home)', /expands/],
    ['$(SECRET_KEY)', /expands/],
    ['@(/etc/passwd)', /expands/],
    [' padded', /spaces/],
    ['; comment', /comment/],
    ['', /empty/],
  ])('refuses %j', (value, message) => {
    expect(() => formatIniValue(value)).toThrow(message);
  });

  it('refuses every hostile string with a line break or a uWSGI expansion', () => {
    for (const { value } of HOSTILE_STRINGS) {
      let written: string;
      try {
        written = formatIni([{ name: 'uwsgi', entries: [{ key: 'socket', value }] }]);
      } catch {
        continue;
      }
      expect(written.split('\n').filter((line) => line.startsWith('socket'))).toEqual([`socket = ${value}`]);
      expect(written.trimEnd().split('\n')).toHaveLength(2);
    }
  });

  it('refuses bad keys and section names', () => {
    expect(() => formatIni([{ name: 'uwsgi', entries: [{ key: 'a b', value: 1 }] }])).toThrow(/bad key/);
    expect(() => formatIni([{ name: 'x]', entries: [] }])).toThrow(/section/);
  });
});

describe('python serializer', () => {
  it('escapes string literals so Python reads back the same text', () => {
    expect(pyString('plain /data/app.db')).toBe('"plain /data/app.db"');
    expect(pyString('q"b\\')).toBe('"q\\"b\\\\"');
    expect(pyString('a\nb\u2028c\u0000')).toBe('"a\\x0ab\\u2028c\\x00"');
    expect(pyString('é😀')).toBe('"\\xe9\\U0001f600"');
    expect(pyString(' !#[]~')).toBe('" !#[]~"');
    expect(pyString('~\u007f')).toBe('"~\\x7f"');
    expect(pyStringTuple(['/api/'])).toBe('("/api/",)');
    expect(pyStringTuple(['/a/', '/b/'])).toBe('("/a/", "/b/")');
  });

  it('never lets a hostile string out of its literal', () => {
    for (const { value } of HOSTILE_STRINGS) {
      const literal = pyString(value);
      expect(literal).toMatch(/^"([\x20-\x7e])*"$/);
      expect(literal.slice(1, -1)).not.toMatch(/(^|[^\\])(\\\\)*"/);
    }
  });

  it('validates identifiers and dotted names', () => {
    expect(pyIdentifier('application')).toBe('application');
    expect(pyDottedName('shop.api')).toBe('shop.api');
    expect(() => pyIdentifier('app; import os')).toThrow(/refusing identifier/);
    expect(() => pyIdentifier('class')).toThrow(/keyword/);
    expect(() => pyDottedName('shop..api')).toThrow(/refusing module/);
    expect(() => pyDottedName('os.system("x")')).toThrow(/refusing module/);
  });
});

describe('compose (YAML) serializer', () => {
  it('round-trips through a YAML parser, quoting strings and escaping $ for Compose', () => {
    const text = formatCompose({
      services: {
        app: { ports: ['80:80'], environment: { A: 'x$y', SECRET_KEY: composeVariable('SECRET_KEY') } },
      },
    });
    expect(text).toContain('"80:80"');
    const parsed = parse(text) as { services: { app: { environment: Record<string, string> } } };
    expect(parsed.services.app.environment).toEqual({ A: 'x$$y', SECRET_KEY: '${SECRET_KEY:-}' });
  });

  it('refuses control characters in values and keys', () => {
    expect(() => formatCompose({ a: 'x\ny' })).toThrow(/control/);
    expect(() => formatCompose({ 'a\nb': 'x' })).toThrow(/key/);
    expect(() => composeVariable('lower')).toThrow(/variable/);
  });
});

describe('Dockerfile serializer', () => {
  it('writes exec-form JSON arrays for CMD and HEALTHCHECK', () => {
    const text = formatDockerfile([
      { op: 'FROM', image: 'python:3.12-slim', as: 'build' },
      {
        op: 'HEALTHCHECK',
        interval: '10s',
        timeout: '5s',
        startPeriod: '15s',
        retries: 3,
        command: ['python', 'health-check.py'],
      },
      { op: 'CMD', command: ['nginx', '-g', 'daemon off;'] },
    ]);
    expect(text).toContain('CMD ["nginx", "-g", "daemon off;"]');
    expect(text).toContain('CMD ["python", "health-check.py"]');
    expect(text).toContain('FROM python:3.12-slim AS build');
  });

  it('refuses line breaks, unpinned images and odd names', () => {
    expect(() => formatDockerfile([{ op: 'CMD', command: ['a\nRUN rm -rf /'] }])).toThrow(/control/);
    expect(() => formatDockerfile([{ op: 'FROM', image: 'python' }])).toThrow(/image/);
    expect(() => formatDockerfile([{ op: 'USER', name: 'root; rm' }])).toThrow(/user/);
    expect(() => formatDockerfile([{ op: 'WORKDIR', path: '/a b' }])).toThrow(/WORKDIR/);
  });

  it('writes a fragment exactly as its instructions, checked when it is made', () => {
    const shared: DockerInstruction[] = [
      { op: 'FROM', image: 'python:3.12-slim' },
      { op: 'comment', text: 'fixed' },
      { op: 'ENV', vars: [['A', '1']] },
    ];
    const cmd: DockerInstruction = { op: 'CMD', command: ['python', 'app.py'] };
    expect(formatDockerfile([dockerFragment(shared), cmd])).toBe(formatDockerfile([...shared, cmd]));
    expect(() => dockerFragment([{ op: 'FROM', image: 'python' }])).toThrow(/image/);
  });

  it('uses JSON form for COPY paths with unusual characters and escapes ENV values', () => {
    const text = formatDockerfile([
      { op: 'COPY', sources: ['a b'], dest: '/x/' },
      { op: 'ENV', vars: [['A', 'x"$y\\']] },
    ]);
    expect(text).toContain('COPY ["a b", "/x/"]');
    expect(text).toContain('ENV A="x\\"\\$y\\\\"');
  });
});

describe('shell quoting', () => {
  it('single-quotes anything but plain words', () => {
    expect(shQuote('/api/health')).toBe('/api/health');
    expect(shQuote('a b')).toBe("'a b'");
    expect(shQuote("it's $(x)")).toBe(`'it'\\''s $(x)'`);
    expect(() => shQuote('a\nb')).toThrow(/control/);
  });
});

describe('compose emitter against the yaml library', () => {
  it('writes documents the yaml library parses back to the same value', () => {
    const scalar = fc.oneof(
      fc.string(),
      fc.constantFrom(
        '80:80',
        'yes',
        'no',
        'on',
        'null',
        '~',
        '0o17',
        '1e3',
        '- x',
        '#c',
        'a: b',
        '"q"',
        "'",
        '*a',
        '&a',
        '!t',
        '%x',
        '@x',
        '`x',
      ),
      fc.integer(),
      fc.boolean(),
    );
    const key = fc.oneof(
      fc.string({ minLength: 1 }),
      fc.constantFrom('yes', 'on', 'null', '1', 'a b', 'x:y', '- k'),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
      list: fc.array(tie('node'), { maxLength: 4 }),
      map: fc.dictionary(key, tie('node'), { maxKeys: 4 }),
    }));
    fc.assert(
      fc.property(fc.dictionary(key, value.node, { maxKeys: 5 }), (document) => {
        let text: string;
        try {
          text = formatCompose(document);
        } catch (error) {
          // Only control characters (and "$"-free keys) are refused.
          expect((error as Error).message).toMatch(/control characters|refusing key/);
          return;
        }
        const unescape = (v: unknown): unknown =>
          typeof v === 'string'
            ? v.replace(/\$\$/g, '$')
            : Array.isArray(v)
              ? v.map(unescape)
              : v && typeof v === 'object'
                ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unescape(x)]))
                : v;
        expect(unescape(parse(text, { version: '1.1' }))).toEqual(document);
      }),
      { numRuns: 300 },
    );
  });
});
