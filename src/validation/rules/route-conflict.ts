import { design, e, n } from './examples';
import type { DesignEdge, DesignNode } from '../../model/design';
import { descriptorOf, isApp, isProxy, isWsgiServer } from '../../nodes/registry';
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

/** The app behind a proxy's connection: the target itself, or the app the WSGI server there runs. */
function appBehind(
  target: DesignNode,
  nodeById: ReadonlyMap<string, DesignNode>,
  edgesOut: (id: string) => readonly DesignEdge[],
): DesignNode | null {
  if (isApp(target)) return target;
  if (!isWsgiServer(target)) return null;
  const apps = edgesOut(target.id)
    .map((link) => nodeById.get(link.target))
    .filter((node): node is DesignNode => node !== undefined && isApp(node));
  return apps[0] ?? null;
}

/** The static files route of the app behind a connection (nginx serves it as a location of its own). */
function staticRouteBehind(
  target: DesignNode,
  nodeById: ReadonlyMap<string, DesignNode>,
  edgesOut: (id: string) => readonly DesignEdge[],
): { route: string; app: DesignNode } | null {
  const app = appBehind(target, nodeById, edgesOut);
  const route = app ? (descriptorOf(app.kind).staticRoute?.(app.props as never) ?? null) : null;
  return app && route ? { route, app } : null;
}

export const routeConflict: Rule = {
  id: 'route-conflict',
  severity: 'error',
  summary:
    'One nginx has two outgoing connections with the same route (a missing route counts as `/`), or a route equal to the static files route of an app it reaches.',
  why: 'Each connection becomes a `location` block, and so does the static files route (`staticRoute`) of an app nginx reaches; two blocks with the same prefix make nginx refuse the configuration ("duplicate location"), and even if it did not, only one of them could ever receive the requests. Give each connection its own prefix, like `/` for the React build and `/api/` for the app.',
  reads: 'part',
  check(current, { nodeById, edgesOut, text }) {
    return current.nodes.filter(isProxy).flatMap((proxy) => {
      const outgoing = edgesOut(proxy.id);
      // Each place a route goes: a connection's target, or the static files of the app behind one.
      const byRoute = new Map<
        string,
        { link: (typeof current.edges)[number]; place: string; node: string }[]
      >();
      const staticFilesOf = text['route-conflict'].staticFilesOf;
      for (const link of outgoing) {
        const target = nodeById.get(link.target)!;
        groupPush(byRoute, link.props.route ?? '/', { link, place: nodeName(target), node: target.id });
        const files = staticRouteBehind(target, nodeById, edgesOut);
        if (files)
          groupPush(byRoute, files.route, {
            link,
            place: staticFilesOf({ app: nodeName(files.app) }),
            node: files.app.id,
          });
      }
      return [...byRoute].flatMap(([route, places]) =>
        places.length < 2
          ? []
          : [
              {
                rule: 'route-conflict',
                severity: 'error' as const,
                message: text['route-conflict'].message({
                  proxy: nodeName(proxy),
                  route,
                  targets: places.map((p) => p.place),
                }),
                nodes: [...new Set([proxy.id, ...places.map((p) => p.node)])],
                edges: [...new Set(places.map((p) => p.link.id))],
              },
            ],
      );
    });
  },
  examples: { fires: twoRoutes('/'), nearMiss: twoRoutes('/api/') },
};
