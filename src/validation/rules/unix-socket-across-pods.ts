import type { Design, DesignNode } from '../../model/design';
import { setNodeProps } from '../../model/edit';
import { isProxy, listenerOf } from '../../nodes/registry';
import { gunicornStack, uwsgiStack } from './examples';
import { nodeName } from '../fixes';
import type { Diagnostic, Rule } from '../types';

/** A server whose listener is chosen by a `transport` prop (Gunicorn, uWSGI) can switch to TCP. */
function canSwitchToTcp(node: DesignNode): boolean {
  return Object.prototype.hasOwnProperty.call(node.props, 'transport');
}

export const unixSocketAcrossPods: Rule = {
  id: 'unix-socket-across-pods',
  severity: 'error',
  targets: ['kubernetes'],
  summary: 'nginx reaches a server in another container over a unix socket (the kubernetes target only).',
  why: 'On Kubernetes each container of the design becomes a Pod, and Pods share no files: a socket file written in one Pod never appears in another, so nginx would answer 502 to every request. Pods talk over the network: give the server a TCP port, or put nginx and the server in one container (one Pod).',
  fixSummary: 'Switch the server to TCP.',
  check(design, context) {
    const t = context.text['unix-socket-across-pods'];
    return design.edges.flatMap((edge): Diagnostic[] => {
      const proxy = context.nodeById.get(edge.source);
      const server = context.nodeById.get(edge.target);
      if (!proxy || !server || !isProxy(proxy)) return [];
      if (listenerOf(server)?.kind !== 'unix' || proxy.container === server.container) return [];
      const toTcp = {
        label: t.fix({ node: nodeName(server) }),
        apply: (current: Design) => setNodeProps(current, server.id, { transport: 'tcp' }),
      };
      return [
        {
          rule: 'unix-socket-across-pods',
          severity: 'error',
          message: t.message({
            proxy: nodeName(proxy),
            server: nodeName(server),
            proxyContainer: proxy.container ?? '',
            serverContainer: server.container ?? '',
          }),
          nodes: [proxy.id, server.id],
          edges: [edge.id],
          ...(canSwitchToTcp(server) ? { fix: toTcp } : {}),
        },
      ];
    });
  },
  // uWSGI listens on a unix socket by default; Gunicorn on TCP.
  examples: { fires: uwsgiStack('uwsgi', 'uwsgi_pass'), nearMiss: gunicornStack() },
};
