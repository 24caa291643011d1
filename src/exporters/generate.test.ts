import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadTemplate } from '../model/templates';
import { HOSTILE_STRINGS } from '../validation/hostileInputs';
import { hasErrors, validate } from '../validation/validate';
import { COMPOSE_EN, generate } from './generate';
import { isSafeBundlePath } from './folder';
import { apiBaseFor, moduleLayout, plan } from './plan';
import { parseNginx as parseNginxFile, type NginxDirective as ParsedDirective } from '../importers/nginx';
import { FORCED, VARIETY, allValidDesigns, load } from './testing/designs';

const parseNginx = (text: string) => parseNginxFile('nginx.conf', text);

const COMMON = [
  '.env.example',
  'Makefile',
  'README.md',
  'design.json',
  'docker-compose.yml',
  'scripts/smoke.sh',
];
const DOCKER = (dir: string) => [`${dir}/.dockerignore`, `${dir}/Dockerfile`];
const PY = (dir: string) => [...DOCKER(dir), `${dir}/health-check.py`, `${dir}/requirements.txt`];
/** What a Flask service folder tests and lints itself with. */
const SELF_CHECKS = (dir: string) =>
  [
    'conftest.py',
    'pyproject.toml',
    'requirements-dev.txt',
    'setup.cfg',
    'tests/__init__.py',
    'tests/test_api.py',
  ].map((file) => `${dir}/${file}`);

function find(directives: ParsedDirective[], name: string): ParsedDirective[] {
  const out: ParsedDirective[] = [];
  for (const d of directives) {
    if (d.name === name) out.push(d);
    if (d.block) out.push(...find(d.block, name));
  }
  return out;
}

