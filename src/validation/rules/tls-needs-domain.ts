import type { Design } from '../../model/design';
import { setNodeProps } from '../../model/edit';
import { gunicornStack } from './examples';
import { nodeName } from '../fixes';
import type { Diagnostic, Rule } from '../types';
import { isPublicDomain, nginxNodes, serverNamesOf } from './tlsNames';

export const tlsNeedsDomain: Rule = {
  id: 'tls-needs-domain',
  severity: 'error',
  summary:
    'An nginx with `tls` "letsencrypt" has a server name that is `localhost`, `_`, an IP address, a wildcard, or a name without a dot.',
  why: 'A public CA proves that you control each name by fetching a file from it over the internet (HTTP-01). It cannot reach `localhost`, an IP address or a single-label name, `_` names no host, and wildcards need a DNS challenge. certbot would fail at every start.',
  fixSummary: 'Use a self-signed certificate instead (for local use).',
  reads: 'part',
  check(current, { text }) {
    return nginxNodes(current).flatMap(({ node, props }): Diagnostic[] => {
      if (props.tls !== 'letsencrypt') return [];
      const bad = serverNamesOf(node).filter((name) => !isPublicDomain(name));
      if (bad.length === 0) return [];
      return [
        {
          rule: 'tls-needs-domain',
          severity: 'error',
          message: text['tls-needs-domain'].message({ node: nodeName(node), names: bad }),
          nodes: [node.id],
          edges: [],
          fix: {
            label: text['tls-needs-domain'].fix({ node: nodeName(node) }),
            apply: (next: Design) => setNodeProps(next, node.id, { tls: 'self-signed' }),
          },
        },
      ];
    });
  },
  examples: {
    fires: gunicornStack({
      nginx: { serverName: 'localhost', tls: 'letsencrypt', email: 'ops@example.com' },
    }),
    nearMiss: gunicornStack({
      nginx: { serverName: 'shop.example.com', tls: 'letsencrypt', email: 'ops@example.com' },
    }),
  },
};
