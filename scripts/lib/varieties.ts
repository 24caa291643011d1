/**
 * A deterministic variety of valid designs covering what the bundle format allows: Gunicorn over TCP
 * and a unix socket, uWSGI `socket` and `http-socket` over TCP and unix with the matching pass, the Flask
 * dev server, several apps behind one nginx on different routes, React static, an app without a
 * database, Flask static folders served by nginx, Django projects under uWSGI (socket and http-socket)
 * and runserver, and custom names everywhere (design, containers, ports, dotted modules, callables,
 * paths).
 */
import type { DesignFile } from '../../src/validation/types';

export interface Variety {
  id: string;
  /** Builds the React app: slower to run, so the bundle check runs fewer of these. */
  react: boolean;
  file: DesignFile;
}

type Props = Record<string, unknown>;

const client = { id: 'browser', kind: 'client', props: { label: 'Browser' } };

function nginx(container: string, props: Props = {}) {
  return { id: 'proxy', kind: 'nginx', container, props: { listen: 80, serverName: 'localhost', ...props } };
}

function flask(id: string, container: string, props: Props = {}) {
  return { id, kind: 'flask', container, props: { module: 'app', callable: 'app', ...props } };
}

function django(id: string, container: string, props: Props = {}) {
  return { id, kind: 'django', container, props: { project: 'mysite', staticRoute: '/static/', ...props } };
}

function sqlite(id: string, container: string, file: string) {
  return { id, kind: 'sqlite', container, props: { file } };
}

function edge(id: string, source: string, target: string, props?: Props) {
  return props ? { id, source, target, props } : { id, source, target };
}

/** nginx → server → flask → sqlite, the usual single-app chain. */
function chain(options: {
  name: string;
  server: Record<string, unknown> | null;
  route?: string;
  pass?: string;
  web?: string;
  app?: string;
  nginxProps?: Props;
  flaskProps?: Props;
  /** A Django project instead of the Flask app, with these props. */
  djangoProps?: Props;
  database?: string | null;
  spa?: boolean;
}): DesignFile {
  const web = options.web ?? 'web';
  const app = options.app ?? 'app';
  const nodes: Record<string, unknown>[] = [client, nginx(web, options.nginxProps)];
  const edges: Record<string, unknown>[] = [edge('e1', 'browser', 'proxy')];
  const route = options.route ?? (options.spa ? '/api/' : '/');
  if (options.spa) {
    nodes.push({ id: 'spa', kind: 'react-static', container: web, props: { spaFallback: true } });
    edges.push(edge('e-spa', 'proxy', 'spa', { route: '/' }));
  }
  const routeProps: Props = options.pass ? { route, pass: options.pass } : { route };
  if (options.server) {
    nodes.push({ id: 'server', container: app, ...options.server });
    edges.push(edge('e2', 'proxy', 'server', routeProps), edge('e3', 'server', 'api'));
  } else {
    edges.push(edge('e2', 'proxy', 'api', routeProps));
  }
  nodes.push(
    options.djangoProps ? django('api', app, options.djangoProps) : flask('api', app, options.flaskProps),
  );
  if (options.database !== null) {
    nodes.push(sqlite('db', app, options.database ?? '/data/app.db'));
    edges.push(edge('e4', 'api', 'db'));
  }
  return { format: 'stacksketch/v2', name: options.name, nodes, edges };
}

const gunicorn = (props: Props) => ({
  kind: 'gunicorn',
  props: { transport: 'tcp', port: 8000, workers: 2, threads: 1, timeout: 30, ...props },
});
const uwsgi = (props: Props) => ({
  kind: 'uwsgi',
  props: { protocol: 'uwsgi', transport: 'unix', port: 3031, processes: 2, threads: 2, ...props },
});

function twoApps(name: string, spa: boolean): DesignFile {
  const nodes: Record<string, unknown>[] = [
    client,
    nginx('gateway'),
    {
      id: 'orders-server',
      kind: 'gunicorn',
      container: 'orders',
      props: { transport: 'tcp', port: 8000, workers: 2 },
    },
    flask('orders-api', 'orders', { module: 'orders.app', callable: 'application' }),
    sqlite('orders-db', 'orders', '/data/orders.db'),
    {
      id: 'users-server',
      kind: 'uwsgi',
      container: 'users',
      props: {
        protocol: 'uwsgi',
        transport: 'unix',
        socketPath: '/run/uwsgi/users.sock',
        processes: 2,
        threads: 2,
      },
    },
    flask('users-api', 'users', { module: 'users', callable: 'app' }),
    sqlite('users-db', 'users', '/var/lib/users/users.db'),
  ];
  const edges: Record<string, unknown>[] = [
    edge('e1', 'browser', 'proxy'),
    edge('e2', 'proxy', 'orders-server', { route: '/orders/' }),
    edge('e3', 'orders-server', 'orders-api'),
    edge('e4', 'orders-api', 'orders-db'),
    edge('e5', 'proxy', 'users-server', { route: '/users/', pass: 'uwsgi_pass' }),
    edge('e6', 'users-server', 'users-api'),
    edge('e7', 'users-api', 'users-db'),
  ];
  if (spa) {
    nodes.push({ id: 'spa', kind: 'react-static', container: 'gateway', props: { spaFallback: true } });
    edges.push(edge('e8', 'proxy', 'spa', { route: '/' }));
  }
  return { format: 'stacksketch/v2', name, nodes, edges };
}

