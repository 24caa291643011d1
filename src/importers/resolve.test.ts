import { describe, expect, it } from 'vitest';
import { validate } from '../validation/validate';
import { classify, importConfigs, parseAddress } from './resolve';

const kinds = (result: ReturnType<typeof importConfigs>) =>
  result.design?.nodes.map((node) => node.kind).sort() ?? [];

describe('resolver', () => {
  it('classifies files by name and content', () => {
    expect(classify({ path: 'docker-compose.prod.yml', text: '' })).toBe('compose-file');
    expect(classify({ path: 'deploy/Dockerfile.api', text: '' })).toBe('dockerfile');
    expect(classify({ path: 'sites-available/toy.server', text: 'server { listen 80; }' })).toBe(
      'nginx-config',
    );
    expect(classify({ path: 'app.ini', text: '[uwsgi]\nsocket = :3031\n' })).toBe('uwsgi-ini');
    expect(classify({ path: 'notes.txt', text: 'hello' })).toBe('other');
  });

  it('parses listen and pass addresses', () => {
    expect(parseAddress('unix:/run/g.sock')).toEqual({ unix: '/run/g.sock', port: null });
    expect(parseAddress(':3031')).toMatchObject({ unix: null, port: 3031, host: null });
    expect(parseAddress('app:8000')).toMatchObject({ port: 8000, host: 'app' });
    expect(parseAddress('[::]:80')).toMatchObject({ port: 80, host: '[::]' });
  });

  it('expose: is not published: no client edge, no exposed app server', () => {
    const result = importConfigs([
      {
        path: 'docker-compose.yml',
        text: 'services:\n  api:\n    image: python\n    command: gunicorn -b :8000 app:app\n    expose: ["8000"]\n',
      },
    ]);
    expect(kinds(result)).toEqual(['flask', 'gunicorn']);
    expect(validate(result.design!).map((d) => d.rule)).not.toContain('app-server-exposed');
  });

  it('an upstream listing one address twice is one server, not two to balance over', () => {
    const files = (servers: string[]) => [
      {
        path: 'docker-compose.yml',
        text: 'services:\n  web:\n    image: nginx\n    ports: ["80:80"]\n    volumes: [./site.conf:/etc/nginx/conf.d/default.conf]\n  app:\n    image: python\n    command: gunicorn -b :8000 app:app\n',
      },
      {
        path: 'site.conf',
        text: `upstream app_8000 { ${servers.map((s) => `server ${s};`).join(' ')} }\nserver { listen 80; location / { proxy_pass http://app_8000; } }`,
      },
    ];
    const balances = (result: ReturnType<typeof importConfigs>) =>
      result.report.filter((entry) => entry.message.includes('balances over')).map((e) => e.message);
    const twice = importConfigs(files(['app:8000 max_fails=0', 'app:8000 max_fails=0']));
    expect(balances(twice)).toEqual([]);
    expect(kinds(twice)).toEqual(['client', 'flask', 'gunicorn', 'nginx']);
    expect(twice.design!.edges).toHaveLength(3);
    expect(balances(importConfigs(files(['app:8000', 'other:8000'])))).toEqual([
      'nginx: upstream app_8000 balances over 2 servers; each is modelled as a route target only when one listens there',
    ]);
  });

  it('a unix socket on a named volume shared by two services joins nginx to uWSGI', () => {
    const result = importConfigs([
      {
        path: 'docker-compose.yml',
        text: [
          'services:',
          '  web:',
          '    image: nginx',
          '    ports: ["8080:80"]',
          '    volumes: [sock:/run/uwsgi, ./site.conf:/etc/nginx/conf.d/default.conf]',
          '  app:',
          '    image: python',
          '    command: ["uwsgi", "--socket", "/run/uwsgi/app.sock", "--module", "shop.wsgi:app", "--processes", "3"]',
          '    volumes: [sock:/run/uwsgi]',
          'volumes: {sock: {}}',
        ].join('\n'),
      },
      {
        path: 'site.conf',
        text: 'server { listen 80; location /api/ { include uwsgi_params; uwsgi_pass unix:/run/uwsgi/app.sock; } }',
      },
    ]);
    const design = result.design!;
    expect(kinds(result)).toEqual(['client', 'flask', 'nginx', 'uwsgi']);
    expect(design.edges.find((edge) => edge.props.pass)).toMatchObject({
      source: 'web-nginx',
      target: 'app-uwsgi',
      props: { route: '/api/', pass: 'uwsgi_pass' },
    });
    expect(design.nodes.find((node) => node.id === 'app-flask')?.props).toMatchObject({
      module: 'shop.wsgi',
      callable: 'app',
    });
    expect(validate(design).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('python app.py with app.run() on a bare server is a Flask dev server; nginx root with index.html is a React build', () => {
    const result = importConfigs([
      {
        path: 'app.py',
        text: 'from flask import Flask\napp = Flask(__name__)\nif __name__ == "__main__":\n    app.run(port=8080)\n',
      },
      { path: 'Dockerfile', text: 'FROM python:3.12\nCOPY . .\nCMD ["python", "app.py"]\n' },
    ]);
    expect(result.design!.nodes.find((node) => node.kind === 'flask')?.props).toMatchObject({
      module: 'app',
      port: 8080,
    });
    const spa = importConfigs([
      {
        path: 'site.conf',
        text: 'server { listen 80; root /var/www/app; index index.html; location / { try_files $uri $uri/ /index.html; } }',
      },
    ]);
    expect(spa.design!.nodes.find((node) => node.kind === 'react-static')?.props).toEqual({
      spaFallback: true,
    });
  });

  it('nginx.conf including sites-enabled/* finds the given sites-available file; a folder glob never matches every file', () => {
    const result = importConfigs([
      {
        path: 'nginx.conf',
        text: 'events {}\nhttp {\n include /etc/nginx/conf.d/*.conf;\n include /etc/nginx/sites-enabled/*;\n}\n',
      },
      {
        path: 'sites-available/app',
        text: 'server { listen 80; location / { proxy_pass http://127.0.0.1:8000; } }',
      },
      { path: 'gunicorn.conf.py', text: 'bind = "127.0.0.1:8000"\nwsgi_app = "app:app"\n' },
    ]);
    expect(result.design!.edges.find((edge) => edge.props.route)).toMatchObject({
      source: 'nginx',
      target: 'gunicorn',
    });
    expect(result.report.find((entry) => entry.message.includes('conf.d/*.conf'))).toMatchObject({
      file: 'nginx.conf',
      line: 3,
    });
  });

  it('Django entry points become a server and the Django kind, never taken for Flask', () => {
    const gunicorn = importConfigs([
      {
        path: 'docker-compose.yml',
        text: 'services:\n  web:\n    image: python\n    command: gunicorn mysite.wsgi:application --bind 0.0.0.0:8000\n',
      },
    ]);
    expect(kinds(gunicorn)).toEqual(['django', 'gunicorn']);
    expect(gunicorn.design!.nodes.find((node) => node.kind === 'django')?.props).toMatchObject({
      project: 'mysite',
    });
    const uwsgi = importConfigs([
      { path: 'uwsgi.ini', text: '[uwsgi]\nsocket = :3031\nmodule = mysite.wsgi\n' },
      {
        path: 'mysite/wsgi.py',
        text: 'from django.core.wsgi import get_wsgi_application\napplication = get_wsgi_application()\n',
      },
      {
        path: 'mysite/settings.py',
        text: 'STATIC_URL = "/assets/"\nDATABASES = {"default": {"NAME": "/data/site.db"}}\n',
      },
    ]);
    expect(kinds(uwsgi)).toEqual(expect.arrayContaining(['django', 'sqlite', 'uwsgi']));
    expect(kinds(uwsgi)).not.toContain('flask');
    expect(uwsgi.design!.nodes.find((node) => node.kind === 'django')?.props).toMatchObject({
      project: 'mysite',
      staticRoute: '/assets/',
    });
    const node = (kind: string) => uwsgi.design!.nodes.find((candidate) => candidate.kind === kind)!.id;
    const pairs = uwsgi.design!.edges.map((edge) => `${edge.source}>${edge.target}`);
    expect(pairs).toEqual(
      expect.arrayContaining([`${node('uwsgi')}>${node('django')}`, `${node('django')}>${node('sqlite')}`]),
    );
  });

  it('SQLite comes from an environment path; nothing is guessed without one', () => {
    const withDb = importConfigs([
      {
        path: 'docker-compose.yml',
        text: 'services:\n  api:\n    image: python\n    command: gunicorn app:app\n    environment: {DATABASE: /var/lib/app/app.sqlite3}\n',
      },
    ]);
    expect(withDb.design!.nodes.find((node) => node.kind === 'sqlite')?.props).toEqual({
      file: '/var/lib/app/app.sqlite3',
    });
    const without = importConfigs([
      {
        path: 'docker-compose.yml',
        text: 'services:\n  api:\n    image: python\n    command: gunicorn app:app\n',
      },
    ]);
    expect(kinds(without)).toEqual(['flask', 'gunicorn']);
  });

  it("a bare server's units name their containers by their code folders; a template unit's copies are replicas", () => {
    const app = 'from flask import Flask\napp = Flask(__name__)\n';
    const gunicorn = (port: number) => `bind = "127.0.0.1:${port}"\nwsgi_app = "app:app"\n`;
    const unit = (dir: string, exec: string) =>
      `[Service]\nWorkingDirectory=/srv/shop/${dir}\nExecStart=/srv/shop/${dir}/venv/bin/${exec}\n`;
    // As written, and inside a folder (the CLI keeps a given folder's name in the paths).
    for (const top of ['', 'shop-bundle/']) {
      const result = importConfigs([
        { path: `${top}Api_Server/app.py`, text: app },
        { path: `${top}Api_Server/gunicorn.conf.py`, text: gunicorn(9000) },
        {
          path: `${top}systemd/shop-api-server.service`,
          text: unit('api-server', 'gunicorn -c gunicorn.conf.py'),
        },
        { path: `${top}systemd/shop-api-server.socket`, text: '[Socket]\nListenStream=127.0.0.1:9000\n' },
        { path: `${top}web/app.py`, text: app },
        { path: `${top}web/copies/1/gunicorn.conf.py`, text: gunicorn(8000) },
        { path: `${top}web/copies/2/gunicorn.conf.py`, text: gunicorn(8001) },
        { path: `${top}web/copies/3/gunicorn.conf.py`, text: gunicorn(8002) },
        {
          path: `${top}systemd/shop-web@.service`,
          text: unit('web', 'gunicorn -c copies/%i/gunicorn.conf.py'),
        },
        { path: `${top}systemd/other.socket`, text: '[Socket]\nListenStream=/run/other.sock\n' },
      ]);
      const containers = result
        .design!.nodes.filter((node) => node.container !== undefined)
        .map((node) => `${node.kind} ${node.container}`)
        .sort();
      expect(containers).toEqual(['flask Api_Server', 'flask web', 'gunicorn Api_Server', 'gunicorn web']);
      expect(result.design!.containers).toEqual({ Api_Server: { replicas: 1 }, web: { replicas: 3 } });
      const about = (path: string) =>
        result.report.filter((entry) => entry.file === path).map((e) => e.message);
      expect(about(`${top}systemd/shop-api-server.socket`)).toEqual([]);
      expect(about(`${top}web/copies/2/gunicorn.conf.py`)).toEqual([]);
      expect(about(`${top}systemd/other.socket`)).toEqual([
        'systemd-socket file not used by any service (left out)',
      ]);
    }
  });
});
