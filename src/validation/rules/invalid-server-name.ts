import { gunicornStack } from './examples';
import { fieldRule } from '../fieldRule';

export const invalidServerName = fieldRule({
  id: 'invalid-server-name',
  summary:
    'An nginx `serverName` that is not `_`, `localhost`, or RFC 1123 host names (optionally starting with `*.`), separated by single spaces.',
  why: 'The value is written into `server_name` in nginx.conf. Anything beyond host names (a `;`, a brace, a line break) would end the directive and let the text add its own configuration, the injection route behind a run of ingress-nginx CVEs.',
  examples: {
    fires: gunicornStack({ nginx: { serverName: 'example.com; } server { listen 81; }' } }),
    nearMiss: gunicornStack({ nginx: { serverName: 'example.com *.example.com' } }),
  },
});
