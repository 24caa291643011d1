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
  check(design, { nodeById }) {
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
          message: `${nodeName(source)} talks to ${nodeName(target)} with uwsgi_pass, but uWSGI listens with http-socket (plain HTTP). The binary uwsgi protocol meets an HTTP parser: uWSGI drops the connection and nginx answers 502 Bad Gateway ("upstream prematurely closed connection"). Switch uWSGI to socket, or use proxy_pass.`,
          nodes: [source.id, target.id],
          edges: [edge.id],
          fix: {
            label: `Switch uWSGI "${target.id}" to socket (uwsgi protocol)`,
            apply: (current) => switchProtocol(current, target.id, 'uwsgi'),
          },
          alternatives: [
            {
              label: `Use proxy_pass on this connection`,
              apply: (current) => setEdgeProps(current, edge.id, { pass: 'proxy_pass' }),
            },
          ],
        },
      ];
    });
  },
  examples: { fires: uwsgiStack('http', 'uwsgi_pass'), nearMiss: uwsgiStack('uwsgi', 'uwsgi_pass') },
};
