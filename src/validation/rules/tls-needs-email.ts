import { gunicornStack } from './examples';
import { nodeName } from '../fixes';
import type { Diagnostic, Rule } from '../types';
import { nginxNodes } from './tlsNames';

export const tlsNeedsEmail: Rule = {
  id: 'tls-needs-email',
  severity: 'error',
  summary: 'An nginx with `tls` "letsencrypt" has no `email`.',
  why: 'Let’s Encrypt writes to the account address before a certificate expires; without one, a renewal that keeps failing goes unnoticed until browsers refuse the site. certbot also refuses to register without an address unless told to go on without one.',
  reads: 'part',
  check(current, { text }) {
    return nginxNodes(current)
      .filter(({ props }) => props.tls === 'letsencrypt' && props.email === '')
      .map(({ node }): Diagnostic => ({
        rule: 'tls-needs-email',
        severity: 'error',
        message: text['tls-needs-email'].message({ node: nodeName(node) }),
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