export function varieties(): Variety[] {
  const list: Variety[] = [
    {
      id: 'gunicorn-tcp-custom-names',
      react: false,
      file: chain({
        name: 'Shop API (prod) — v2',
        web: 'edge',
        app: 'backend',
        nginxProps: {
          listen: 8080,
          serverName: 'shop.example.com www.shop.example.com',
          clientMaxBodySize: '2m',
        },
        server: gunicorn({ port: 8123, workers: 3, threads: 2, timeout: 45 }),
        flaskProps: { module: 'shop.api', callable: 'application' },
        database: '/var/lib/shop/shop.db',
      }),
    },
    {
      id: 'gunicorn-unix',
      react: false,
      file: chain({
        name: 'gunicorn-unix',
        server: gunicorn({ transport: 'unix', socketPath: '/run/gunicorn/app.sock', workers: 'auto' }),
        route: '/api/',
      }),
    },
    {
      id: 'uwsgi-socket-tcp',
      react: false,
      file: chain({
        name: 'uwsgi socket tcp',
        web: 'front',
        app: 'worker',
        server: uwsgi({ transport: 'tcp', port: 3035 }),
        pass: 'uwsgi_pass',
        flaskProps: { module: 'api', callable: 'application' },
      }),
    },
    {
      id: 'uwsgi-socket-unix',
      react: false,
      file: chain({
        name: 'uwsgi-socket-unix',
        server: uwsgi({ transport: 'unix', socketPath: '/run/uwsgi/shop.sock' }),
        pass: 'uwsgi_pass',
        flaskProps: { module: 'shop.api' },
        database: '/srv/shop/data.sqlite3',
      }),
    },
    {
      id: 'uwsgi-http-tcp',
      react: false,
      file: chain({
        name: 'uwsgi-http-tcp',
        server: uwsgi({ protocol: 'http', transport: 'tcp', port: 9090 }),
        pass: 'proxy_pass',
      }),
    },
    {
      id: 'uwsgi-http-unix',
      react: false,
      file: chain({
        name: 'uwsgi-http-unix',
        server: uwsgi({ protocol: 'http', transport: 'unix', socketPath: '/run/uwsgi/http.sock' }),
        pass: 'proxy_pass',
        nginxProps: { gzip: false },
      }),
    },
    {
      id: 'flask-dev-server-custom',
      react: false,
      file: chain({
        name: 'dev.server',
        server: null,
        flaskProps: { module: 'shop.api', callable: 'application', port: 5001 },
        database: '/srv/data/shop.db',
      }),
    },
    {
      id: 'gunicorn-no-database',
      react: false,
      file: chain({ name: 'stateless', server: gunicorn({}), database: null }),
    },
    { id: 'two-apps-one-nginx', react: false, file: twoApps('two apps', false) },
    {
      id: 'flask-static-gunicorn',
      react: false,
      file: chain({
        name: 'flask static',
        server: gunicorn({}),
        flaskProps: { staticRoute: '/static/' },
      }),
    },
    {
      id: 'flask-static-uwsgi-dotted',
      react: false,
      file: chain({
        name: 'flask-static-uwsgi',
        server: uwsgi({ transport: 'unix', socketPath: '/run/uwsgi/app.sock' }),
        pass: 'uwsgi_pass',
        route: '/shop/',
        flaskProps: { module: 'shop.api', callable: 'application', staticRoute: '/shop/assets/' },
      }),
    },
    {
      id: 'django-uwsgi-socket-unix',
      react: false,
      file: chain({
        name: 'django uwsgi socket',
        server: uwsgi({ transport: 'unix', socketPath: '/run/uwsgi/shop.sock' }),
        pass: 'uwsgi_pass',
        nginxProps: { serverName: 'shop.example.com www.shop.example.com' },
        djangoProps: { project: 'shop', staticRoute: '/assets/' },
        database: '/srv/shop/shop.sqlite3',
      }),
    },
    {
      id: 'django-uwsgi-http-tcp',
      react: false,
      file: chain({
        name: 'django-uwsgi-http',
        web: 'front',
        app: 'backend',
        route: '/api/',
        server: uwsgi({ protocol: 'http', transport: 'tcp', port: 9000 }),
        pass: 'proxy_pass',
        nginxProps: { listen: 8080, serverName: '*.example.com' },
        djangoProps: { project: 'portal' },
      }),
    },
    {
      id: 'django-dev-server',
      react: false,
      file: chain({
        name: 'django dev',
        server: null,
        djangoProps: { project: 'devsite', port: 8001, staticRoute: '' },
        database: null,
      }),
    },
    {
      id: 'react-gunicorn-unix',
      react: true,
      file: chain({
        name: 'React Shop',
        spa: true,
        server: gunicorn({ transport: 'unix', socketPath: '/run/gunicorn/gunicorn.sock' }),
      }),
    },
    { id: 'react-two-apps', react: true, file: twoApps('react two apps', true) },
    {
      id: 'react-uwsgi-http-custom',
      react: true,
      file: chain({
        name: 'spa-uwsgi',
        spa: true,
        web: 'site',
        app: 'svc',
        route: '/backend/',
        nginxProps: { listen: 8081 },
        server: uwsgi({ protocol: 'http', transport: 'tcp', port: 8000 }),
        pass: 'proxy_pass',
        flaskProps: { module: 'svc.wsgi_app', callable: 'application' },
      }),
    },
  ];
  return list;
}
