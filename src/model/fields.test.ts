import { describe, expect, it } from 'vitest';
import {
  checkAbsolutePath,
  checkContainerName,
  checkDjangoProjectName,
  checkEmail,
  checkLabel,
  checkPort,
  checkPythonName,
  checkRoute,
  checkServerName,
  checkSize,
  hasControlCharacters,
  printableText,
} from './fields';

const accepts = (check: (value: string) => string | null, values: string[]) =>
  expect(values.filter((value) => check(value) !== null)).toEqual([]);
const refuses = (check: (value: string) => string | null, values: string[]) =>
  expect(values.filter((value) => check(value) === null)).toEqual([]);

describe('field checks', () => {
  it('server names: _, localhost, RFC 1123 names with an optional *. prefix, single-space separated', () => {
    accepts(checkServerName, [
      '_',
      'localhost',
      'example.com',
      '*.example.com',
      'a-b.c1 www.example.com',
      'x'.repeat(63),
    ]);
    refuses(checkServerName, [
      '',
      'a  b',
      ' a',
      '-a.com',
      'a-.com',
      'a_b.com',
      'exa mple.com;',
      'loc\u0430lhost',
      'x'.repeat(64),
      'a..b',
      '*.',
      'a.com.',
      '~user',
    ]);
  });

  it('routes: a leading /, URL path characters only, no .. and no % escapes', () => {
    accepts(checkRoute, ['/', '/api/', '/api/v1', '/static/~user', '/a_b-c.d/']);
    refuses(checkRoute, [
      '',
      'api/',
      '/a b',
      '/a;b',
      '/a{',
      '/$host',
      '/../',
      '/a/..',
      '/%2e',
      '/a\u0000',
      '/\uff0fapi',
      `/${'a'.repeat(256)}`,
    ]);
  });

  it('Python names: dotted modules, plain callables, no keywords', () => {
    expect(checkPythonName('shop.api', true)).toBeNull();
    expect(checkPythonName('create_app', false)).toBeNull();
    expect(checkPythonName('shop.api', false)).not.toBeNull();
    for (const bad of ['', '1app', 'app-x', 'app.', '.app', 'class', 'shop.import', 'app:app', 'ап'])
      expect(checkPythonName(bad, true), bad).not.toBeNull();
  });

  it('Django project names: identifiers that shadow no module the project imports', () => {
    accepts(checkDjangoProjectName, ['mysite', 'shop_site', 'Site2', '_internal']);
    refuses(checkDjangoProjectName, ['', 'my-site', 'shop.site', '1site', 'class', 'None']);
    const reasons = (name: string) => checkDjangoProjectName(name) ?? '';
    for (const name of ['django', 'gunicorn', 'asgiref', 'sqlparse'])
      expect(reasons(name), name).toMatch(/package Django or the server needs/);
    for (const name of ['test', 'site', 'os', 'json', 'sqlite3', 'logging', 'email', 'http', 'zoneinfo'])
      expect(reasons(name), name).toMatch(/standard library/);
    for (const name of ['manage', 'items', 'tests', 'conftest'])
      expect(reasons(name), name).toMatch(/generated project already uses/);
    expect(reasons('site')).toContain('imported in its place');
    // Close to a taken name is fine: only the exact top-level module is shadowed.
    accepts(checkDjangoProjectName, ['django_site', 'mysql', 'tests_site', 'Django']);
  });

  it('ports: whole numbers from 1 to 65535', () => {
    for (const good of [1, 80, 65535]) expect(checkPort(good)).toBeNull();
    for (const bad of [0, -1, 65536, 80.5, 1e9, Number.NaN, '80', null])
      expect(checkPort(bad), String(bad)).not.toBeNull();
  });

  it('absolute paths: no dot segments, whitespace, quotes, $ or %', () => {
    accepts(checkAbsolutePath, ['/data/app.db', '/run/uwsgi/uwsgi.sock', '/var/lib/shop+1/db@2=x,y:z']);
    refuses(checkAbsolutePath, [
      'data/app.db',
      '/',
      '/data/',
      '/data/../etc',
      '/data/./x',
      '/a b',
      '/a;b',
      "/a'b",
      '/$HOME/x',
      '/run/%n.sock',
      '/a\nb',
      `/${'a'.repeat(200)}`,
    ]);
  });

  it('container names: Compose service names', () => {
    accepts(checkContainerName, ['web', 'app-2', 'api_1.v2', '0app']);
    refuses(checkContainerName, ['', 'Web', '-web', '.web', '../app', 'a b', 'a/b', 'x'.repeat(64)]);
  });

  it('e-mail: empty (none) or a plain ASCII address, nothing a shell or argument parser would read', () => {
    accepts(checkEmail, ['', 'ops@example.com', 'ops+certs@mail.example.co.uk', 'first.last@example.test']);
    refuses(checkEmail, [
      ' ',
      'ops',
      'ops@localhost',
      'ops@example',
      'ops @example.com',
      'ops@example.com;rm -rf /',
      '"ops"@example.com',
      'ops$HOME@example.com',
      '-m@example.com',
      '.ops@example.com',
      'a..b@example.com',
      'ops@example.com\n',
      'ops@-example.com',
      'öps@example.com',
      `${'a'.repeat(65)}@example.com`,
    ]);
  });

  it('sizes: a number with an optional k, m or g', () => {
    accepts(checkSize, ['10m', '512k', '1G', '0', '999999']);
    refuses(checkSize, ['', '10 m', '10mb', '1.5m', '-1m', '1000000', '10m;']);
  });

  it('labels: any script, no breakout characters, paths or lookalikes', () => {
    accepts(checkLabel, [
      'Browser',
      'Mobile app',
      '가게 (shop) v2',
      'Ελληνικά',
      'Магазин',
      '50% off #1',
      'a & b: c',
    ]);
    refuses(checkLabel, [
      '',
      '  ',
      ' padded',
      'a\tb',
      'a\u202eb',
      'a;b',
      'a<b',
      'a/b',
      '../x',
      '\uff0fx',
      'loc\u0430lhost',
      "Bob's",
      'x'.repeat(65),
    ]);
    expect(checkLabel('x'.repeat(100), 100)).toBeNull();
  });

  it('control characters are detected and shown as U+FFFD', () => {
    expect(hasControlCharacters('a\u2028b')).toBe(true);
    expect(hasControlCharacters('가나')).toBe(false);
    expect(printableText('a\u0000b\u202ec')).toBe('a\ufffdb\ufffdc');
  });
});
