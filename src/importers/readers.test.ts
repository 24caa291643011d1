import { describe, expect, it } from 'vitest';
import { recognise, splitShellWords } from './commands';
import { interpolate, readCompose } from './compose';
import { readDockerfile } from './dockerfile';
import { parseNginx, readNginx } from './nginx';
import { pythonLiteral, readGunicornConf, scanPythonModule } from './python';
import { readUwsgiIni } from './uwsgi';
import type { ReportEntry } from './types';

describe('nginx reader', () => {
  it('tokenizes quotes, escapes, comments and ${var} inside words', () => {
    const [d] = parseNginx('a.conf', `add_header X "a \\"b\\" ; {c}" 'd e' f\\ g \${host}x; # comment ;{`);
    expect(d).toMatchObject({
      name: 'add_header',
      args: ['X', 'a "b" ; {c}', 'd e', 'f\\ g', '${host}x'],
      line: 1,
    });
  });

  it('reads servers, upstreams, locations and reports the rest with lines', () => {
    const report: ReportEntry[] = [];
    const text = [
      'http {',
      '  gzip on;',
      '  upstream api { server app:8000; server app2:8000 weight=2; }',
      '  server {',
      '    listen 8080 default_server;',
      '    listen 443 ssl;',
      '    server_name example.com www.example.com;',
      '    client_max_body_size 5m;',
      '    location = /health { return 200; }',
      '    location ~ \\.php$ { deny all; }',
      '    location /static/ { alias /srv/static/; }',
      '    location / { try_files $uri @app; }',
      '    location @app { include uwsgi_params; uwsgi_pass unix:/run/u.sock; }',
      '    location /api/ { proxy_pass http://api; proxy_cache c; }',
      '  }',
      '}',
    ].join('\n');
    const config = readNginx({ path: 'n.conf', text }, new Map(), report);
    expect(config.upstreams[0]).toMatchObject({
      name: 'api',
      servers: [{ address: 'app:8000' }, { address: 'app2:8000' }],
    });
    const server = config.servers[0]!;
    expect(server).toMatchObject({
      serverNames: ['example.com', 'www.example.com'],
      clientMaxBodySize: '5m',
      gzip: true,
    });
    expect(server.listens.map((l) => [l.port, l.ssl])).toEqual([
      [8080, false],
      [443, true],
    ]);
    const byPath = new Map(server.locations.map((l) => [l.path, l]));
    expect(byPath.get('/health')!.modifier).toBe('=');
    expect(byPath.get('\\.php$')!.modifier).toBe('~');
    expect(byPath.get('@app')).toMatchObject({
      modifier: '@',
      uwsgiParams: true,
      pass: { directive: 'uwsgi_pass', target: 'unix:/run/u.sock' },
    });
    expect(byPath.get('/')!.tryFiles).toEqual(['$uri', '@app']);
    expect(byPath.get('/static/')!.alias).toBe('/srv/static/');
    expect(report.find((e) => e.message.includes('"proxy_cache"'))).toMatchObject({
      file: 'n.conf',
      line: 14,
    });
    expect(report.find((e) => e.message.includes('weight=2'))).toMatchObject({ line: 3 });
  });
});

describe('Compose reader', () => {
  it('reads ports, expose, volumes, environment, depends_on, replicas and interpolates', () => {
    const report: ReportEntry[] = [];
    const text = [
      'services:',
      '  web:',
      '    image: nginx:${NGINX_VERSION:-1.25}',
      '    ports: ["80:80", "127.0.0.1:8443:443/tcp", {target: 9000, published: "9001"}, "7000"]',
      '    volumes: [shared:/run/sock, ./conf:/etc/nginx/conf.d:ro]',
      '    depends_on: {app: {condition: service_healthy}}',
      '  app:',
      '    build: {context: ./app, dockerfile: Dockerfile.prod}',
      '    command: gunicorn -b 0.0.0.0:8000 app:app',
      '    expose: ["8000"]',
      '    environment: ["DB=${DB_PATH}", PLAIN=1]',
      '    volumes: [shared:/run/sock]',
      '    depends_on: [db]',
      '    deploy: {replicas: 3, resources: {}}',
      'volumes: {shared: {}}',
    ].join('\n');
    const env = new Map([['DB_PATH', '/data/app.db']]);
    const compose = readCompose({ path: 'docker-compose.yml', text }, env, report);
    const [web, app] = compose.services;
    expect(web!.image).toBe('nginx:1.25');
    expect(web!.ports.map((p) => [p.host, p.container])).toEqual([
      [80, 80],
      [8443, 443],
      [9001, 9000],
      [null, 7000],
    ]);
    expect(web!.volumes.map((v) => [v.source, v.named])).toEqual([
      ['shared', true],
      ['./conf', false],
    ]);
    expect(web!.dependsOn).toEqual(['app']);
    expect(app!.build).toEqual({ context: './app', dockerfile: 'Dockerfile.prod' });
    expect(app!.expose).toEqual([8000]);
    expect(app!.environment).toEqual({ DB: '/data/app.db', PLAIN: '1' });
    expect(app!.dependsOn).toEqual(['db']);
    expect(app!.replicas).toBe(3);
    expect(report.some((e) => e.message.includes('deploy.resources') && e.line === 14)).toBe(true);
    expect(compose.volumes).toEqual(['shared']);
  });

  it('interpolates like Compose', () => {
    const env = new Map([
      ['A', 'x'],
      ['EMPTY', ''],
    ]);
    const missing: string[] = [];
    expect(
      interpolate('$A ${A} ${EMPTY:-d} ${EMPTY-d} ${NOPE:-n} $$A ${NOPE}', env, (n) => missing.push(n)),
    ).toBe('x x d  n $A ');
    expect(missing).toEqual(['NOPE']);
  });
});

