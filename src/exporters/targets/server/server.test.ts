import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../../../model/templates';
import { HOSTILE_STRINGS } from '../../../validation/hostileInputs';
import { generate } from '../../generate';
import { setNodeProps } from '../../../model/edit';
import { setReplicas } from '../../../model/containers';
import { isSafeBundlePath } from '../../folder';
import { distinctHostNames, hostNames, hostSafeName } from './names';
import { VARIETY, load } from '../../testing/designs';

const SERVER = { target: 'server', lang: 'en' } as const;
const filesOf = (id: Parameters<typeof loadTemplate>[0], replicas?: number) => {
  const design = loadTemplate(id);
  if (replicas) design.containers = { ...design.containers, app: { replicas } };
  return generate(design, SERVER).files;
};

describe('host names from the design name', () => {
  it('are safe users, units and path segments for every hostile string', () => {
    for (const { value } of HOSTILE_STRINGS) {
      const name = hostSafeName(value);
      expect(name).toMatch(/^[a-z][a-z0-9-]{0,31}$/);
      expect(name).not.toMatch(/-$/);
      const names = hostNames(value);
      const dir = distinctHostNames([value]).get(value)!;
      expect(names.service(dir).unit).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(names.service(dir).codeDir.split('/')).not.toContain('..');
    }
  });

  it('gives names that clash once made safe or cut a suffix of their own, in order', () => {
    const long = 'a'.repeat(30);
    const names = distinctHostNames(['Backend', 'backend', 'backend-2', `${long}x`, `${long}y`]);
    expect([...names.values()]).toEqual([
      'backend',
      'backend-2',
      'backend-2-2',
      'a'.repeat(24),
      `${'a'.repeat(22)}-2`,
    ]);
    expect(new Set(names.values()).size).toBe(names.size);
  });

  it('keeps a plain name and falls back when nothing is left', () => {
    expect(hostSafeName('Shop API 2')).toBe('shop-api-2');
    expect(hostSafeName('상점')).toBe('stacksketch');
    expect(hostSafeName('9lives')).toBe('lives');
    expect(hostSafeName('a'.repeat(80))).toHaveLength(32);
  });

  it('keeps every file of a hostile-named design inside the bundle', () => {
    for (const { value } of HOSTILE_STRINGS.slice(0, 20)) {
      const design = loadTemplate('uwsgi-unix-socket');
      design.name = value;
      let files: Record<string, string>;
      try {
        files = generate(design, SERVER).files;
      } catch {
        continue; // refused: nothing written
      }
      for (const path of Object.keys(files)) expect(isSafeBundlePath(path)).toBe(true);
    }
  });
});

