import type { NodeKind } from './types';
import type { TlsMode } from './nginx/descriptor';

/**
 * What the config import (src/importers) finds, as node kinds: the one place that turns a recognised
 * program or file into a kind, so the importers themselves never name kinds.
 */
export const IMPORTED_KIND = {
  client: 'client',
  proxy: 'nginx',
  gunicornServer: 'gunicorn',
  uwsgiServer: 'uwsgi',
  flaskApp: 'flask',
  djangoProject: 'django',
  sqliteFile: 'sqlite',
  staticBuild: 'react-static',
} as const satisfies Record<string, NodeKind>;

/** The uWSGI node's `protocol` values: `socket` speaks the binary uwsgi protocol, `http-socket` HTTP. */
export const UWSGI_PROTOCOL = { binary: 'uwsgi', http: 'http' } as const;

/** The nginx node's `tls` modes the import recognises (where the certificate comes from). */
export const IMPORTED_TLS = {
  selfSigned: 'self-signed',
  letsencrypt: 'letsencrypt',
  files: 'files',
} as const satisfies Record<string, TlsMode>;
