import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runImport } from '../cli/import';
import { parseDesign } from '../model/load';
import { validate } from '../validation/validate';

const FIXTURES = join(__dirname, '../../scripts/fixtures/import');
const out = mkdtempSync(join(tmpdir(), 'import-fixtures-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Run the CLI's import on a fixture folder with --json; returns the exit code and the parsed output. */
async function importFixture(name: string) {
  let stdout = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const code = await runImport([join(FIXTURES, name), '--json']).finally(() => write.mockRestore());
  const parsed = JSON.parse(stdout) as {
    design: unknown;
    report: { file: string; line: number; message: string }[];
  };
  const rules = parsed.design ? validate(assertLoads(parsed.design)).map((d) => d.rule) : [];
  return { code, ...parsed, rules };
}

function assertLoads(design: unknown) {
  const loaded = parseDesign(JSON.stringify(design));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return loaded.design;
}

describe('real-world fixtures import through the CLI and the rules name their problems', () => {
  it('flask run behind nginx with the app port published: dev server and exposed app server', async () => {
    const result = await importFixture('flask-dev-compose');
    expect(result.code).toBe(0);
    expect(result.rules.sort()).toEqual(['app-server-exposed', 'flask-dev-server']);
  });

  it('Gunicorn in Compose behind an envsubst nginx template: no errors, variables filled', async () => {
    const result = await importFixture('gunicorn-envsubst');
    expect(result.code).toBe(0);
    // shop.example.com over plain HTTP: the one warning.
    expect(result.rules).toEqual(['plain-http']);
    const design = assertLoads(result.design);
    const proxy = design.nodes.find((node) => node.id === 'proxy-nginx');
    expect(proxy?.props).toMatchObject({
      serverName: 'shop.example.com',
      clientMaxBodySize: '20m',
      gzip: true,
    });
    expect(design.nodes.map((node) => node.kind).sort()).toEqual([
      'client',
      'flask',
      'gunicorn',
      'nginx',
      'sqlite',
    ]);
  });

  it("seed 003's toy.server + nginx-wsgi.ini on one server: the socket setup is correct", async () => {
    const result = await importFixture('seed-003-uwsgi-socket');
    expect(result.code).toBe(0);
    expect(result.rules).toEqual([]);
    const design = assertLoads(result.design);
    const edge = design.edges.find((e) => e.props.pass !== undefined);
    expect(edge?.props).toEqual({ route: '/', pass: 'uwsgi_pass' });
    expect(
      result.report.some((entry) => entry.file === 'nginx-wsgi.ini' && entry.message.includes('daemonize')),
    ).toBe(true);
  });

  it('the same with http-socket behind uwsgi_pass: nginx would answer 502', async () => {
    const result = await importFixture('seed-003-http-socket');
    expect(result.code).toBe(0);
    expect(result.rules).toContain('uwsgi-pass-needs-socket');
  });

  it('MySQL, Redis and proxy_cache are all in the report with file and line', async () => {
    const result = await importFixture('mysql-redis-cache');
    expect(result.code).toBe(0);
    const say = (needle: string) => result.report.find((entry) => entry.message.includes(needle));
    expect(say('mysql:8.0')).toMatchObject({ file: 'docker-compose.yml', line: 16 });
    expect(say('redis:7-alpine')).toMatchObject({ file: 'docker-compose.yml', line: 22 });
    expect(say('"proxy_cache" in')).toMatchObject({ file: 'nginx/nginx.conf', line: 13 });
    expect(say('proxy_cache_path')).toMatchObject({ file: 'nginx/nginx.conf', line: 6 });
    // deploy.replicas is modelled: the app's container keeps its two copies.
    expect((result.design as { containers: Record<string, { replicas?: number }> }).containers.app).toEqual({
      replicas: 2,
    });
  });

  it('a Gunicorn command in sh -c with a shell default, an upstream, merge keys and a celery worker', async () => {
    const result = await importFixture('gunicorn-shell-command');
    expect(result.code).toBe(0);
    const design = assertLoads(result.design);
    const route = design.edges.find((edge) => edge.source === 'nginx-nginx');
    expect(route).toMatchObject({ target: 'web-gunicorn', props: { route: '/' } });
    expect(design.nodes.find((node) => node.id === 'web-flask')?.props).toMatchObject({
      module: 'app.main',
      callable: 'app',
    });
    const say = (needle: string) => result.report.find((entry) => entry.message.includes(needle));
    expect(say('celery')).toMatchObject({ file: 'docker-compose.yml', line: 25 });
    expect(say('unix:/tmp/gunicorn.sock')).toMatchObject({ file: 'nginx/nginx.conf', line: 20 });
    expect(say('regex location')).toMatchObject({ line: 14 });
  });

  it('a bare server with a systemd unit running Gunicorn on a unix socket behind nginx: no errors', async () => {
    const result = await importFixture('systemd-gunicorn-socket');
    expect(result.code).toBe(0);
    // A public domain over plain HTTP: the one warning.
    expect(result.rules).toEqual(['plain-http']);
    const design = assertLoads(result.design);
    expect(design.nodes.find((node) => node.kind === 'gunicorn')?.props).toMatchObject({
      transport: 'unix',
      socketPath: '/run/myproject.sock',
      workers: 3,
    });
    expect(design.nodes.find((node) => node.kind === 'flask')?.props).toMatchObject({
      module: 'myproject',
      callable: 'app',
    });
  });

  it('Django runserver becomes the Django kind on its dev server, never taken for Flask', async () => {
    const result = await importFixture('django-runserver');
    expect(result.code).toBe(0);
    const design = assertLoads(result.design);
    const django = design.nodes.find((node) => node.kind === 'django');
    expect(django?.props).toMatchObject({ project: 'mysite', port: 8000 });
    expect(design.nodes.some((node) => node.kind === 'flask')).toBe(false);
    // A browser straight at the development server: the rules name both problems.
    expect(result.rules.sort()).toEqual(['app-server-exposed', 'django-dev-server']);
  });

  it("a site certbot --nginx manages: one nginx node on Let's Encrypt, its e-mail reported as unknown", async () => {
    const result = await importFixture('certbot-nginx-site');
    expect(result.code).toBe(0);
    const design = assertLoads(result.design);
    const proxies = design.nodes.filter((node) => node.kind === 'nginx');
    expect(proxies).toHaveLength(1);
    expect(proxies[0]!.props).toMatchObject({
      listen: 80,
      serverName: 'shop.example.com www.shop.example.com',
      tls: 'letsencrypt',
      httpsPort: 443,
      redirectHttp: true,
      hsts: false,
      email: '',
    });
    // No e-mail for certbot's account: the rules ask for one.
    expect(result.rules).toContain('tls-needs-email');
    const at = (line: number) =>
      result.report.filter((entry) => entry.file === 'shop.nginx' && entry.line === line);
    expect(at(15)[0]?.message).toMatch(/Let's Encrypt's, but no certbot command .* names its e-mail/);
    expect(at(10)[0]?.message).toBe(
      'nginx: "ssl_stapling on" is not among the design\'s TLS settings (left out)',
    );
    expect(at(17)[0]?.message).toMatch(/options-ssl-nginx\.conf" \(certbot's TLS settings\)/);
    expect(at(18)[0]?.message).toMatch(/"ssl_dhparam .*" is not among the design's TLS settings/);
    // certbot's two `if ($host = …)` redirects are the redirect; its `return 404` is not modelled.
    expect(result.report.some((entry) => entry.message.includes('"if"'))).toBe(false);
    expect(at(36)[0]?.message).toBe('nginx: "return" in server is not modelled (left out)');
  });

  it('a hand-written ssl server with a redirect server, in Compose with certificates from the host', async () => {
    const result = await importFixture('ssl-redirect-compose');
    expect(result.code).toBe(0);
    expect(result.rules).toEqual([]);
    const design = assertLoads(result.design);
    expect(design.nodes.find((node) => node.id === 'proxy-nginx')?.props).toMatchObject({
      listen: 80,
      serverName: 'api.example.com',
      tls: 'files',
      certFile: '/etc/nginx/certs/api.crt',
      keyFile: '/etc/nginx/certs/api.key',
      httpsPort: 443,
      redirectHttp: true,
      hsts: true,
      clientMaxBodySize: '20m',
      gzip: true,
    });
    expect(design.nodes.filter((node) => node.kind === 'nginx')).toHaveLength(1);
    const say = (needle: string) => result.report.find((entry) => entry.message.includes(needle));
    expect(say('return 308')).toMatchObject({ file: 'nginx/default.conf', line: 6 });
    expect(say('Strict-Transport-Security')).toMatchObject({ file: 'nginx/default.conf', line: 19 });
    // http2 on, ssl_protocols and ssl_session_timeout are what the design writes itself.
    expect(result.report.filter((entry) => /ssl_|http2/.test(entry.message))).toEqual([]);
  });

  it('client certificates, stapling and old protocols: reported with file and line', async () => {
    const result = await importFixture('ssl-client-certs');
    expect(result.code).toBe(0);
    const design = assertLoads(result.design);
    expect(design.nodes.find((node) => node.kind === 'nginx')?.props).toMatchObject({
      tls: 'files',
      httpsPort: 8443,
      certFile: '/etc/ssl/certs/internal.pem',
      keyFile: '/etc/ssl/private/internal.key',
    });
    const lines = result.report
      .filter((entry) => entry.file === 'internal.conf')
      .map((entry) => [entry.line, entry.message]);
    expect(lines).toEqual([
      [
        3,
        'nginx: the HTTPS server "internal.example.com" (port 8443) has no plain HTTP server; the design always has one: listen is left at 80, redirecting to HTTPS',
      ],
      [
        8,
        'nginx: "ssl_protocols TLSv1 TLSv1.1 TLSv1.2" differs from the design\'s "ssl_protocols TLSv1.2 TLSv1.3" (left out)',
      ],
      [
        9,
        'nginx: "ssl_client_certificate /etc/ssl/certs/clients-ca.pem" is not among the design\'s TLS settings (left out)',
      ],
      [10, 'nginx: "ssl_verify_client on" is not among the design\'s TLS settings (left out)'],
      // The design staples the user's own certificate itself, with Docker's resolver.
      [
        13,
        'nginx: "resolver 1.1.1.1" differs from the design\'s "resolver 127.0.0.11 valid=300s" (left out)',
      ],
    ]);
  });

  it('--out writes the design and refuses to overwrite without --force', async () => {
    const target = join(out, 'design.json');
    const quiet = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await runImport([join(FIXTURES, 'gunicorn-envsubst'), '--out', target])).toBe(0);
      expect(parseDesign(readFileSync(target, 'utf8')).ok).toBe(true);
      expect(await runImport([join(FIXTURES, 'gunicorn-envsubst'), '--out', target])).toBe(2);
      expect(await runImport([join(FIXTURES, 'gunicorn-envsubst'), '--out', target, '--force'])).toBe(0);
      expect(await runImport([join(out, 'missing.yml')])).toBe(2);
    } finally {
      quiet.mockRestore();
    }
  });
});
