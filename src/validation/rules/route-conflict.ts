import { design, e, n } from './examples';
import { isProxy } from '../../nodes/registry';
import { nodeName } from '../fixes';
import type { Rule } from '../types';
import { groupPush } from '../../model/group';

function twoRoutes(second: string) {
  return design(
    [
      n('browser', 'client'),
      n('proxy', 'nginx', 'web'),
      n('spa', 'react-static', 'web'),
      n('wsgi', 'gunicorn', 'app'),
      n('api', 'flask', 'app'),
    ],
    [
      e('e1', 'browser', 'proxy'),
      e('e2', 'proxy', 'spa', { route: '/' }),
      e('e3', 'proxy', 'wsgi', { route: second }),
      e('e4', 'wsgi', 'api'),
    ],
  );
}

export const routeConflict: Rule = {
  id: 'route-conflict',
  severity: 'error',
  summary: 'One nginx has two outgoing connections with the same route (a missing route counts as `/`).',
  why: 'Each connection becomes a `location` block; two blocks with the same prefix make nginx refuse the configuration ("duplicate location"), and even if it did not, only one of them could ever receive the requests. Give each connection its own prefix, like `/` for the React build and `/api/` for the app.',
  check(current, { nodeById, edgesOut, text }) {
    return current.nodes.filter(isProxy).flatMap((proxy) => {
      const outgoing = edgesOut(proxy.id);
      const byRoute = new Map<string, typeof current.edges>();
      for (const link of outgoing) {
        const route = link.props.route ?? '/';
        groupPush(byRoute, route, link);
      }
      return [...byRoute].flatMap(([route, links]) =>
        links.length < 2
          ? []
          : [
              {
                rule: 'route-conflict',
                severity: 'error' as const,
                message: text['route-conflict'].message({
                  proxy: nodeName(proxy),
                  route,
                  targets: links.map((l) => nodeName(nodeById.get(l.target)!)),
                }),
                nodes: [proxy.id, ...links.map((l) => l.target)],
                edges: links.map((l) => l.id),
              },
            ],
      );
    });
  },
  examples: { fires: twoRoutes('/'), nearMiss: twoRoutes('/api/') },
};
