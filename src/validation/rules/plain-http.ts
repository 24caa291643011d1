import type { Design } from '../../model/design';
import { setNodeProps } from '../../model/edit';
import { gunicornStack } from './examples';
import { nodeName } from '../fixes';
import type { Diagnostic, Rule } from '../types';
import { clientEdges, isPublicName, nginxNodes, serverNamesOf } from './tlsNames';

export const plainHttp: Rule = {
  id: 'plain-http',
  severity: 'warning',
  summary:
    'An nginx that a client reaches serves a public domain (a dotted name that is not `localhost` or an IP address) with `tls` "off".',
  why: 'Without HTTPS, passwords, session cookies and every page cross the internet in clear text: anyone on the path (a café’s Wi-Fi, a provider) can read and change them. Terminating HTTPS is one of nginx’s jobs in front of the app.',
  fixSummary:
    'Turn on HTTPS with a self-signed certificate (then switch to Let’s Encrypt with an e-mail address).',
  reads: 'part',
  check(current, context) {
    return nginxNodes(current).flatMap(({ node, props }): Diagnostic[] => {
      if (props.tls !== 'off') return [];
      const { text } = context;
      const edges = clientEdges(node, context);
      const publicNames = serverNamesOf(node).filter(isPublicName);
      if (edges.length === 0 || publicNames.length === 0) return [];
      return [
        {
          rule: 'plain-http',
          severity: 'warning',
          message: text['plain-http'].message({ node: nodeName(node), names: publicNames }),
          nodes: [node.id],
          edges,
          fix: {
            label: text['plain-http'].fix({ node: nodeName(node) }),
            apply: (next: Design) => setNodeProps(next, node.id, { tls: 'self-signed' }),
          },
        },
      ];
    });
  },
  examples: {
    fires: gunicornStack({ nginx: { serverName: 'shop.example.com' } }),
    nearMiss: gunicornStack({ nginx: { serverName: 'shop.example.com', tls: 'self-signed' } }),
  },
};