describe('the server bundle', () => {
  it('puts every proxy container in the one nginx site of the host', () => {
    const base = loadTemplate('gunicorn-flask-sqlite');
    const copy = (id: string, changes: { id: string; container: string; props: object }) => {
      const node = base.nodes.find((n) => n.id === id)!;
      return { ...node, ...changes, props: { ...node.props, ...changes.props } };
    };
    const design = {
      ...base,
      containers: { ...base.containers, web2: { replicas: 1 }, app2: { replicas: 1 } },
      nodes: [
        ...base.nodes,
        copy('proxy', { id: 'proxy2', container: 'web2', props: { listen: 8080 } }),
        copy('wsgi', { id: 'wsgi2', container: 'app2', props: { port: 8001 } }),
        copy('api', { id: 'api2', container: 'app2', props: { port: 5001 } }),
      ],
      edges: [
        ...base.edges,
        { id: 'e5', source: 'browser', target: 'proxy2', props: {} },
        { id: 'e6', source: 'proxy2', target: 'wsgi2', props: { route: '/' } },
        { id: 'e7', source: 'wsgi2', target: 'api2', props: {} },
      ],
    } as typeof base;
    const files = generate(design, SERVER).files;
    const sites = Object.keys(files).filter((path) => path.startsWith('nginx/'));
    expect(sites).toEqual(['nginx/flask-gunicorn-sqlite.conf']);
    const site = files[sites[0]!]!;
    expect(site).toMatch(/listen 80;/);
    expect(site).toMatch(/listen 8080;/);
    expect(site).toContain('proxy_pass http://flask-gunicorn-sqlite-app_8000;');
    expect(site).toContain('proxy_pass http://flask-gunicorn-sqlite-app2_8001;');
  });

  it('holds the site, the units, the scripts and the code', () => {
    expect(Object.keys(filesOf('uwsgi-unix-socket'))).toEqual([
      'README.md',
      'app/app.py',
      'app/conftest.py',
      'app/pyproject.toml',
      'app/requirements-dev.txt',
      'app/requirements.txt',
      'app/setup.cfg',
      'app/tests/__init__.py',
      'app/tests/test_api.py',
      'app/uwsgi.ini',
      'app/wsgi.py',
      'design.json',
      'install.sh',
      'nginx/flask-uwsgi-socket.conf',
      'systemd/flask-uwsgi-socket-app.service',
      'uninstall.sh',
    ]);
  });

  it('uses the seed’s uwsgi_params + uwsgi_pass unix: form with a socket under /run', () => {
    const files = filesOf('uwsgi-unix-socket');
    const site = files['nginx/flask-uwsgi-socket.conf']!;
    expect(site).toContain('include /etc/nginx/uwsgi_params;');
    expect(site).toContain('server unix:/run/flask-uwsgi-socket-app/uwsgi.sock max_fails=0;');
    expect(site).not.toMatch(/^http|^events/m);
    expect(files['app/uwsgi.ini']).toContain('socket = /run/flask-uwsgi-socket-app/uwsgi.sock');
    expect(files['app/uwsgi.ini']).toContain('chdir = /srv/flask-uwsgi-socket/app');
    const unit = files['systemd/flask-uwsgi-socket-app.service']!;
    expect(unit).toContain('Type=notify');
    expect(unit).toContain('RuntimeDirectory=flask-uwsgi-socket-app');
    expect(unit).toContain('RestrictAddressFamilies=AF_UNIX\n');
    expect(files['app/app.py']).toContain('/var/lib/flask-uwsgi-socket/app/app.db');
  });

  it('binds Gunicorn to 127.0.0.1 through a .socket unit and runs it Type=notify', () => {
    const files = filesOf('gunicorn-flask-sqlite');
    expect(files['systemd/flask-gunicorn-sqlite-app.socket']).toContain('ListenStream=127.0.0.1:8000');
    expect(files['app/gunicorn.conf.py']).toContain('bind = "127.0.0.1:8000"');
    const unit = files['systemd/flask-gunicorn-sqlite-app.service']!;
    expect(unit).toContain('Type=notify');
    expect(unit).toContain('Requires=flask-gunicorn-sqlite-app.socket');
    for (const setting of [
      'ProtectSystem=strict',
      'PrivateTmp=yes',
      'NoNewPrivileges=yes',
      'CapabilityBoundingSet=\n',
    ])
      expect(unit).toContain(setting);
    expect(files['nginx/flask-gunicorn-sqlite.conf']).toContain('server 127.0.0.1:8000 max_fails=0;');
  });

  it('runs a container with replicas as a template unit, each copy on its own port behind nginx', () => {
    const files = filesOf('gunicorn-flask-sqlite', 3);
    const unit = files['systemd/flask-gunicorn-sqlite-app@.service']!;
    expect(unit).toMatch(/^ExecStart=\S+\/gunicorn --config copies\/%i\/gunicorn\.conf\.py wsgi:app$/m);
    expect(unit).toContain('Environment="INSTANCE=app-%i"');
    expect(unit).not.toContain('INSTANCE=app-1');
    expect(unit).toContain('RuntimeDirectory=flask-gunicorn-sqlite-app-%i');
    for (const [copy, port] of [
      [1, 8000],
      [2, 8001],
      [3, 8002],
    ] as const)
      expect(files[`app/copies/${copy}/gunicorn.conf.py`]).toContain(`bind = "127.0.0.1:${port}"`);
    expect(files['app/gunicorn.conf.py']).toBeUndefined();
    const site = files['nginx/flask-gunicorn-sqlite.conf']!;
    for (const port of [8000, 8001, 8002])
      expect(site).toContain(`server 127.0.0.1:${port} max_fails=3 fail_timeout=10s;`);
    expect(files['systemd/flask-gunicorn-sqlite-app.socket']).toBeUndefined();
    expect(files['install.sh']).toContain('systemctl enable flask-gunicorn-sqlite-app@3.service');
    expect(files['install.sh']).toContain('copies/3/gunicorn.conf.py');
  });

  it('balances a replicated uWSGI over one port per copy, each copy reading its own ini', () => {
    const design = loadTemplate('uwsgi-unix-socket');
    const server = design.nodes.find((node) => 'socketPath' in node.props && 'processes' in node.props)!;
    const tcp = setNodeProps(design, server.id, { transport: 'tcp', port: 9000 });
    const files = generate(setReplicas(tcp, server.container!, 2), { target: 'server', lang: 'en' }).files;
    const unitName = Object.keys(files).find((path) => path.endsWith('@.service'))!;
    expect(files[unitName]).toMatch(/--ini copies\/%i\/uwsgi\.ini/);
    expect(
      Object.keys(files)
        .filter((path) => path.endsWith('/uwsgi.ini'))
        .sort(),
    ).toEqual([
      expect.stringMatching(/copies\/1\/uwsgi\.ini$/),
      expect.stringMatching(/copies\/2\/uwsgi\.ini$/),
    ]);
    const inis = Object.entries(files).filter(([path]) => path.endsWith('/uwsgi.ini'));
    expect(inis.map(([, text]) => /^socket = (.*)$/m.exec(text)?.[1])).toEqual([
      '127.0.0.1:9000',
      '127.0.0.1:9001',
    ]);
  });

  it('runs the dev server on 127.0.0.1 and serves the React build from /var/www', () => {
    expect(filesOf('flask-dev-server')['systemd/flask-dev-server-app.service']).toMatch(
      /ExecStart=\S+\/flask --app app:app run --host 127\.0\.0\.1 --port 5000/,
    );
    const react = filesOf('react-nginx-gunicorn');
    expect(react['nginx/react-flask-app.conf']).toContain('root /var/www/react-flask-app;');
    expect(react['install.sh']).toContain('/var/www/react-flask-app');
  });

  it('runs a Django project: static files collected beside the code for nginx, migrations as the service user', () => {
    const files = filesOf('django-gunicorn-nginx');
    const site = files['nginx/django-gunicorn-nginx.conf']!;
    expect(site).toMatch(/location \/static\/ \{[^}]*alias \/srv\/django-gunicorn-nginx\/app\/static\/;/);
    expect(files['app/mysite/settings.py']).toContain(
      'DEFAULT_STATIC_ROOT = "/srv/django-gunicorn-nginx/app/static"',
    );
    expect(files['app/mysite/settings.py']).toContain('"/var/lib/django-gunicorn-nginx/app/app.db"');
    // The unit runs the server alone: the start-up steps ran at install.
    expect(files['systemd/django-gunicorn-nginx-app.service']).toContain(
      'ExecStart=/srv/django-gunicorn-nginx/app/venv/bin/gunicorn --config gunicorn.conf.py mysite.wsgi:application\n',
    );
    const install = files['install.sh']!;
    const collect = install.indexOf('venv/bin/python manage.py collectstatic --noinput');
    const migrate = install.indexOf(
      'runuser -u django-gunicorn-nginx -- /srv/django-gunicorn-nginx/app/venv/bin/python manage.py migrate --noinput',
    );
    expect(collect).toBeGreaterThan(install.indexOf('install -m 0644 -D "$BUNDLE"/app/manage.py'));
    expect(migrate).toBeGreaterThan(collect);
    expect(migrate).toBeLessThan(install.indexOf('systemctl restart'));
    expect(install).toContain('PACKAGES+=(gunicorn python3-django)');
  });

  it("serves a Flask app's static folder in place, beside its code, with no copy at start", () => {
    const design = loadTemplate('gunicorn-flask-sqlite');
    const withStatic = {
      ...design,
      nodes: design.nodes.map((node) =>
        node.kind === 'flask' ? { ...node, props: { ...node.props, staticRoute: '/static/' } } : node,
      ),
    };
    const files = generate(withStatic, SERVER).files;
    expect(files['nginx/flask-gunicorn-sqlite.conf']).toMatch(
      /location \/static\/ \{[^}]*alias \/srv\/flask-gunicorn-sqlite\/app\/static\/;/,
    );
    expect(files['install.sh']).toContain(
      '"$BUNDLE"/app/static/app.css /srv/flask-gunicorn-sqlite/app/static/app.css',
    );
    expect(files['systemd/flask-gunicorn-sqlite-app.service']).not.toContain('cp -R');
  });

  it('runs a Django project on runserver at 127.0.0.1 without the container start-up', () => {
    const design = loadTemplate('django-gunicorn-nginx');
    const devOnly = {
      ...design,
      nodes: design.nodes.filter((node) => node.kind !== 'gunicorn'),
      edges: [
        ...design.edges.filter((edge) => edge.source !== 'wsgi' && edge.target !== 'wsgi'),
        { id: 'e9', source: 'proxy', target: 'site', props: { route: '/api/' } },
      ],
    };
    const files = generate(devOnly, SERVER).files;
    expect(files['systemd/django-gunicorn-nginx-app.service']).toContain(
      'ExecStart=/srv/django-gunicorn-nginx/app/venv/bin/python manage.py runserver --noreload 127.0.0.1:8000\n',
    );
    // The venv has its own python: nothing to link from Debian's packages.
    expect(files['install.sh']).not.toContain('command -v python');
  });

  it('install.sh refuses an unsupported OS and is strict; uninstall.sh keeps the database', () => {
    const files = filesOf('gunicorn-flask-sqlite');
    expect(files['install.sh']).toContain('set -euo pipefail');
    expect(files['install.sh']).toContain('/etc/os-release');
    expect(files['install.sh']).toContain('nginx -t');
    expect(files['uninstall.sh']).toMatch(
      /if \[ "\$PURGE" -eq 1 \]; then\n {2}rm -rf \/var\/lib\/flask-gunicorn-sqlite/,
    );
  });

  it('gives each of two servers in one container its own unit, code, socket and runtime folder', () => {
    const files = generate(load(VARIETY['two-servers-one-container']!), SERVER).files;
    const units = Object.keys(files).filter((path) => path.startsWith('systemd/'));
    expect(units).toEqual([
      'systemd/two-servers-one-container-backend-2.service',
      'systemd/two-servers-one-container-backend.service',
      'systemd/two-servers-one-container-backend.socket',
    ]);
    const gunicorn = files['systemd/two-servers-one-container-backend.service']!;
    const uwsgi = files['systemd/two-servers-one-container-backend-2.service']!;
    expect(gunicorn).toContain('WorkingDirectory=/srv/two-servers-one-container/backend\n');
    expect(uwsgi).toContain('WorkingDirectory=/srv/two-servers-one-container/backend-2\n');
    expect(gunicorn).toContain('RuntimeDirectory=two-servers-one-container-backend\n');
    expect(uwsgi).toContain('RuntimeDirectory=two-servers-one-container-backend-2\n');
    // Their container's one SQLite file: one state folder for both.
    for (const unit of [gunicorn, uwsgi])
      expect(unit).toContain('StateDirectory=two-servers-one-container/backend\n');
    expect(files['nginx/two-servers-one-container.conf']).toContain(
      'unix:/run/two-servers-one-container-backend-2/uwsgi.sock',
    );
    expect(files['nginx/two-servers-one-container.conf']).toContain(
      'unix:/run/two-servers-one-container-backend.sock',
    );
    for (const unit of units.map((path) => path.slice('systemd/'.length))) {
      expect(files['install.sh']).toContain(`/etc/systemd/system/${unit}`);
      expect(files['uninstall.sh']).toContain(`rm -f /etc/systemd/system/${unit}`);
    }
    expect(files['README.md']).toContain('`two-servers-one-container-backend-2.service`');
  });

  it('is deterministic', () => {
    expect(filesOf('react-nginx-gunicorn')).toEqual(filesOf('react-nginx-gunicorn'));
  });
});

