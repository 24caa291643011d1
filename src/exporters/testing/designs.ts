/**
 * A catalogue of designs covering every combination the exporters support (beyond the four
 * templates): transports, protocols, several apps behind one nginx, custom names everywhere.
 * Used by the unit tests and by the real-tool checks of generated bundles.
 */
import type { Design } from '../../model/design';
import { loadDesign } from '../../model/load';
import { TEMPLATE_IDS, loadTemplate } from '../../model/templates';

type Raw = Record<string, unknown>;

const client = { id: 'browser', kind: 'client' };

function nginxStack(name: string, server: Raw, edgeProps: Raw = { route: '/' }, extra: Raw[] = []): Raw {
  return {
    format: 'stacksketch/v1',
    name,
    nodes: [
      client,
      { id: 'proxy', kind: 'nginx', container: 'web' },
      { ...server, id: 'srv', container: 'app' },
      { id: 'api', kind: 'flask', container: 'app' },
      { id: 'db', kind: 'sqlite', container: 'app' },
      ...extra,
    ],
    edges: [
      { id: 'e1', source: 'browser', target: 'proxy' },
      { id: 'e2', source: 'proxy', target: 'srv', props: edgeProps },
      { id: 'e3', source: 'srv', target: 'api' },
      { id: 'e4', source: 'api', target: 'db' },
    ],
  };
}

