import { gunicornStack } from './examples';
import { fieldRule } from '../fieldRule';

export const invalidPort = fieldRule({
  id: 'invalid-port',
  summary:
    'A port (nginx `listen`, Gunicorn/uWSGI `port`, the Flask dev server `port`) that is not a whole number from 1 to 65535.',
  why: 'TCP ports are 16-bit numbers above 0; any other value makes the server fail to bind, and Docker Compose refuses to publish it.',
  examples: {
    fires: gunicornStack({ gunicorn: { port: 65536 } }),
    nearMiss: gunicornStack({ gunicorn: { port: 65535 } }),
  },
});