describe('OCSP stapling with the user’s own certificate files', () => {
  const design = setNodeProps(loadTemplate('https-letsencrypt'), 'proxy', { tls: 'files' });
  const nginxTexts = (target: 'compose' | 'server' | 'kubernetes', runs = /./) =>
    Object.entries(generate(design, { target, lang: 'en' }).files)
      .filter(([path, text]) => runs.test(path) && text.includes('ssl_certificate '))
      .map(([, text]) => text);

  it('staples under Compose, whose embedded DNS resolves the CA’s responder', () => {
    const texts = nginxTexts('compose');
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).toMatch(/ssl_stapling on;[\s\S]*resolver 127\.0\.0\.11 /);
  });

  it('does not staple on a host or in a Pod, where 127.0.0.11 answers nothing', () => {
    // In a Pod the ConfigMap's nginx.conf (k8s/) is mounted over the one the web image was built with.
    for (const [target, runs] of [
      ['server', /./],
      ['kubernetes', /^k8s\//],
    ] as const) {
      const texts = nginxTexts(target, runs);
      expect(texts.length, target).toBeGreaterThan(0);
      for (const text of texts) {
        expect(text, target).not.toContain('127.0.0.11');
        expect(text, target).not.toContain('ssl_stapling');
      }
    }
  });
});