describe('generate', () => {
  it('gives the same files, byte for byte, on every call', () => {
    for (const { design } of allValidDesigns())
      expect(generate(design, COMPOSE_EN).files).toEqual(generate(structuredClone(design), COMPOSE_EN).files);
  });

  it('lists files in sorted order with safe relative paths', () => {
    for (const { design } of allValidDesigns()) {
      const paths = Object.keys(generate(design, COMPOSE_EN).files);
      expect(paths).toEqual([...paths].sort());
      for (const path of paths) expect(isSafeBundlePath(path)).toBe(true);
    }
  });

  it('sorts paths whole even when folder names differ by a character that sorts before or after "/"', () => {
    // "-" and "." sort before "/", "0" and "_" after it: "app-2/x" < "app/x" < "app0/x" < "app_y/x".
    const containers = ['app', 'app-2', 'app.x', 'app0', 'app_y', 'ap'];
    const nodes: Record<string, unknown>[] = [];
    const edges: Record<string, unknown>[] = [];
    containers.forEach((container, i) => {
      nodes.push(
        { id: `client-${i}`, kind: 'client' },
        { id: `nginx-${i}`, kind: 'nginx', container: `${container}-web`, props: { listen: 8080 + i } },
        { id: `wsgi-${i}`, kind: 'gunicorn', container },
        { id: `flask-${i}`, kind: 'flask', container },
        { id: `db-${i}`, kind: 'sqlite', container, props: { file: `/data/db-${i}.db` } },
      );
      edges.push(
        { id: `e${i}a`, source: `client-${i}`, target: `nginx-${i}` },
        { id: `e${i}b`, source: `nginx-${i}`, target: `wsgi-${i}`, props: { route: '/' } },
        { id: `e${i}c`, source: `wsgi-${i}`, target: `flask-${i}` },
        { id: `e${i}d`, source: `flask-${i}`, target: `db-${i}` },
      );
    });
    const design = load({ format: 'stacksketch/v1', name: 'folders', nodes, edges });
    const paths = Object.keys(generate(design, COMPOSE_EN).files);
    expect(paths.filter((path) => path.endsWith('/Dockerfile'))).toHaveLength(12);
    expect(paths).toEqual([...paths].sort());
  });

  it('generates the expected file set for every template', () => {
    const expected: Record<string, string[]> = {
      'gunicorn-flask-sqlite': [
        ...COMMON,
        ...PY('app'),
        ...SELF_CHECKS('app'),
        'app/app.py',
        'app/gunicorn.conf.py',
        'app/wsgi.py',
        ...DOCKER('web'),
        'web/nginx.conf',
      ],
      'uwsgi-unix-socket': [
        ...COMMON,
        ...PY('app'),
        ...SELF_CHECKS('app'),
        'app/app.py',
        'app/uwsgi.ini',
        'app/wsgi.py',
        ...DOCKER('web'),
        'web/nginx.conf',
      ],
      'react-nginx-gunicorn': [
        ...COMMON,
        ...PY('app'),
        ...SELF_CHECKS('app'),
        'app/app.py',
        'app/gunicorn.conf.py',
        'app/wsgi.py',
        ...DOCKER('web'),
        'web/frontend/index.html',
        'web/frontend/package.json',
        'web/frontend/src/main.jsx',
        'web/frontend/vite.config.js',
        'web/nginx.conf',
      ],
      'flask-dev-server': [
        ...COMMON,
        ...PY('app'),
        ...SELF_CHECKS('app'),
        'app/app.py',
        ...DOCKER('web'),
        'web/nginx.conf',
      ],
    };
    for (const [id, files] of Object.entries(expected))
      expect(Object.keys(generate(loadTemplate(id as never), COMPOSE_EN).files).sort(), id).toEqual(
        [...files].sort(),
      );
  });

  it('writes every nginx.conf as a whole, structurally valid config', () => {
    for (const { id, design } of allValidDesigns()) {
      const files = generate(design, COMPOSE_EN).files;
      for (const [path, text] of Object.entries(files)) {
        if (!path.endsWith('nginx.conf')) continue;
        const conf = parseNginx(text);
        expect(
          conf.map((d) => d.name),
          id,
        ).toEqual(['worker_processes', 'pid', 'error_log', 'events', 'http']);
        expect(find(conf, 'server_tokens')[0]!.args).toEqual(['off']);
        expect(find(conf, 'add_header').map((d) => d.args[0])).toContain('X-Content-Type-Options');
        expect(find(conf, 'server').filter((d) => d.block).length).toBeGreaterThan(0);
      }
    }
  });

  it('uses uwsgi_pass with uwsgi_params for socket and proxy_pass for http-socket', () => {
    const socket = parseNginx(
      generate(loadTemplate('uwsgi-unix-socket'), COMPOSE_EN).files['web/nginx.conf']!,
    );
    expect(find(socket, 'uwsgi_pass')).toHaveLength(1);
    expect(find(socket, 'include').map((d) => d.args[0])).toContain('/etc/nginx/uwsgi_params');
    // One server, listed twice so nginx can pass a GET a stopping worker dropped once more.
    expect(find(socket, 'upstream')[0]!.block!.map((d) => [d.name, ...d.args])).toEqual([
      ['server', 'unix:/run/uwsgi/uwsgi.sock', 'max_fails=0'],
      ['server', 'unix:/run/uwsgi/uwsgi.sock', 'max_fails=0'],
    ]);
    const http = parseNginx(generate(load(VARIETY['uwsgi-http-tcp']!), COMPOSE_EN).files['web/nginx.conf']!);
    expect(find(http, 'uwsgi_pass')).toHaveLength(0);
    expect(find(http, 'proxy_pass')[0]!.args).toEqual(['http://app_9090']);
    const ini = generate(load(VARIETY['uwsgi-http-tcp']!), COMPOSE_EN).files['app/uwsgi.ini']!;
    expect(ini).toMatch(/^http-socket = 0\.0\.0\.0:9090$/m);
    expect(ini).not.toMatch(/^plugins/m);
    for (const key of ['master', 'vacuum', 'die-on-term', 'need-app', 'strict', 'enable-threads'])
      expect(ini).toMatch(new RegExp(`^${key} = true$`, 'm'));
  });

  it('shares a unix socket through a named volume mounted at its folder in both containers', () => {
    const p = plan(loadTemplate('uwsgi-unix-socket'));
    const app = p.services.find((s) => s.name === 'app')!;
    const web = p.services.find((s) => s.name === 'web')!;
    const socketVolume = p.volumes.find((v) => v.purpose === 'socket')!;
    expect(app.mounts).toContainEqual({ volume: socketVolume.name, target: '/run/uwsgi' });
    expect(web.mounts).toContainEqual({ volume: socketVolume.name, target: '/run/uwsgi' });
    expect(app.mounts).toContainEqual({ volume: 'app-data', target: '/data' });
    const compose = parseYaml(
      generate(loadTemplate('uwsgi-unix-socket'), COMPOSE_EN).files['docker-compose.yml']!,
    ) as {
      services: Record<string, { volumes?: string[]; ports?: string[] }>;
      volumes: Record<string, unknown>;
    };
    expect(compose.services.web!.volumes).toContain(`${socketVolume.name}:/run/uwsgi`);
    expect(Object.keys(compose.volumes).sort()).toEqual(['app-data', socketVolume.name].sort());
    expect(compose.services.app!.ports).toBeUndefined();
    expect(compose.services.web!.ports).toEqual(['80:80']);
  });

  it('honours custom names: design, containers, ports, module path, callable, database file', () => {
    const files = generate(load(VARIETY['custom-names']!), COMPOSE_EN).files;
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        'api-server/shop/__init__.py',
        'api-server/shop/api.py',
        'api-server/gunicorn.conf.py',
        'frontdoor/nginx.conf',
        'frontdoor/frontend/src/main.jsx',
      ]),
    );
    expect(files['api-server/wsgi.py']).toContain('from shop.api import application as app');
    expect(files['api-server/shop/api.py']).toMatch(/^application = _create_app\(\)$/m);
    expect(files['api-server/shop/api.py']).toContain('"/var/lib/shop/shop.db"');
    expect(files['api-server/shop/api.py']).toContain('api_bases = ("/backend/api/",)');
    expect(files['api-server/gunicorn.conf.py']).toContain('bind = "0.0.0.0:9000"');
    expect(files['api-server/gunicorn.conf.py']).toContain('worker_class = "gthread"');
    expect(files['api-server/gunicorn.conf.py']).toMatch(/^workers = 5$/m);
    expect(files['frontdoor/nginx.conf']).toContain('server api-server:9000 max_fails=0;');
    expect(files['frontdoor/nginx.conf']).toContain('server_name shop.example.com www.shop.example.com;');
    expect(files['frontdoor/nginx.conf']).toContain('gzip off;');
    expect(files['docker-compose.yml']).toContain('"8080:8080"');
    expect(files['README.md']).toMatch(/^# Shop Front 2024$/m);
    const p = plan(load(VARIETY['custom-names']!));
    expect(p.folder).toBe('shop-front-2024');
    expect(p.services.find((s) => s.name === 'api-server')!.mounts).toEqual([
      { volume: 'api-server-data', target: '/var/lib/shop' },
    ]);
  });

  it('writes gunicorn "auto" workers as a computation at start-up', () => {
    const conf = generate(loadTemplate('gunicorn-flask-sqlite'), COMPOSE_EN).files['app/gunicorn.conf.py']!;
    expect(conf).toContain('workers = multiprocessing.cpu_count() * 2 + 1');
    expect(conf).toContain('worker_tmp_dir = "/dev/shm"');
    expect(conf).toContain('accesslog = None');
  });

  it('gives each server of several apps its own folder and route prefix', () => {
    const p = plan(load(VARIETY['several-apps']!));
    expect(p.services.map((s) => s.buildDir)).toEqual(['app', 'app-2', 'app-3', 'web']);
    expect(p.probes.map((probe) => `${probe.method} ${probe.path}`)).toEqual([
      'GET /api/health',
      'POST /api/items',
      'GET /api/items',
      'GET /admin/api/health',
      'POST /admin/api/items',
      'GET /admin/api/items',
      'GET /reports/api/health',
    ]);
    const files = generate(load(VARIETY['several-apps']!), COMPOSE_EN).files;
    expect(files['app-2/admin/web.py']).toContain('api_bases = ("/admin/api/",)');
    expect(files['app-2/admin/__init__.py']).toBeDefined();
    expect(files['app-3/reports.py']).toContain('database = None');
  });

  it("runs a second server of one container as its own service sharing that container's volumes", () => {
    const p = plan(load(VARIETY['two-servers-one-container']!));
    const backend = p.services.find((s) => s.name === 'backend')!;
    const second = p.services.find((s) => s.name === 'backend-2')!;
    const web = p.services.find((s) => s.name === 'web')!;
    expect(backend.mounts).toEqual(second.mounts);
    expect(backend.mounts).toContainEqual({ volume: 'backend-data', target: '/data' });
    expect(web.mounts).toEqual([{ volume: 'backend-socket', target: '/tmp' }]);
    expect(p.notes.join(' ')).toMatch(/own service "backend-2"/);
  });

  it('moves the code out of the way of a volume and shares a socket folder that already has one', () => {
    const raw = structuredClone(VARIETY['gunicorn-unix']!);
    const nodes = raw.nodes as { id: string; props?: Record<string, unknown> }[];
    nodes.find((n) => n.id === 'srv')!.props = { transport: 'unix', socketPath: '/app/run/g.sock' };
    nodes.find((n) => n.id === 'db')!.props = { file: '/app/run/app.db' };
    const p = plan(load(raw));
    const app = p.services.find((s) => s.name === 'app')!;
    expect(app.workdir).toBe('/srv/app');
    expect(app.mounts).toEqual([{ volume: 'app-data', target: '/app/run' }]);
    expect(p.services.find((s) => s.name === 'web')!.mounts).toEqual([
      { volume: 'app-data', target: '/app/run' },
    ]);
    expect(app.copies.every((copy) => copy.to.startsWith('/srv/app/'))).toBe(true);
  });

  it('plans the probes the smoke check curls, page first', () => {
    const p = plan(loadTemplate('react-nginx-gunicorn'));
    expect(p.entryPort).toBe(80);
    expect(p.probes.map((probe) => [probe.hop, probe.method, probe.path, probe.expectStatus])).toEqual([
      ['page', 'GET', '/', 200],
      ['api health', 'GET', '/api/health', 200],
      ['create item', 'POST', '/api/items', 201],
      ['list items', 'GET', '/api/items', 200],
    ]);
    const smoke = generate(loadTemplate('react-nginx-gunicorn'), COMPOSE_EN).files['scripts/smoke.sh']!;
    expect(smoke).toContain("hop page GET / 200 '<div id=\"root\">' ''");
  });

  it("sends the entry nginx's name as Host in scripts/smoke.sh, as a browser does (Django checks it)", () => {
    const named = (serverName: string) => {
      const design = loadTemplate('django-gunicorn-nginx');
      return {
        ...design,
        nodes: design.nodes.map((node) =>
          node.kind === 'nginx' ? { ...node, props: { ...node.props, serverName } } : node,
        ),
      };
    };
    expect(plan(named('shop.example.com api.example.com')).entryHost).toBe('shop.example.com');
    expect(plan(named('*.example.com')).entryHost).toBe('www.example.com');
    expect(plan(named('_')).entryHost).toBeNull();
    const smoke = generate(named('shop.example.com'), COMPOSE_EN).files['scripts/smoke.sh']!;
    expect(smoke).toContain('[ -n "$HOST" ] || HOST=shop.example.com');
    expect(smoke.match(/curl -sS -H "Host: \$HOST" /g)).toHaveLength(2);
    const anyName = generate(named('_'), COMPOSE_EN).files['scripts/smoke.sh']!;
    expect(anyName).not.toContain('Host:');
  });
  it("serves a Flask app's static folder through nginx: alias with both slashes, a read-only volume the app fills at start", () => {
    const design = loadTemplate('gunicorn-flask-sqlite');
    const withStatic = {
      ...design,
      nodes: design.nodes.map((node) =>
        node.kind === 'flask'
          ? { ...node, props: { ...node.props, module: 'shop.api', staticRoute: '/assets/' } }
          : node,
      ),
    };
    expect(validate(withStatic)).toEqual([]);
    const { files, plan: planned } = generate(withStatic, COMPOSE_EN);
    const location = find(parseNginx(files['web/nginx.conf']!), 'location').find(
      (node) => node.args[0] === '/assets/',
    )!;
    expect(find(location.block!, 'alias')[0]!.args).toEqual(['/srv/static/']);
    expect(find(location.block!, 'expires')[0]!.args).toEqual(['30d']);
    expect(files['app/shop/static/app.css']).toContain('body');
    expect(files['app/shop/api.py']).toContain('static_url_path = "/assets"');
    expect(files['app/shop/api.py']).toContain('app = Flask(__name__, static_url_path=static_url_path)');
    const compose = parseYaml(files['docker-compose.yml']!) as {
      services: Record<string, { volumes?: string[] }>;
    };
    expect(compose.services.web!.volumes).toContain('app-static:/srv/static:ro');
    expect(compose.services.app!.volumes).toContain('app-static:/srv/static');
    const app = planned.services.find((service) => service.name === 'app')!;
    expect(app.command.slice(0, 4)).toEqual([
      'sh',
      '-c',
      'cp -R shop/static/. /srv/static/ && exec "$@"',
      'static',
    ]);
    expect(app.copies.map((copy) => copy.from)).toContain('app/shop/static/app.css');
    expect(planned.probes.at(-1)).toMatchObject({ hop: 'static file', path: '/assets/app.css' });
    // Without a static route the app and its command stay as they were.
    const plain = generate(design, COMPOSE_EN);
    expect(plain.files['app/app.py']).toContain('    app = Flask(__name__)\n');
    expect(plain.plan.services.find((service) => service.name === 'app')!.command[0]).toBe('gunicorn');
  });

  it('maps routes to API prefixes', () => {
    expect(apiBaseFor('/')).toBe('/api/');
    expect(apiBaseFor('/api/')).toBe('/api/');
    expect(apiBaseFor('/shop')).toBe('/shop/api/');
    expect(apiBaseFor('/v1/api')).toBe('/v1/api/');
  });

  it('lays out module files and packages', () => {
    expect(moduleLayout(['shop.api'])).toEqual({
      files: ['shop/api.py'],
      packages: ['shop/__init__.py'],
      entryFile: 'wsgi.py',
    });
    expect(moduleLayout(['wsgi.app']).entryFile).toBe('wsgi/__init__.py');
  });

  it('makes the app file itself the entry point when the module is named wsgi', () => {
    const files = generate(load(VARIETY['wsgi-module-name']!), COMPOSE_EN).files;
    expect(files['app/wsgi.py']).toMatch(/^application = _create_app\(\)$/m);
    expect(files['app/wsgi.py']).toMatch(/^app = application/m);
  });

  it('runs the Flask dev server with flask --app and warns in the README', () => {
    const p = plan(loadTemplate('flask-dev-server'));
    expect(p.services.find((s) => s.name === 'app')!.command).toEqual([
      'flask',
      '--app',
      'app:app',
      'run',
      '--host',
      '0.0.0.0',
      '--port',
      '5000',
    ]);
    expect(generate(loadTemplate('flask-dev-server'), COMPOSE_EN).files['README.md']).toMatch(
      /development server/i,
    );
  });

  it('builds the React app in a multi-stage Dockerfile and serves it with the SPA fallback', () => {
    const files = generate(loadTemplate('react-nginx-gunicorn'), COMPOSE_EN).files;
    expect(files['web/Dockerfile']).toMatch(/^FROM node:20-alpine AS build$/m);
    expect(files['web/Dockerfile']).toMatch(/^FROM nginx:1\.27-alpine$/m);
    expect(files['web/nginx.conf']).toContain('try_files $uri $uri/ /index.html;');
    expect(files['web/frontend/src/main.jsx']).toContain('"base":"/api/"');
    const pkg = JSON.parse(files['web/frontend/package.json']!) as { dependencies: Record<string, string> };
    for (const version of Object.values(pkg.dependencies)) expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    const sub = generate(load(VARIETY['react-subpath-no-fallback']!), COMPOSE_EN).files;
    expect(sub['web/nginx.conf']).toContain('try_files $uri $uri/ =404;');
    expect(sub['web/frontend/vite.config.js']).toContain('base: "/app/"');
  });

  it('still generates the forced uwsgi_pass → http-socket mismatch, and says why it fails', () => {
    const design = load(FORCED['uwsgi-pass-to-http-socket']!);
    expect(hasErrors(validate(design))).toBe(true);
    const files = generate(design, COMPOSE_EN).files;
    expect(files['web/nginx.conf']).toContain('uwsgi_pass');
    expect(files['app/uwsgi.ini']).toMatch(/^http-socket = /m);
    expect(files['README.md']).toMatch(/502/);
  });

  it('keeps hostile design names and client labels out of paths and inert in files', () => {
    for (const { value } of HOSTILE_STRINGS) {
      const design = loadTemplate('react-nginx-gunicorn');
      design.name = value;
      const files = generate(design, COMPOSE_EN).files;
      for (const path of Object.keys(files)) expect(isSafeBundlePath(path)).toBe(true);
      if (value.length < 3) continue;
      for (const [path, text] of Object.entries(files)) {
        if (path === 'design.json') continue;
        // Line breaks, control characters and markup never appear raw outside design.json.
        // eslint-disable-next-line no-control-regex
        if (/[<\n\r\u0000-\u001f\u2028\u2029]/.test(value))
          expect(text.includes(value), `${path} holds ${JSON.stringify(value)}`).toBe(false);
      }
    }
  });

  it('refuses to write hostile field values (serializers re-check what validation checked)', () => {
    for (const { value, acceptedIn } of HOSTILE_STRINGS) {
      const cases: [string, (d: ReturnType<typeof loadTemplate>) => void][] = [
        ['edge.route', (d) => (d.edges[1]!.props.route = value)],
        ['nginx.serverName', (d) => ((d.nodes[1]!.props as { serverName: string }).serverName = value)],
        ['flask.module', (d) => ((d.nodes[3]!.props as { module: string }).module = value)],
        ['sqlite.file', (d) => ((d.nodes[4]!.props as { file: string }).file = value)],
      ];
      for (const [field, mutate] of cases) {
        if ((acceptedIn as readonly string[] | undefined)?.includes(field)) continue;
        const design = loadTemplate('gunicorn-flask-sqlite');
        mutate(design);
        expect(() => generate(design, COMPOSE_EN).files, `${field} = ${JSON.stringify(value)}`).toThrow();
      }
    }
  });
});

