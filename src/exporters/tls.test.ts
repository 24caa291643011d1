import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { setNodeProps } from '../model/edit';
import { loadTemplate } from '../model/templates';
import type { Design } from '../model/design';
import type { PropValue } from '../nodes/types';
import { HOSTILE_STRINGS } from '../validation/hostileInputs';
import { hasErrors, validate } from '../validation/validate';
import { COMPOSE_EN, generate } from './generate';
import { plan } from './plan';

const withTls = (props: Record<string, PropValue>, template = 'gunicorn-flask-sqlite' as const): Design =>
  setNodeProps(loadTemplate(template), 'proxy', props);

interface ComposeFile {
  services: Record<string, { ports?: string[]; volumes?: string[]; entrypoint?: string[] }>;
  volumes?: Record<string, unknown>;
}

describe('HTTPS in the compose bundle', () => {
  it('leaves a design without TLS as it was: one server block, no TLS files or volumes', () => {
    const files = generate(loadTemplate('gunicorn-flask-sqlite'), COMPOSE_EN).files;
    expect(files['web/nginx.conf']).not.toMatch(/ssl|Strict-Transport/);
    expect(Object.keys(files).some((path) => /tls|certbot/.test(path))).toBe(false);
  });

  it('self-signed: an HTTPS server with TLS 1.2/1.3, a 301 server, HSTS, and the certificate made at start', () => {
    const files = generate(withTls({ tls: 'self-signed' }), COMPOSE_EN).files;
    const conf = files['web/nginx.conf']!;
    expect(conf).toContain('listen 443 ssl http2;');
    expect(conf).toContain('ssl_protocols TLSv1.2 TLSv1.3;');
    expect(conf).toContain('ssl_session_tickets off;');
    expect(conf).toContain('return 301 https://$host$request_uri;');
    expect(conf).toContain('add_header Strict-Transport-Security max-age=63072000 always;');
    expect(conf).not.toContain('ssl_stapling');
    expect(conf).not.toContain('acme-challenge');
    // The security headers on both servers.
    expect(conf.match(/add_header X-Frame-Options DENY always;/g)).toHaveLength(2);
    expect(files['web/tls-init.sh']).toContain('make_certificate site-1 825 localhost');
    expect(files['web/Dockerfile']).toContain('COPY tls-init.sh /usr/local/bin/tls-init.sh');
    expect(files['web/Dockerfile']).toMatch(/^EXPOSE 443$/m);
    const compose = parseYaml(files['docker-compose.yml']!) as ComposeFile;
    expect(compose.services.web!.ports).toEqual(['80:80', '443:443']);
    expect(compose.services.web!.volumes).toEqual(['web-tls:/etc/nginx/tls']);
    expect(files['README.md']).toContain('### Self-signed certificate (local use)');
  });

  it('never puts a private key or certificate in the bundle', () => {
    for (const tls of ['self-signed', 'letsencrypt', 'files'])
      for (const [path, text] of Object.entries(
        generate(withTls({ tls, serverName: 'shop.example.com', email: 'ops@example.com' }), COMPOSE_EN)
          .files,
      ))
        expect(text, path).not.toMatch(/-----BEGIN/);
  });

  it('letsencrypt: the challenge served over http, a certbot service sharing the webroot and TLS volumes', () => {
    const files = generate(loadTemplate('https-letsencrypt'), COMPOSE_EN).files;
    const conf = files['web/nginx.conf']!;
    expect(conf).toContain('location ^~ /.well-known/acme-challenge/ {');
    expect(conf).toContain('root /var/www/acme;');
    const compose = parseYaml(files['docker-compose.yml']!) as ComposeFile;
    expect(compose.services['web-certbot']).toMatchObject({
      entrypoint: ['/bin/sh', '/usr/local/bin/certbot-run.sh'],
      volumes: ['web-letsencrypt:/etc/letsencrypt', 'web-acme:/var/www/acme', 'web-tls:/etc/nginx/tls'],
    });
    expect(compose.services.web!.volumes).toEqual(['web-tls:/etc/nginx/tls', 'web-acme:/var/www/acme']);
    const script = files['web-certbot/certbot-run.sh']!;
    expect(script).toContain('  obtain site-1 ops@example.com shop.example.com');
    expect(script).toContain('sleep 12h');
    expect(script).toContain('--deploy-hook');
    expect(files['web/tls-init.sh']).toContain('watch_renewals &');
    expect(files['.env.example']).toContain('acme-staging-v02');
    expect(files['README.md']).toContain('### Let’s Encrypt');
  });

  it('files: the user’s certificate and key mounted read-only at their paths, OCSP stapling on', () => {
    const design = withTls({
      tls: 'files',
      httpsPort: 8443,
      redirectHttp: false,
      certFile: '/srv/tls/cert.pem',
      keyFile: '/srv/tls/key.pem',
    });
    const files = generate(design, COMPOSE_EN).files;
    const conf = files['web/nginx.conf']!;
    expect(conf).toContain('listen 8443 ssl http2;');
    expect(conf).toContain('ssl_certificate /srv/tls/cert.pem;');
    expect(conf).toContain('ssl_stapling on;');
    expect(conf).not.toContain('return 301');
    expect(files['web/tls-init.sh']).toBeUndefined();
    const compose = parseYaml(files['docker-compose.yml']!) as ComposeFile;
    expect(compose.services.web!.ports).toEqual(['80:80', '8443:8443']);
    expect(compose.services.web!.volumes).toEqual([
      '/srv/tls/cert.pem:/srv/tls/cert.pem:ro',
      '/srv/tls/key.pem:/srv/tls/key.pem:ro',
    ]);
    expect(plan(design).entryTls).toMatchObject({ mode: 'files', port: 8443 });
  });

  it('refuses hostile e-mail, certificate and key values even when forced', () => {
    for (const { value, acceptedIn } of HOSTILE_STRINGS) {
      const cases: [string, Record<string, PropValue>][] = [
        ['nginx.email', { tls: 'letsencrypt', serverName: 'shop.example.com', email: value }],
        ['nginx.certFile', { tls: 'files', certFile: value }],
        ['nginx.keyFile', { tls: 'files', keyFile: value }],
      ];
      for (const [field, props] of cases) {
        if ((acceptedIn as readonly string[] | undefined)?.includes(field)) continue;
        const design = withTls(props);
        expect(hasErrors(validate(design)), `${field} = ${JSON.stringify(value)}`).toBe(true);
        expect(() => generate(design, COMPOSE_EN).files, `${field} = ${JSON.stringify(value)}`).toThrow();
      }
    }
  });
});

