import { matchingPass } from '../../model/connections';
import { isKind } from '../../model/design';
import { setEdgeProps } from '../../model/edit';
import { isProxy } from '../../nodes/registry';
import { uwsgiStack } from './examples';
import { nodeName, switchProtocol } from '../fixes';
import type { Rule } from '../types';

export const uwsgiPassNeedsSocket: Rule = {
  id: 'uwsgi-pass-needs-socket',
  severity: 'error',
  summary:
    'An nginx → uWSGI edge uses `uwsgi_pass`, but the uWSGI node listens with `http-socket` (protocol "http").',
  why: '`uwsgi_pass` speaks the binary uwsgi protocol, which only a uWSGI `socket` understands. An `http-socket` expects plain HTTP, closes the connection, and nginx answers every request with 502 Bad Gateway ("upstream prematurely closed connection").',
  fixSummary:
    'Switch uWSGI to `socket` (protocol "uwsgi"), the pair nginx expects; alternatively set the edge to `proxy_pass`.',
  check(design, { nodeById, text }) {
    const t = text['uwsgi-pass-needs-socket'];
    return design.edges.flatMap((edge) => {
      const source = nodeById.get(edge.source);
      const target = nodeById.get(edge.target);
      if (!source || !target || !isProxy(source) || !isKind(target, 'uwsgi')) return [];
      const pass = edge.props.pass ?? matchingPass(target.props.protocol);
      if (pass !== 'uwsgi_pass' || target.props.protocol !== 'http') return [];
      return [
        {
          rule: 'uwsgi-pass-needs-socket',
          severity: 'error' as const,
          message: t.message({ proxy: nodeName(source), server: nodeName(target) }),
          nodes: [source.id, target.id],
          edges: [edge.id],
          fix: {
            label: t.fix({ id: target.id }),
            apply: (current) => switchProtocol(current, target.id, 'uwsgi'),
          },
          alternatives: [
            {
              label: t.alternative,
              apply: (current) => setEdgeProps(current, edge.id, { pass: 'proxy_pass' }),
            },
          ],
        },
      ];
    });
  },
  examples: { fires: uwsgiStack('http', 'uwsgi_pass'), nearMiss: uwsgiStack('uwsgi', 'uwsgi_pass') },
};
