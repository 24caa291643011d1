import { gunicornStack } from './examples';
import { fieldRule } from '../fieldRule';

export const invalidSize = fieldRule({
  id: 'invalid-size',
  summary:
    'An nginx `clientMaxBodySize` that is not a number with an optional `k`, `m` or `g` suffix (like `10m`).',
  why: 'The value becomes `client_max_body_size` in nginx.conf; nginx accepts only a size there, and any other text would either stop nginx from starting or end the directive early.',
  examples: {
    fires: gunicornStack({ nginx: { clientMaxBodySize: '10 MB' } }),
    nearMiss: gunicornStack({ nginx: { clientMaxBodySize: '512k' } }),
  },
});
