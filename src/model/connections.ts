import type { NodeKind, Protocol } from '../nodes/registry';
import type { PassDirective } from './design';

export type ConnectionVerdict =
  | { allowed: true; protocol: Protocol; meaning: string; sameContainer: boolean; alwaysError?: string }
  | { allowed: false; reason: string };

type MatrixEntry = { protocol: Protocol; meaning: string; sameContainer: boolean; alwaysError?: string };

const EXPOSED =
  'A client talking straight to an app server has no buffering proxy in front: slow clients tie up the workers. Draw it through nginx.';

/** DESIGN.md §3, the one connection matrix for the canvas and the validator. */
const MATRIX: Partial<Record<NodeKind, Partial<Record<NodeKind, MatrixEntry>>>> = {
  client: {
    nginx: { protocol: 'http', meaning: 'HTTP request', sameContainer: false },
    gunicorn: {
      protocol: 'http',
      meaning: 'HTTP straight to Gunicorn',
      sameContainer: false,
      alwaysError: EXPOSED,
    },
    uwsgi: {
      protocol: 'http',
      meaning: 'HTTP straight to uWSGI',
      sameContainer: false,
      alwaysError: EXPOSED,
    },
    flask: {
      protocol: 'http',
      meaning: 'HTTP straight to the Flask dev server',
      sameContainer: false,
      alwaysError: EXPOSED,
    },
  },
  nginx: {
    'react-static': { protocol: 'static', meaning: 'nginx serves the built files', sameContainer: true },
    gunicorn: { protocol: 'http', meaning: 'proxy_pass to Gunicorn', sameContainer: false },
    uwsgi: { protocol: 'uwsgi', meaning: 'uwsgi_pass or proxy_pass to uWSGI', sameContainer: false },
    flask: { protocol: 'http', meaning: 'proxy_pass to the Flask dev server', sameContainer: false },
  },
  gunicorn: {
    flask: { protocol: 'wsgi', meaning: 'imports module:callable in-process', sameContainer: true },
  },
  uwsgi: { flask: { protocol: 'wsgi', meaning: 'imports module:callable in-process', sameContainer: true } },
  flask: { sqlite: { protocol: 'file', meaning: 'opens the database file', sameContainer: true } },
};

const LABEL: Record<NodeKind, string> = {
  client: 'a client',
  nginx: 'nginx',
  gunicorn: 'Gunicorn',
  uwsgi: 'uWSGI',
  flask: 'a Flask app',
  sqlite: 'SQLite',
  'react-static': 'a React build',
};

function refusal(source: NodeKind, target: NodeKind): string {
  if (source === 'sqlite') return 'SQLite is a file that the app opens; it calls nothing.';
  if (source === 'react-static')
    return 'A React build is static files that nginx serves; it calls nothing on the server.';
  if (target === 'client') return 'Nothing in the stack calls the client: edges point from caller to callee.';
  if (target === 'sqlite') return 'Only a Flask app opens a SQLite file.';
  if (target === 'react-static') return 'Only nginx serves a React build.';
  if (source === 'client') return 'A client reaches the stack through nginx.';
  if (target === 'nginx') return 'Nginx is the front door: only clients connect to it.';
  if (source === 'flask') return 'A Flask app only opens its SQLite database.';
  if (source === 'gunicorn' || source === 'uwsgi') return `${LABEL[source]} only runs a Flask app.`;
  return `${LABEL[source]} cannot call ${LABEL[target]}.`;
}

export function canConnect(source: NodeKind, target: NodeKind): ConnectionVerdict {
  // One frozen verdict per pair of kinds: the validator, the Mermaid chart and the canvas ask for
  // every edge, and a fresh object (with a spread) per edge was most of the chart's garbage.
  let byTarget = verdicts.get(source);
  if (!byTarget) verdicts.set(source, (byTarget = new Map()));
  let verdict = byTarget.get(target);
  if (!verdict) byTarget.set(target, (verdict = Object.freeze(judge(source, target))));
  return verdict;
}

/** Filled only with the kinds that are asked about: the registry's seven, in practice. */
const verdicts = new Map<NodeKind, Map<NodeKind, ConnectionVerdict>>();

function judge(source: NodeKind, target: NodeKind): ConnectionVerdict {
  const entry = MATRIX[source]?.[target];
  if (!entry)
    return {
      allowed: false,
      reason: `${LABEL[source]} → ${LABEL[target]} is not a connection: ${refusal(source, target)}`,
    };
  return { allowed: true, ...entry };
}

/** The label an edge shows on the canvas: what flows over it. */
const PROTOCOL_LABELS: Record<Protocol, string> = {
  http: 'HTTP',
  uwsgi: 'uwsgi',
  wsgi: 'WSGI',
  file: 'file',
  static: 'static',
};

export function protocolLabel(protocol: Protocol): string {
  return PROTOCOL_LABELS[protocol];
}

/** The nginx directive that speaks a uWSGI protocol: `uwsgi_pass` for `socket`, `proxy_pass` for `http-socket`. */
export function matchingPass(protocol: 'uwsgi' | 'http'): PassDirective {
  return protocol === 'http' ? 'proxy_pass' : 'uwsgi_pass';
}
