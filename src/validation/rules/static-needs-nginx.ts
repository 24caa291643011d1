import type { Design } from '../../model/design';
import { insertEdge, moveNodesToContainer, newEdge, uniqueId } from '../../model/edit';
import { isProxy, isStatic } from '../../nodes/registry';
import { design, e, n } from './examples';
import { nodeName } from '../fixes';
import type { Rule } from '../types';

/** The first of "/", "/static/", "/static-2/", … that `nginxId` does not route yet. */
function freeRoute(current: Design, nginxId: string): string {
  const used = new Set(current.edges.filter((e) => e.source === nginxId).map((e) => e.props.route ?? '/'));
  if (!used.has('/')) return '/';
  if (!used.has('/static/')) return '/static/';
  for (let i = 2; ; i++) if (!used.has(`/static-${i}/`)) return `/static-${i}/`;
}

/** Serve the build from `nginxId`'s container: move it there, and connect nginx to it when needed. */
function serveFrom(current: Design, staticId: string, nginxId: string): Design {
  const proxy = current.nodes.find((node) => node.id === nginxId);
  if (!proxy?.container) return current;
  const moved = moveNodesToContainer(current, [staticId], proxy.container);
  if (moved.edges.some((e) => e.source === nginxId && e.target === staticId)) return moved;
  const id = uniqueId(moved, `${nginxId}-${staticId}`);
  return insertEdge(moved, newEdge(id, nginxId, staticId, { route: freeRoute(moved, nginxId) }));
}

export const staticNeedsNginx: Rule = {
  id: 'static-needs-nginx',
  severity: 'error',
  summary: 'A React build is not served by an nginx in its own container.',
  why: 'A React build is plain HTML, CSS and JS files: nothing runs them on the server. Nginx serves them straight from its own filesystem (`root`, `try_files`), so the build belongs in nginx’s container, where a multi-stage Dockerfile builds it with Node and copies the result into the nginx image.',
  fixSummary:
    'Move the build into the container of the nginx that connects to it; when no nginx connects to it, connect one (preferably in its own container) with the first free route of `/`, `/static/`, …',
  check(current, { nodeById, edgesIn, text }) {
    const t = text['static-needs-nginx'];
    return current.nodes.filter(isStatic).flatMap((build) => {
      const servers = edgesIn(build.id, 'proxy').map((link) => nodeById.get(link.source)!);
      if (servers.some((proxy) => proxy.container === build.container)) return [];
      const candidates = servers.length > 0 ? servers : current.nodes.filter(isProxy);
      const chosen = candidates.find((node) => node.container === build.container) ?? candidates[0];
      const message =
        servers.length > 0
          ? t.elsewhere({
              build: nodeName(build),
              container: build.container ?? '',
              proxies: servers.map(nodeName),
            })
          : t.unserved({ build: nodeName(build) });
      return [
        {
          rule: 'static-needs-nginx',
          severity: 'error' as const,
          message,
          nodes: [build.id, ...servers.map((proxy) => proxy.id)],
          edges: edgesIn(build.id, 'proxy').map((link) => link.id),
          ...(chosen
            ? {
                fix: {
                  label: t.fix({
                    build: nodeName(build),
                    proxy: nodeName(chosen),
                    container: chosen.container ?? '',
                  }),
                  apply: (d: Design) => serveFrom(d, build.id, chosen.id),
                },
              }
            : {}),
        },
      ];
    });
  },
  examples: {
    fires: design(
      [n('browser', 'client'), n('proxy', 'nginx', 'web'), n('spa', 'react-static', 'frontend')],
      [e('e1', 'browser', 'proxy'), e('e2', 'proxy', 'spa', { route: '/' })],
    ),
    nearMiss: design(
      [n('browser', 'client'), n('proxy', 'nginx', 'web'), n('spa', 'react-static', 'web')],
      [e('e1', 'browser', 'proxy'), e('e2', 'proxy', 'spa', { route: '/' })],
    ),
  },
};
