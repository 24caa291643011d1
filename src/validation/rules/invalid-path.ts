import { gunicornStack } from './examples';
import { fieldRule } from '../fieldRule';

export const invalidPath = fieldRule({
  id: 'invalid-path',
  summary:
    'A unix socket path (Gunicorn/uWSGI `socketPath`, checked whatever the transport), SQLite `file` or nginx `certFile`/`keyFile` that is not absolute, or contains `..`, whitespace, `;{}"\'$`, `%` or control characters.',
  why: 'Paths are written into nginx.conf, gunicorn.conf.py, uwsgi.ini and docker-compose.yml, and their folder becomes a volume. A relative or `..` path points somewhere else than the container expects, and quotes, `;`, `$`, `%` or line breaks would break out of the value (`%` and `$` are expanded by uWSGI).',
  examples: {
    fires: gunicornStack({ sqlite: { file: '../../etc/app.db' } }),
    nearMiss: gunicornStack({ sqlite: { file: '/data/shop/app.db' } }),
  },
});
