import { matchingPass } from '../../model/connections';
import { isKind } from '../../model/design';
import { setEdgeProps } from '../../model/edit';
import { isProxy } from '../../nodes/registry';
import { uwsgiStack } from './examples';
import { nodeName, switchProtocol } from '../fixes';
import type { Rule } from '../types';

export const proxyPassToUwsgiSocket: Rule = {
  id: 'proxy-pass-to-uwsgi-socket',
  severity: 'error',
  summary:
    'An nginx → uWSGI edge uses `proxy_pass`, but the uWSGI node speaks the uwsgi protocol (`socket`, protocol "uwsgi").',
  why: '`proxy_pass` sends plain HTTP. A uWSGI `socket` expects the binary uwsgi protocol that `uwsgi_pass` and `uwsgi_params` produce, so it cannot read the request and nginx answers 502 Bad Gateway.',
  fixSummary:
    'Switch uWSGI to `http-socket` (protocol "http"), which `proxy_pass` can talk to; alternatively set the edge to `uwsgi_pass`.',
  check(design, { nodeById, text }) {
    const t = text['proxy-pass-to-uwsgi-socket'];
    return design.edges.flatMap((edge) => {
      const source = nodeById.get(edge.source);
      const target = nodeById.get(edge.target);
      if (!source || !target || !isProxy(source) || !isKind(target, 'uwsgi')) return [];
      const pass = edge.props.pass ?? matchingPass(target.props.protocol);
      if (pass !== 'proxy_pass' || target.props.protocol !== 'uwsgi') return [];
      return [
        {
          rule: 'proxy-pass-to-uwsgi-socket',
          severity: 'error' as const,
          message: t.message({ proxy: nodeName(source), server: nodeName(target) }),
          nodes: [source.id, target.id],
          edges: [edge.id],
          fix: {
            label: t.fix({ id: target.id }),
            apply: (current) => switchProtocol(current, target.id, 'http'),
          },
          alternatives: [
            {
              label: t.alternative,
              apply: (current) => setEdgeProps(current, edge.id, { pass: 'uwsgi_pass' }),
            },
          ],
        },
      ];
    });
  },
  examples: { fires: uwsgiStack('uwsgi', 'proxy_pass'), nearMiss: uwsgiStack('http', 'proxy_pass') },
};
