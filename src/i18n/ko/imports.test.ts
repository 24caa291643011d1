import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importConfigs } from '../../importers/resolve';
import type { SourceFile } from '../../importers/types';
import { importNoteInKorean } from './imports';

const HANGUL = /[\uac00-\ud7a3]/;
const FIXTURES = join(__dirname, '../../../scripts/fixtures/import');

function filesUnder(dir: string, root = dir): SourceFile[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory()
      ? filesUnder(path, root)
      : [{ path: relative(root, path), text: readFileSync(path, 'utf8') }];
  });
}

/** Entries the fixtures do not produce: refusals and rarer shapes, as the readers write them. */
const MORE = [
  'error: the YAML nests deeper than 64 levels',
  '.env: not a KEY=VALUE line (left out)',
  'error: malformed YAML: Unexpected scalar',
  'error: more than 100 YAML aliases (refused: an alias bomb expands without bound)',
  'error: a Compose file has a "services" map',
  'compose: ${PORT} is not set (no .env value); read as empty',
  'compose: "healthcheck" of service "web" is not modelled (left out)',
  'compose: port "abc" of "web" is not understood (left out)',
  'compose: deploy.resources of "app" is not modelled (left out)',
  'compose: top-level "networks" is not modelled (left out)',
  'Dockerfile: ONBUILD is not understood (left out)',
  'Dockerfile: 3 build step(s) (RUN, USER, HEALTHCHECK …) are not part of the design',
  'error: unterminated double quote',
  'error: "listen" has no ending ";" or "{"',
  'error: "listen" has no ending ";" before the "}" on line 4',
  'nginx: include "mime.types" (stock nginx file) is not modelled',
  'nginx: "proxy_cache" in location / is not modelled (left out)',
  'nginx: "worker_processes" is not modelled (left out)',
  'nginx: listen options "default_server" are not modelled',
  'nginx: another listen (ssl) of this server is not modelled (left out)',
  'nginx: "try_files $uri /index.html" first serves matching files from the default root; only the fallback to /index.html is modelled',
  'nginx: location = /health (an exact-match location, modelled as a prefix)',
  'nginx: upstream app has no servers',
  'nginx: the HTTPS server "shop.example.com" (port 443) has no plain HTTP server; the design always has one: listen is left at 80, redirecting to HTTPS',
  'nginx: the HTTPS server "_" names no ssl_certificate_key: keyFile is left at its default',
  'nginx: "return 308 https://shop.example.com$request_uri" is modelled as redirectHttp (the design answers 301 https://$host$request_uri)',
  'nginx: Strict-Transport-Security "max-age=31536000; includeSubDomains" is modelled as hsts on (the design sends "max-age=63072000")',
  'nginx: include "/etc/letsencrypt/options-ssl-nginx.conf" (certbot\'s TLS settings) is replaced by the design\'s own TLS settings',
  'nginx: "ssl_protocols TLSv1 TLSv1.1 TLSv1.2" differs from the design\'s "ssl_protocols TLSv1.2 TLSv1.3" (left out)',
  'nginx: "ssl_verify_client on" is not among the design\'s TLS settings (left out)',
  'nginx: the certificate "/etc/letsencrypt/live/shop.example.com/fullchain.pem" is Let\'s Encrypt\'s, but no certbot command among the given files names its e-mail (left empty)',
  'gunicorn: "import os" is not a simple setting (not run, left out)',
  'gunicorn: workers = cpu() * 2 is not a literal (not run, left out)',
  'gunicorn: setting "preload_app" is not modelled (left out)',
  'systemd: Environment is not modelled (left out)',
  'uwsgi: section [dev] is not read (only [uwsgi])',
  'uwsgi: option "vacuum" is not modelled (left out)',
  'uwsgi: %(base) in "chdir" cannot be resolved (left as written)',
  'error: the file is 3.2 MB; imported files are limited to 2 MB',
  'error: not a readable zip (End of data reached)',
  'more than 500 files: the rest is not read',
  'nothing in the given files could be imported',
  'error: the imported design does not load: nodes[0].props.workers: expected "auto" or a whole number, found the string "x"',
  'error: no such file',
  'error: cannot be read (EACCES)',
  'error: the archive is too large to read',
];

describe('the import report in Korean', () => {
  const fromFixtures = readdirSync(FIXTURES).flatMap((name) =>
    importConfigs(filesUnder(join(FIXTURES, name)), name).report.map((entry) => entry.message),
  );

  it('finds entries in the fixtures to check', () => {
    expect(fromFixtures.length).toBeGreaterThan(5);
  });

  it.each([...new Set([...fromFixtures, ...MORE])].map((message) => [message]))('%s', (message) => {
    const korean = importNoteInKorean(message);
    expect(korean).toMatch(HANGUL);
    expect(korean).not.toBe(message);
    if (message.startsWith('error: ')) expect(korean.startsWith('오류: ')).toBe(true);
  });
});
