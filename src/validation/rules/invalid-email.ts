import { gunicornStack } from './examples';
import { fieldRule } from '../fieldRule';

export const invalidEmail = fieldRule({
  id: 'invalid-email',
  summary:
    'An nginx `email` that is set and is not a plain address (`local@domain.tld`, ASCII, no spaces, quotes, `;` or `$`).',
  why: 'The address is passed to certbot in the generated scripts and registered with Let’s Encrypt. Anything beyond a plain address (a quote, a `;`, a line break, a leading `-`) could end the value and run or pass something else.',
  examples: {
    fires: gunicornStack({
      nginx: { serverName: 'shop.example.com', tls: 'letsencrypt', email: 'ops@example.com; rm -rf /' },
    }),
    nearMiss: gunicornStack({
      nginx: { serverName: 'shop.example.com', tls: 'letsencrypt', email: 'ops+certs@example.com' },
    }),
  },
});