/** The rows of the README's files table: the paths each row names, and its explanation. */
function fileTableRows(readme: string): { paths: string[]; explanation: string }[] {
  const section = readme.slice(
    readme.indexOf('## The files, and why they are there'),
    readme.indexOf('## Why this shape'),
  );
  const rows: { paths: string[]; explanation: string }[] = [];
  for (const line of section.split('\n')) {
    const row = /^\| (`[^`]+`(?:, `[^`]+`)*) \| (.+) \|$/.exec(line);
    if (row) rows.push({ paths: row[1]!.split(', ').map((path) => path.slice(1, -1)), explanation: row[2]! });
  }
  return rows;
}

describe('README files table', () => {
  it('lists the files of several services that share an explanation in one row', () => {
    const design = loadTemplate('gunicorn-flask-sqlite');
    const dirs = plan(design).services.map((service) => service.buildDir);
    expect(dirs).toHaveLength(2);
    const rows = fileTableRows(generate(design, COMPOSE_EN).files['README.md']!);
    const dockerignore = rows.filter((row) => row.explanation.startsWith('Keeps `.git`'));
    expect(dockerignore).toEqual([
      { paths: dirs.map((dir) => `${dir}/.dockerignore`), explanation: expect.any(String) },
    ]);
    expect(generate(design, COMPOSE_EN).files['README.md']).toContain(
      `| \`${dirs[0]}/.dockerignore\`, \`${dirs[1]}/.dockerignore\` | Keeps`,
    );
  });

  it('names every generated file (a frontend by its folder) and never repeats an explanation', () => {
    for (const { id, design } of allValidDesigns()) {
      const files = generate(design, COMPOSE_EN).files;
      const rows = fileTableRows(files['README.md']!);
      const named = new Set(rows.flatMap((row) => row.paths));
      const folders = [...named].filter((path) => path.endsWith('/'));
      for (const path of Object.keys(files)) {
        if (path === 'README.md') continue;
        const listed = named.has(path) || folders.some((folder) => path.startsWith(folder));
        expect(listed, `${id}: ${path}`).toBe(true);
      }
      const explanations = rows.map((row) => row.explanation);
      expect(new Set(explanations).size, id).toBe(explanations.length);
    }
  });
});

