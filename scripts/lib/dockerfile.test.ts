import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../../src/model/templates';
import { COMPOSE_EN, generate } from '../../src/exporters/generate';
import { plan } from '../../src/exporters/plan';
import { readImageFacts, words } from './dockerfile';
import { shellQuote } from './proc';
import { containerCommand, hostsFile } from './stack';

describe('readImageFacts', () => {
  it('reads the final stage only: env, user ids, USER and chowned folders', () => {
    const facts = readImageFacts(
      [
        'FROM python:3.12-slim AS build',
        'ENV BUILD_ONLY=1',
        'RUN useradd --uid 5 builder',
        '',
        'FROM python:3.12-slim',
        'ENV PYTHONDONTWRITEBYTECODE="1" \\',
        '    PYTHONUNBUFFERED="1"',
        '# a comment between instructions',
        'RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home app',
        'RUN mkdir -p /data /run/uwsgi && chown app:app /data /run/uwsgi',
        'USER app',
      ].join('\n'),
    );
    expect(facts.env).toEqual({ PYTHONDONTWRITEBYTECODE: '1', PYTHONUNBUFFERED: '1' });
    expect(facts.users).toEqual({ app: { uid: 10001, gid: 10001, system: true } });
    expect(facts.user).toBe('app');
    expect(facts.chowned).toEqual({ '/data': 'app:app', '/run/uwsgi': 'app:app' });
  });

  it('gives no user and no ownership when the image creates none', () => {
    const facts = readImageFacts('FROM nginx:1.27-alpine\nCOPY nginx.conf /etc/nginx/nginx.conf\n');
    expect(facts).toEqual({ env: {}, user: null, users: {}, groups: {}, chowned: {} });
  });

  it('reads the generated Dockerfiles of every template', () => {
    for (const id of ['gunicorn-flask-sqlite', 'uwsgi-unix-socket'] as const) {
      const design = loadTemplate(id);
      const deployment = plan(design);
      const files = generate(design, COMPOSE_EN).files;
      const app = deployment.services.find((service) => service.image === 'python')!;
      const facts = readImageFacts(files[`${app.buildDir}/Dockerfile`]!);
      expect(facts.user).toBe(app.user);
      expect(facts.users[app.user]?.uid).toBeGreaterThan(0);
      for (const mount of app.mounts) expect(facts.chowned[mount.target]).toMatch(new RegExp(`^${app.user}`));
    }
  });
});

describe('helpers', () => {
  it('splits quoted words', () => {
    expect(words(`chown "a b":c '/x y' /z`)).toEqual(['chown', 'a b:c', '/x y', '/z']);
  });

  it('quotes shell words so they survive sh -c', () => {
    expect(shellQuote('daemon off;')).toBe(`'daemon off;'`);
    expect(shellQuote(`it's`)).toBe(`'it'\\''s'`);
    expect(shellQuote('/app/wsgi.py')).toBe('/app/wsgi.py');
  });

  it('adds the python3 plugin on the uWSGI command line only', () => {
    const service = plan(loadTemplate('uwsgi-unix-socket')).services.find((s) => s.image === 'python')!;
    expect(containerCommand(service)).toEqual(['uwsgi', '--plugin', 'python3', ...service.command.slice(1)]);
    const gunicorn = plan(loadTemplate('gunicorn-flask-sqlite')).services.find((s) => s.image === 'python')!;
    expect(containerCommand(gunicorn)).toEqual(gunicorn.command);
  });

  it('adds the plugin after a project start-up too (a Django project under uWSGI)', () => {
    const design = loadTemplate('django-gunicorn-nginx');
    const server = design.nodes.find((node) => node.kind === 'gunicorn')!;
    const withUwsgi = {
      ...design,
      nodes: design.nodes.map((node) =>
        node === server
          ? {
              ...node,
              kind: 'uwsgi' as const,
              props: {
                protocol: 'http' as const,
                transport: 'tcp' as const,
                port: 8000,
                processes: 2,
                threads: 1,
                socketPath: '/run/uwsgi/uwsgi.sock',
                maxRequests: 1000,
                harakiri: 60,
                stats: false,
              },
            }
          : node,
      ),
    };
    const service = plan(withUwsgi).services.find((s) => s.image === 'python')!;
    expect(service.command.slice(0, 2)).toEqual(['sh', '-c']);
    expect(containerCommand(service)).toEqual([
      ...service.command.slice(0, 4),
      'uwsgi',
      '--plugin',
      'python3',
      '--ini',
      'uwsgi.ini',
    ]);
  });

  it('maps compose service names in the hosts file', () => {
    const text = hostsFile(
      new Map([
        ['app', '10.89.0.2'],
        ['web', '10.89.0.3'],
      ]),
    );
    expect(text).toContain('10.89.0.2\tapp\n');
    expect(text).toContain('10.89.0.3\tweb\n');
    expect(text.startsWith('127.0.0.1\tlocalhost\n')).toBe(true);
  });
});