describe('HTTPS on the server target', () => {
  const server = (design: Design, lang: 'en' | 'ko' = 'en') =>
    generate(design, { target: 'server', lang }).files;
  const siteOf = (files: Record<string, string>) =>
    Object.entries(files).find(([path]) => path.startsWith('nginx/'))![1];

  it('self-signed: install.sh makes the certificate under /etc/<site>/tls before nginx -t, never in the bundle', () => {
    const files = server(withTls({ tls: 'self-signed' }));
    const site = siteOf(files);
    expect(site).toContain('listen 443 ssl http2;');
    expect(site).toContain('ssl_certificate /etc/flask-gunicorn-sqlite/tls/site-1/fullchain.pem;');
    expect(site).toContain('ssl_certificate_key /etc/flask-gunicorn-sqlite/tls/site-1/privkey.pem;');
    expect(site).toContain('return 301 https://$host$request_uri;');
    const install = files['install.sh']!;
    expect(install).toContain('make_certificate /etc/flask-gunicorn-sqlite/tls/site-1 825 localhost');
    expect(install.indexOf('make_certificate /etc')).toBeLessThan(install.indexOf('\nnginx -t\n'));
    expect(install).toMatch(/PACKAGES=\(nginx python3 python3-venv openssl\)/);
    expect(install).not.toContain('certbot');
    expect(Object.keys(files).some((path) => /\.(pem|key|crt)$/.test(path))).toBe(false);
    expect(files['README.md']).toContain('**self-signed certificate**');
    expect(server(withTls({ tls: 'self-signed' }), 'ko')['README.md']).toContain('**자체 서명 인증서**');
  });

  it("files: nginx reads the user's own certificate, and install.sh stops clearly when it is missing", () => {
    const files = server(
      withTls({
        tls: 'files',
        serverName: 'shop.example.test',
        certFile: '/srv/tls/c.pem',
        keyFile: '/srv/tls/k.pem',
      }),
    );
    expect(siteOf(files)).toContain('ssl_certificate /srv/tls/c.pem;');
    expect(files['install.sh']).toContain('if [ ! -s /srv/tls/k.pem ]; then');
    expect(files['install.sh']).not.toContain('make_certificate');
  });

  it("letsencrypt: a stand-in, the challenge from the site's webroot, Debian's certbot with a deploy hook and its timer", () => {
    const files = server(loadTemplate('https-letsencrypt'));
    const site = siteOf(files);
    expect(site).toContain('root /var/www/https-letsencrypt-acme;');
    const install = files['install.sh']!;
    expect(install).toContain('make_certificate /etc/https-letsencrypt/tls/site-1 30 shop.example.com');
    expect(install).toContain('--cert-name https-letsencrypt-site-1');
    expect(install).toContain(
      '--deploy-hook /etc/https-letsencrypt/certbot-deploy-hook.sh -d shop.example.com',
    );
    // certbot runs once nginx serves the challenge, and renewal is Debian's certbot.timer.
    expect(install.indexOf('certbot certonly')).toBeGreaterThan(
      install.indexOf('systemctl reload-or-restart nginx'),
    );
    expect(install).toContain('systemctl enable --now certbot.timer');
    expect(files['tls/certbot-deploy-hook.sh']).toContain('systemctl reload nginx');
    expect(files['uninstall.sh']).toContain(
      'certbot delete --non-interactive --cert-name https-letsencrypt-site-1',
    );
    expect(files['README.md']).toContain('certbot.timer');
    expect(server(loadTemplate('https-letsencrypt'), 'ko')['README.md']).toContain('갱신');
  });
});
