import { gunicornStack } from './examples';
import { nodeName } from '../fixes';
import type { Diagnostic, Rule } from '../types';
import { nginxNodes } from './tlsNames';

export const tlsNeedsEmail: Rule = {
  id: 'tls-needs-email',
  severity: 'error',
  summary: 'An nginx with `tls` "letsencrypt" has no `email`.',
  why: 'Let’s Encrypt writes to the account address before a certificate expires; without one, a renewal that keeps failing goes unnoticed until browsers refuse the site. certbot also refuses to register without an address unless told to go on without one.',
  check(current) {
    return nginxNodes(current)
      .filter(({ props }) => props.tls === 'letsencrypt' && props.email === '')
      .map(({ node }): Diagnostic => ({
        rule: 'tls-needs-email',
        severity: 'error',
        message: `${nodeName(node)} gets its certificate from Let’s Encrypt but has no e-mail address: expiry notices would go nowhere, and certbot refuses to register without one. Enter the address of whoever looks after the site.`,
        nodes: [node.id],
        edges: [],
      }));
  },
  examples: {
    fires: gunicornStack({ nginx: { serverName: 'shop.example.com', tls: 'letsencrypt' } }),
    nearMiss: gunicornStack({
      nginx: { serverName: 'shop.example.com', tls: 'letsencrypt', email: 'ops@example.com' },
    }),
  },
};
