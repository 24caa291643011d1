import type { Design } from './design';
import { loadDesign } from './load';

export interface TemplateInfo {
  id: TemplateId;
  title: string;
  summary: string;
}

export const TEMPLATE_IDS = [
  'gunicorn-flask-sqlite',
  'uwsgi-unix-socket',
  'react-nginx-gunicorn',
  'flask-dev-server',
  'load-balanced-gunicorn',
  'django-gunicorn-nginx',
  'https-letsencrypt',
] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/** The templates the first release shipped (its files, links and images must keep loading). */
export const FIRST_RELEASE_TEMPLATE_IDS: readonly TemplateId[] = [
  'gunicorn-flask-sqlite',
  'uwsgi-unix-socket',
  'react-nginx-gunicorn',
  'flask-dev-server',
];

interface TemplateSource extends TemplateInfo {
  file: Record<string, unknown>;
}

const SOURCES: Record<TemplateId, TemplateSource> = {
  'gunicorn-flask-sqlite': {
    id: 'gunicorn-flask-sqlite',
    title: 'Nginx + Gunicorn + Flask + SQLite',
    summary:
      'The standard production stack: nginx in front, Gunicorn workers running Flask, SQLite on a volume.',
    file: {
      format: 'stacksketch/v2',
      name: 'flask-gunicorn-sqlite',
      nodes: [
        { id: 'browser', kind: 'client', position: { x: 0, y: 140 }, props: { label: 'Browser' } },
        {
          id: 'proxy',
          kind: 'nginx',
          container: 'web',
          position: { x: 240, y: 120 },
          props: { listen: 80, serverName: 'localhost' },
        },
        {
          id: 'wsgi',
          kind: 'gunicorn',
          container: 'app',
          position: { x: 560, y: 120 },
          props: { transport: 'tcp', port: 8000, workers: 'auto' },
        },
        {
          id: 'api',
          kind: 'flask',
          container: 'app',
          position: { x: 820, y: 120 },
          props: { module: 'app', callable: 'app' },
        },
        {
          id: 'db',
          kind: 'sqlite',
          container: 'app',
          position: { x: 1080, y: 120 },
          props: { file: '/data/app.db' },
        },
      ],
      edges: [
        { id: 'e1', source: 'browser', target: 'proxy' },
        { id: 'e2', source: 'proxy', target: 'wsgi', props: { route: '/' } },
        { id: 'e3', source: 'wsgi', target: 'api' },
        { id: 'e4', source: 'api', target: 'db' },
      ],
    },
  },
  'uwsgi-unix-socket': {
    id: 'uwsgi-unix-socket',
    title: 'Nginx + uWSGI over a unix socket',
    summary: 'nginx talks the uwsgi protocol (uwsgi_pass) to uWSGI’s socket on a shared volume.',
    file: {
      format: 'stacksketch/v2',
      name: 'flask-uwsgi-socket',
      nodes: [
        { id: 'browser', kind: 'client', position: { x: 0, y: 140 }, props: { label: 'Browser' } },
        {
          id: 'proxy',
          kind: 'nginx',
          container: 'web',
          position: { x: 240, y: 120 },
          props: { listen: 80, serverName: 'localhost' },
        },
        {
          id: 'uwsgi',
          kind: 'uwsgi',
          container: 'app',
          position: { x: 560, y: 120 },
          props: {
            protocol: 'uwsgi',
            transport: 'unix',
            socketPath: '/run/uwsgi/uwsgi.sock',
            processes: 4,
            threads: 2,
          },
        },
        {
          id: 'api',
          kind: 'flask',
          container: 'app',
          position: { x: 820, y: 120 },
          props: { module: 'app', callable: 'app' },
        },
        {
          id: 'db',
          kind: 'sqlite',
          container: 'app',
          position: { x: 1080, y: 120 },
          props: { file: '/data/app.db' },
        },
      ],
      edges: [
        { id: 'e1', source: 'browser', target: 'proxy' },
        { id: 'e2', source: 'proxy', target: 'uwsgi', props: { route: '/', pass: 'uwsgi_pass' } },
        { id: 'e3', source: 'uwsgi', target: 'api' },
        { id: 'e4', source: 'api', target: 'db' },
      ],
    },
  },
  'react-nginx-gunicorn': {
    id: 'react-nginx-gunicorn',
    title: 'React + Nginx + Gunicorn',
    summary: 'nginx serves the React build and proxies /api/ to Gunicorn and Flask in their own container.',
    file: {
      format: 'stacksketch/v2',
      name: 'react-flask-app',
      nodes: [
        { id: 'browser', kind: 'client', position: { x: 0, y: 200 }, props: { label: 'Browser' } },
        {
          id: 'proxy',
          kind: 'nginx',
          container: 'web',
          position: { x: 240, y: 200 },
          props: { listen: 80, serverName: 'localhost' },
        },
        {
          id: 'spa',
          kind: 'react-static',
          container: 'web',
          position: { x: 240, y: 40 },
          props: { spaFallback: true },
        },
        {
          id: 'wsgi',
          kind: 'gunicorn',
          container: 'app',
          position: { x: 560, y: 200 },
          props: { transport: 'tcp', port: 8000, workers: 3 },
        },
        {
          id: 'api',
          kind: 'flask',
          container: 'app',
          position: { x: 820, y: 200 },
          props: { module: 'app', callable: 'app' },
        },
        {
          id: 'db',
          kind: 'sqlite',
          container: 'app',
          position: { x: 1080, y: 200 },
          props: { file: '/data/app.db' },
        },
      ],
      edges: [
        { id: 'e1', source: 'browser', target: 'proxy' },
        { id: 'e2', source: 'proxy', target: 'spa', props: { route: '/' } },
        { id: 'e3', source: 'proxy', target: 'wsgi', props: { route: '/api/' } },
        { id: 'e4', source: 'wsgi', target: 'api' },
        { id: 'e5', source: 'api', target: 'db' },
      ],
    },
  },
  'flask-dev-server': {
    id: 'flask-dev-server',
    title: 'Flask dev server behind nginx (anti-pattern)',
    summary:
      'Works, but the Werkzeug development server is not built for production: StackSketch warns and explains why.',
    file: {
      format: 'stacksketch/v2',
      name: 'flask-dev-server',
      nodes: [
        { id: 'browser', kind: 'client', position: { x: 0, y: 140 }, props: { label: 'Browser' } },
        {
          id: 'proxy',
          kind: 'nginx',
          container: 'web',
          position: { x: 240, y: 120 },
          props: { listen: 80, serverName: 'localhost' },
        },
        {
          id: 'api',
          kind: 'flask',
          container: 'app',
          position: { x: 560, y: 120 },
          props: { module: 'app', callable: 'app', port: 5000 },
        },
        {
          id: 'db',
          kind: 'sqlite',
          container: 'app',
          position: { x: 820, y: 120 },
          props: { file: '/data/app.db' },
        },
      ],
      edges: [
        { id: 'e1', source: 'browser', target: 'proxy' },
        { id: 'e2', source: 'proxy', target: 'api', props: { route: '/' } },
        { id: 'e3', source: 'api', target: 'db' },
      ],
    },
  },
  'load-balanced-gunicorn': {
    id: 'load-balanced-gunicorn',
    title: 'Load-balanced Gunicorn (3 copies)',
    summary:
      'nginx balances over three copies of the Gunicorn + Flask container over TCP; they share one SQLite file (warned: every write waits its turn).',
    file: {
      format: 'stacksketch/v2',
      name: 'load-balanced-gunicorn',
      containers: { web: {}, app: { replicas: 3 } },
      nodes: [
        { id: 'browser', kind: 'client', position: { x: 0, y: 140 }, props: { label: 'Browser' } },
        {
          id: 'proxy',
          kind: 'nginx',
          container: 'web',
          position: { x: 240, y: 120 },
          props: { listen: 80, serverName: 'localhost' },
        },
        {
          id: 'wsgi',
          kind: 'gunicorn',
          container: 'app',
          position: { x: 560, y: 120 },
          props: { transport: 'tcp', port: 8000, workers: 2, maxRequests: 1000, maxRequestsJitter: 100 },
        },
        {
          id: 'api',
          kind: 'flask',
          container: 'app',
          position: { x: 820, y: 120 },
          props: { module: 'app', callable: 'app' },
        },
        {
          id: 'db',
          kind: 'sqlite',
          container: 'app',
          position: { x: 1080, y: 120 },
          props: { file: '/data/app.db' },
        },
      ],
      edges: [
        { id: 'e1', source: 'browser', target: 'proxy' },
        { id: 'e2', source: 'proxy', target: 'wsgi', props: { route: '/', balance: 'least-conn' } },
        { id: 'e3', source: 'wsgi', target: 'api' },
        { id: 'e4', source: 'api', target: 'db' },
      ],
    },
  },
  'django-gunicorn-nginx': {
    id: 'django-gunicorn-nginx',
    title: 'React + Nginx + Gunicorn + Django',
    summary:
      'nginx serves the React build and the collected Django static files, and proxies /api/ to Gunicorn running Django with SQLite.',
    file: {
      format: 'stacksketch/v2',
      name: 'django-gunicorn-nginx',
      nodes: [
        { id: 'browser', kind: 'client', position: { x: 0, y: 200 }, props: { label: 'Browser' } },
        {
          id: 'proxy',
          kind: 'nginx',
          container: 'web',
          position: { x: 240, y: 200 },
          props: { listen: 80, serverName: 'localhost' },
        },
        {
          id: 'spa',
          kind: 'react-static',
          container: 'web',
          position: { x: 240, y: 40 },
          props: { spaFallback: true },
        },
        {
          id: 'wsgi',
          kind: 'gunicorn',
          container: 'app',
          position: { x: 560, y: 200 },
          props: { transport: 'tcp', port: 8000, workers: 3 },
        },
        {
          id: 'site',
          kind: 'django',
          container: 'app',
          position: { x: 820, y: 200 },
          props: { project: 'mysite', staticRoute: '/static/' },
        },
        {
          id: 'db',
          kind: 'sqlite',
          container: 'app',
          position: { x: 1080, y: 200 },
          props: { file: '/data/app.db' },
        },
      ],
      edges: [
        { id: 'e1', source: 'browser', target: 'proxy' },
        { id: 'e2', source: 'proxy', target: 'spa', props: { route: '/' } },
        { id: 'e3', source: 'proxy', target: 'wsgi', props: { route: '/api/' } },
        { id: 'e4', source: 'wsgi', target: 'site' },
        { id: 'e5', source: 'site', target: 'db' },
      ],
    },
  },
  'https-letsencrypt': {
    id: 'https-letsencrypt',
    title: 'HTTPS with Let’s Encrypt',
    summary:
      'The standard stack on a public domain: nginx terminates HTTPS with a certificate certbot obtains and renews, and redirects HTTP.',
    file: {
      format: 'stacksketch/v2',
      name: 'https-letsencrypt',
      nodes: [
        { id: 'browser', kind: 'client', position: { x: 0, y: 140 }, props: { label: 'Browser' } },
        {
          id: 'proxy',
          kind: 'nginx',
          container: 'web',
          position: { x: 240, y: 120 },
          props: {
            listen: 80,
            serverName: 'shop.example.com',
            tls: 'letsencrypt',
            httpsPort: 443,
            redirectHttp: true,
            hsts: true,
            email: 'ops@example.com',
          },
        },
        {
          id: 'wsgi',
          kind: 'gunicorn',
          container: 'app',
          position: { x: 560, y: 120 },
          props: { transport: 'tcp', port: 8000, workers: 'auto' },
        },
        {
          id: 'api',
          kind: 'flask',
          container: 'app',
          position: { x: 820, y: 120 },
          props: { module: 'app', callable: 'app' },
        },
        {
          id: 'db',
          kind: 'sqlite',
          container: 'app',
          position: { x: 1080, y: 120 },
          props: { file: '/data/app.db' },
        },
      ],
      edges: [
        { id: 'e1', source: 'browser', target: 'proxy' },
        { id: 'e2', source: 'proxy', target: 'wsgi', props: { route: '/' } },
        { id: 'e3', source: 'wsgi', target: 'api' },
        { id: 'e4', source: 'api', target: 'db' },
      ],
    },
  },
};

export const TEMPLATES: readonly TemplateInfo[] = TEMPLATE_IDS.map((id) => {
  const { title, summary } = SOURCES[id];
  return { id, title, summary };
});

export function isTemplateId(value: string): value is TemplateId {
  return (TEMPLATE_IDS as readonly string[]).includes(value);
}

/** A fresh copy of a template, loaded like any file so defaults are applied. */
export function loadTemplate(id: TemplateId): Design {
  const result = loadDesign(structuredClone(SOURCES[id].file));
  if (!result.ok) throw new Error(`template ${id} does not load: ${JSON.stringify(result.errors)}`);
  return result.design;
}