/** Valid designs (no errors), by a short descriptive id. */
export const VARIETY: Record<string, Raw> = {
  'gunicorn-unix': nginxStack('gunicorn over a unix socket', {
    kind: 'gunicorn',
    props: { transport: 'unix', socketPath: '/run/gunicorn/app.sock', workers: 2, threads: 4 },
  }),
  'uwsgi-socket-tcp': nginxStack(
    'uwsgi socket over tcp',
    { kind: 'uwsgi', props: { protocol: 'uwsgi', transport: 'tcp', port: 3031 } },
    { route: '/', pass: 'uwsgi_pass' },
  ),
  'uwsgi-http-tcp': nginxStack(
    'uwsgi http-socket over tcp',
    { kind: 'uwsgi', props: { protocol: 'http', transport: 'tcp', port: 9090, processes: 2, threads: 1 } },
    { route: '/', pass: 'proxy_pass' },
  ),
  'uwsgi-http-unix': nginxStack(
    'uwsgi http-socket over a unix socket',
    { kind: 'uwsgi', props: { protocol: 'http', transport: 'unix', socketPath: '/run/uwsgi/http.sock' } },
    { route: '/api/', pass: 'proxy_pass' },
  ),
  'custom-names': {
    format: 'stacksketch/v1',
    name: 'Shop Front 2024',
    nodes: [
      { id: 'visitor', kind: 'client', props: { label: 'Shopper' } },
      {
        id: 'door',
        kind: 'nginx',
        container: 'frontdoor',
        props: {
          listen: 8080,
          serverName: 'shop.example.com www.shop.example.com',
          gzip: false,
          clientMaxBodySize: '2m',
        },
      },
      { id: 'spa', kind: 'react-static', container: 'frontdoor', props: { spaFallback: true } },
      {
        id: 'runner',
        kind: 'gunicorn',
        container: 'api-server',
        props: { transport: 'tcp', port: 9000, workers: 5, threads: 4, timeout: 60 },
      },
      {
        id: 'shop',
        kind: 'flask',
        container: 'api-server',
        props: { module: 'shop.api', callable: 'application' },
      },
      { id: 'store', kind: 'sqlite', container: 'api-server', props: { file: '/var/lib/shop/shop.db' } },
    ],
    edges: [
      { id: 'e1', source: 'visitor', target: 'door' },
      { id: 'e2', source: 'door', target: 'spa', props: { route: '/' } },
      { id: 'e3', source: 'door', target: 'runner', props: { route: '/backend/api/' } },
      { id: 'e4', source: 'runner', target: 'shop' },
      { id: 'e5', source: 'shop', target: 'store' },
    ],
  },
  'several-apps': {
    format: 'stacksketch/v1',
    name: 'several apps',
    nodes: [
      client,
      { id: 'proxy', kind: 'nginx' },
      { id: 'g1', kind: 'gunicorn', props: { transport: 'tcp', port: 8000 } },
      { id: 'main', kind: 'flask', props: { module: 'main', callable: 'app' } },
      { id: 'maindb', kind: 'sqlite', props: { file: '/data/main.db' } },
      {
        id: 'u1',
        kind: 'uwsgi',
        props: { protocol: 'uwsgi', transport: 'unix', socketPath: '/run/admin/uwsgi.sock' },
      },
      { id: 'admin', kind: 'flask', props: { module: 'admin.web', callable: 'application' } },
      { id: 'admindb', kind: 'sqlite', props: { file: '/srv/admin/admin.db' } },
      { id: 'g2', kind: 'gunicorn', props: { transport: 'unix', socketPath: '/run/reports/g.sock' } },
      { id: 'reports', kind: 'flask', props: { module: 'reports', callable: 'app' } },
    ],
    edges: [
      { id: 'e1', source: 'browser', target: 'proxy' },
      { id: 'e2', source: 'proxy', target: 'g1', props: { route: '/' } },
      { id: 'e3', source: 'proxy', target: 'u1', props: { route: '/admin/', pass: 'uwsgi_pass' } },
      { id: 'e4', source: 'proxy', target: 'g2', props: { route: '/reports' } },
      { id: 'e5', source: 'g1', target: 'main' },
      { id: 'e6', source: 'main', target: 'maindb' },
      { id: 'e7', source: 'u1', target: 'admin' },
      { id: 'e8', source: 'admin', target: 'admindb' },
      { id: 'e9', source: 'g2', target: 'reports' },
    ],
  },
  'react-subpath-no-fallback': {
    format: 'stacksketch/v1',
    name: 'react on a sub path',
    nodes: [
      client,
      { id: 'proxy', kind: 'nginx' },
      { id: 'spa', kind: 'react-static', props: { spaFallback: false } },
      { id: 'g', kind: 'uwsgi', props: { protocol: 'uwsgi', transport: 'tcp', port: 3031 } },
      { id: 'api', kind: 'flask' },
      { id: 'db', kind: 'sqlite', props: { file: '/data/db/items.sqlite3' } },
    ],
    edges: [
      { id: 'e1', source: 'browser', target: 'proxy' },
      { id: 'e2', source: 'proxy', target: 'spa', props: { route: '/app/' } },
      { id: 'e3', source: 'proxy', target: 'g', props: { route: '/api/' } },
      { id: 'e4', source: 'g', target: 'api' },
      { id: 'e5', source: 'api', target: 'db' },
    ],
  },
  'wsgi-module-name': nginxStack(
    'module named wsgi',
    { kind: 'gunicorn', props: { transport: 'tcp', port: 8000 } },
    { route: '/' },
  ),
  'dev-server-custom': {
    format: 'stacksketch/v1',
    name: 'dev server custom',
    nodes: [
      client,
      { id: 'proxy', kind: 'nginx', props: { listen: 8081 } },
      {
        id: 'api',
        kind: 'flask',
        container: 'devapp',
        props: { module: 'pkg.sub.service', callable: 'application', port: 5050 },
      },
      { id: 'db', kind: 'sqlite', container: 'devapp', props: { file: '/state/service.db' } },
    ],
    edges: [
      { id: 'e1', source: 'browser', target: 'proxy' },
      { id: 'e2', source: 'proxy', target: 'api', props: { route: '/svc/' } },
      { id: 'e3', source: 'api', target: 'db' },
    ],
  },
  'two-servers-one-container': {
    format: 'stacksketch/v1',
    name: 'two servers one container',
    nodes: [
      client,
      { id: 'proxy', kind: 'nginx' },
      {
        id: 'g',
        kind: 'gunicorn',
        container: 'backend',
        props: { transport: 'unix', socketPath: '/tmp/gunicorn.sock' },
      },
      {
        id: 'u',
        kind: 'uwsgi',
        container: 'backend',
        props: { protocol: 'uwsgi', transport: 'unix', socketPath: '/tmp/uwsgi.sock' },
      },
      { id: 'site', kind: 'flask', container: 'backend', props: { module: 'site_app' } },
      { id: 'jobs', kind: 'flask', container: 'backend', props: { module: 'jobs' } },
      { id: 'db', kind: 'sqlite', container: 'backend', props: { file: '/data/shared.db' } },
    ],
    edges: [
      { id: 'e1', source: 'browser', target: 'proxy' },
      { id: 'e2', source: 'proxy', target: 'g', props: { route: '/' } },
      { id: 'e3', source: 'proxy', target: 'u', props: { route: '/jobs/', pass: 'uwsgi_pass' } },
      { id: 'e4', source: 'g', target: 'site' },
      { id: 'e5', source: 'u', target: 'jobs' },
      { id: 'e6', source: 'site', target: 'db' },
      { id: 'e7', source: 'jobs', target: 'db' },
    ],
  },
};
// The module named "wsgi" case: the app file is wsgi.py itself.
(VARIETY['wsgi-module-name']!.nodes as Raw[])[3] = {
  id: 'api',
  kind: 'flask',
  container: 'app',
  props: { module: 'wsgi', callable: 'application' },
};

/** Forced designs: they have topology errors, and --force exports them anyway. */
export const FORCED: Record<string, Raw> = {
  'uwsgi-pass-to-http-socket': nginxStack(
    'forced mismatch',
    { kind: 'uwsgi', props: { protocol: 'http', transport: 'tcp', port: 3031 } },
    { route: '/', pass: 'uwsgi_pass' },
  ),
};

export function load(raw: Raw): Design {
  const result = loadDesign(structuredClone(raw));
  if (!result.ok) throw new Error(`test design does not load: ${JSON.stringify(result.errors)}`);
  return result.design;
}

/** Every template and every variety design, loaded. */
export function allValidDesigns(): { id: string; design: Design }[] {
  return [
    ...TEMPLATE_IDS.map((id) => ({ id, design: loadTemplate(id) })),
    ...Object.entries(VARIETY).map(([id, raw]) => ({ id, design: load(raw) })),
  ];
}
