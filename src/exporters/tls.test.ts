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
  it('is not generated yet: the site serves plain HTTP and the README says so', () => {
    const files = generate(withTls({ tls: 'self-signed' }), { target: 'server', lang: 'en' }).files;
    const site = Object.entries(files).find(([path]) => path.startsWith('nginx/'))![1];
    expect(site).not.toMatch(/ssl|443/);
    expect(files['README.md']).toContain('the server target does not set up certificates yet');
  });
});