describe('gunicorn.conf.py, uwsgi.ini and Dockerfile readers', () => {
  it('reads literals without running Python and reports everything else', () => {
    const report: ReportEntry[] = [];
    const text =
      '"""doc"""\nimport multiprocessing\nbind = ["unix:/run/g.sock"]\nworkers = multiprocessing.cpu_count() * 2 + 1\nthreads = 4\ntimeout = int("30")\nif True:\n    x = 1\nwsgi_app = "shop.api:create()"\n';
    const conf = readGunicornConf({ path: 'gunicorn.conf.py', text }, report);
    expect(conf.settings.get('bind')!.value).toEqual(['unix:/run/g.sock']);
    expect(conf.settings.get('workers')!.value).toBe('auto-workers');
    expect(conf.settings.get('threads')!.value).toBe(4);
    expect(report.map((e) => e.line)).toEqual([2, 6, 7]);
    expect(pythonLiteral("('a', 1, None, r'\\d')")).toEqual(['a', 1, null, '\\d']);
    expect(pythonLiteral('os.environ["X"]')).toBeUndefined();
  });

  it('reads the [uwsgi] section, resolving %(option) and reporting what only uWSGI resolves', () => {
    const report: ReportEntry[] = [];
    const text =
      '[uwsgi]\nbase = /srv/app\nsocket = %(base)/app.sock\nchdir = %d\nprocesses = 4 ; four\n[other]\nx = 1\n';
    const ini = readUwsgiIni({ path: 'u.ini', text }, report);
    expect(ini.options.get('socket')![0]!.value).toBe('/srv/app/app.sock');
    expect(ini.options.get('processes')![0]!.value).toBe('4');
    expect(report.some((e) => e.line === 4 && e.message.includes('%d'))).toBe(true);
    expect(report.some((e) => e.line === 6 && e.message.includes('[other]'))).toBe(true);
  });

  it('reads the last stage of a Dockerfile', () => {
    const report: ReportEntry[] = [];
    const text =
      'FROM node AS build\nCMD ["node"]\nFROM python:3.12\nENV FLASK_APP=shop.app \\\n    PORT=8000\nWORKDIR /srv\nEXPOSE 8000/tcp\nCOPY . .\nRUN pip install x\nCMD flask run --host 0.0.0.0 --port 8000\n';
    const docker = readDockerfile({ path: 'Dockerfile', text }, report);
    expect(docker).toMatchObject({
      from: 'python:3.12',
      env: { FLASK_APP: 'shop.app', PORT: '8000' },
      workdir: '/srv',
      expose: [8000],
      cmdLine: 10,
    });
    expect(recognise(docker.cmd!)).toEqual({ tool: 'flask-run', app: null, host: '0.0.0.0', port: 8000 });
  });
});

describe('commands', () => {
  it('recognises the servers and dev servers', () => {
    expect(
      recognise(splitShellWords('gunicorn -w 4 --bind=unix:/run/g.sock -c conf.py shop.wsgi:app')),
    ).toMatchObject({
      tool: 'gunicorn-cli',
      workers: '4',
      binds: ['unix:/run/g.sock'],
      config: 'conf.py',
      app: 'shop.wsgi:app',
    });
    expect(
      recognise(['sh', '-c', 'python migrate.py && exec uwsgi --ini /etc/uwsgi/app.ini --http-socket :9090']),
    ).toMatchObject({
      tool: 'uwsgi-cli',
      ini: '/etc/uwsgi/app.ini',
    });
    expect(recognise(splitShellWords('python -m flask --app shop run -p 5001'))).toMatchObject({
      tool: 'flask-run',
      app: 'shop',
      port: 5001,
    });
    expect(recognise(splitShellWords('python manage.py runserver 0.0.0.0:8000'))).toEqual({
      tool: 'django-runserver',
      address: '0.0.0.0:8000',
    });
    expect(recognise(['python3', 'app.py'])).toEqual({ tool: 'python-script', script: 'app.py' });
    expect(recognise(['nginx', '-g', 'daemon off;'])).toEqual({ tool: 'nginx-server' });
  });

  it('scans a Flask module for its app, dev server and SQLite file', () => {
    const facts = scanPythonModule({
      path: 'app.py',
      text: 'from flask import Flask\napp = Flask(__name__)\nDB = "/data/app.db"\nif __name__ == "__main__":\n    app.run(host="0.0.0.0", port=8080)\n',
    });
    expect(facts.flaskObjects).toEqual([{ name: 'app', line: 2 }]);
    expect(facts.runPort).toBe(8080);
    expect(facts.sqliteFiles).toEqual([{ path: '/data/app.db', line: 3 }]);
    expect(facts.django).toBe(false);
  });
});
