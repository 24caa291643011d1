import type { Design, DesignNode } from '../../model/design';
import { design, e, n } from './examples';
import { setNodeProps } from '../../model/edit';
import { isWsgiServer, listenerOf } from '../../nodes/registry';
import { nodeName } from '../fixes';
import type { Rule } from '../types';
import { groupPush } from '../../model/group';

function socketOf(node: DesignNode): string | undefined {
  const listener = listenerOf(node);
  return listener?.kind === 'unix' ? listener.path : undefined;
}

/** Give the node `/run/<kind>/<kind>-N.sock`, the first N no other server uses. */
function ownSocket(current: Design, nodeId: string): Design {
  const node = current.nodes.find((candidate) => candidate.id === nodeId);
  if (!node || !isWsgiServer(node)) return current;
  // Every server's socket path, whatever its transport: a later switch to unix must not collide.
  const used = new Set(
    current.nodes.filter(isWsgiServer).map((other) => (other.props as { socketPath?: string }).socketPath),
  );
  let i = 2;
  while (used.has(`/run/${node.kind}/${node.kind}-${i}.sock`)) i++;
  return setNodeProps(current, nodeId, { socketPath: `/run/${node.kind}/${node.kind}-${i}.sock` });
}

function twoServers(secondPath: string) {
  return design(
    [
      n('browser', 'client'),
      n('proxy', 'nginx', 'web'),
      n('shop', 'uwsgi', 'shop', { transport: 'unix', socketPath: '/run/uwsgi/uwsgi.sock' }),
      n('shop-app', 'flask', 'shop'),
      n('blog', 'uwsgi', 'blog', { transport: 'unix', socketPath: secondPath }),
      n('blog-app', 'flask', 'blog'),
    ],
    [
      e('e1', 'browser', 'proxy'),
      e('e2', 'proxy', 'shop', { route: '/shop/' }),
      e('e3', 'proxy', 'blog', { route: '/blog/' }),
      e('e4', 'shop', 'shop-app'),
      e('e5', 'blog', 'blog-app'),
    ],
  );
}

export const socketConflict: Rule = {
  id: 'socket-conflict',
  severity: 'error',
  summary: 'Two Gunicorn/uWSGI servers listen on the same unix socket path.',
  why: 'A unix socket is a file on a volume shared with nginx. Two servers binding one path replace each other’s socket file (or fail to start), and nginx can no longer tell which server it is talking to.',
  fixSummary: 'Give the last server of the group its own socket, `/run/<kind>/<kind>-N.sock`.',
  check(current, { text }) {
    const t = text['socket-conflict'];
    const byPath = new Map<string, DesignNode[]>();
    for (const node of current.nodes) {
      const path = socketOf(node);
      if (path !== undefined) groupPush(byPath, path, node);
    }
    return [...byPath].flatMap(([path, nodes]) => {
      if (nodes.length < 2) return [];
      const last = nodes[nodes.length - 1]!;
      return [
        {
          rule: 'socket-conflict',
          severity: 'error' as const,
          message: t.message({ nodes: nodes.map(nodeName), path }),
          nodes: nodes.map((node) => node.id),
          edges: [],
          fix: {
            label: t.fix({ node: nodeName(last) }),
            apply: (d: Design) => ownSocket(d, last.id),
          },
        },
      ];
    });
  },
  examples: { fires: twoServers('/run/uwsgi/uwsgi.sock'), nearMiss: twoServers('/run/uwsgi/blog.sock') },
};
