import { gunicornStack } from './examples';
import { fieldRule } from '../fieldRule';

export const invalidPythonName = fieldRule({
  id: 'invalid-python-name',
  summary:
    'A Flask `module` that is not a dotted Python name (`app`, `shop.api`), or a `callable` that is not a Python identifier.',
  why: 'The WSGI server imports `module:callable` (Gunicorn’s app argument, uWSGI’s `module =`), and the generated `wsgi.py` imports it too. Anything else fails to import at start-up, or would put foreign text into Python code and config files.',
  examples: {
    fires: gunicornStack({ flask: { module: 'app;import os', callable: 'app' } }),
    nearMiss: gunicornStack({ flask: { module: 'shop.api', callable: 'create_app' } }),
  },
});