describe('generate(design, { target, lang })', () => {
  it('returns the plan and the files of one run', () => {
    const design = loadTemplate('react-nginx-gunicorn');
    const { plan: deployment, files } = generate(design, COMPOSE_EN);
    expect(deployment).toEqual(plan(design));
    expect(
      deployment.services.map((service) => `${service.buildDir}/Dockerfile`).every((path) => path in files),
    ).toBe(true);
  });

  it('renders every target: server and kubernetes beside compose', () => {
    const design = loadTemplate('gunicorn-flask-sqlite');
    expect(Object.keys(generate(design, { target: 'server', lang: 'en' }).files)).toContain('install.sh');
    expect(Object.keys(generate(design, { target: 'kubernetes', lang: 'en' }).files)).toContain(
      'k8s/kustomization.yaml',
    );
  });

  it("writes the README's warnings in the rules' words, plus what only the planner knows", () => {
    const design = loadTemplate('flask-dev-server');
    const diagnostics = validate(design);
    expect(diagnostics.length).toBeGreaterThan(0);
    const { plan: deployment, files } = generate(design, COMPOSE_EN);
    const bullets = files['README.md']!.split('\n').filter((line) => line.startsWith('- ⚠️ '));
    expect(bullets).toHaveLength(diagnostics.length + deployment.notes.length);
    // Markdown-escaped, the words are the rule's own.
    const words = (text: string) =>
      text
        .replace(/&#\d+;/g, ' ')
        .match(/[A-Za-z]{4,}/g)!
        .slice(0, 8);
    expect(words(bullets[0]!)).toEqual(words(diagnostics[0]!.message));
    const split = load(VARIETY['two-servers-one-container']!);
    expect(validate(split)).toEqual([]);
    expect(generate(split, COMPOSE_EN).files['README.md']).toMatch(
      /## Warnings\n\n- ⚠️ Container "backend" runs more than one server/,
    );
  });

  it('takes the diagnostics the caller already has instead of validating again', () => {
    const design = loadTemplate('gunicorn-flask-sqlite');
    const fake = [
      { rule: 'x', severity: 'warning' as const, message: 'a caller-supplied warning', nodes: [], edges: [] },
    ];
    expect(generate(design, { ...COMPOSE_EN, diagnostics: fake }).files['README.md']).toContain(
      '- ⚠️ a caller-supplied warning',
    );
  });
});
