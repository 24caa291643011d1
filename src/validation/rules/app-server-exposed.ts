import { passFor } from '../../model/connections';
import type { Design, DesignEdge, DesignNode } from '../../model/design';
import {
  connect,
  deleteElements,
  insertEdge,
  insertNode,
  newEdge,
  newNode,
  uniqueId,
  unusedContainer,
} from '../../model/edit';
import { isApp, isClient, isProxy, isWsgiServer } from '../../nodes/registry';
import { design, e, n } from './examples';
import { freeNginxPort, nodeName, positionBetween } from '../fixes';
import type { Rule } from '../types';

/** Put a new nginx between the client and the server: client → nginx → server (route "/"). */
function insertNginx(current: Design, exposed: DesignEdge): Design {
  const client = current.nodes.find((node) => node.id === exposed.source);
  const server = current.nodes.find((node) => node.id === exposed.target);
  if (!client || !server || !current.edges.some((e) => e.id === exposed.id)) return current;
  const nginxId = uniqueId(current, 'nginx');
  const container = unusedContainer(current, 'web');
  const listen = freeNginxPort(current, container);
  const proxy = newNode('nginx', nginxId, {
    container,
    props: { listen },
    position: positionBetween(client, server),
  });
  const withNode = insertNode(current, proxy);
  const toProxyId = uniqueId(withNode, `${client.id}-${nginxId}`);
  const toServerId = uniqueId(withNode, `${nginxId}-${server.id}`, [toProxyId]);
  const pass = passFor(server);
  const unexposed = deleteElements(withNode, [], [exposed.id]);
  const toProxy = insertEdge(unexposed, newEdge(toProxyId, client.id, nginxId));
  return insertEdge(
    toProxy,
    newEdge(toServerId, nginxId, server.id, { route: '/', ...(pass ? { pass } : {}) }),
  );
}

/** The nginx already on the canvas a fix routes the client through: one the client reaches first. */
function proxyToReuse(current: Design, clientId: string): DesignNode | undefined {
  const proxies = current.nodes.filter(isProxy);
  const reached = new Set(
    current.edges.filter((link) => link.source === clientId).map((link) => link.target),
  );
  return proxies.find((proxy) => reached.has(proxy.id)) ?? proxies[0];
}

/** Route the client through an nginx already there: client → nginx (when missing), nginx → server. */
function routeThroughNginx(current: Design, exposed: DesignEdge, proxyId: string): Design {
  if (!current.edges.some((e) => e.id === exposed.id)) return current;
  const unexposed = deleteElements(current, [], [exposed.id]);
  return connect(connect(unexposed, exposed.source, proxyId), proxyId, exposed.target);
}

export const appServerExposed: Rule = {
  id: 'app-server-exposed',
  severity: 'error',
  summary: 'A client connects straight to Gunicorn, uWSGI, Flask or Django instead of going through nginx.',
  why: 'App servers have no buffering proxy in front of them: a slow client holds a sync worker for the whole upload or download, and a handful of slow clients (Slowloris) exhaust every worker. Nginx buffers requests and responses, serves static files and terminates HTTPS, so the Python workers are busy only while the app computes.',
  fixSummary:
    'Route the client through nginx: through the nginx already in the design (the one the client reaches first), connected to the server; only when there is none, insert a new nginx node (container `web`, or `web-2`, … when `web` is taken), client → nginx, nginx → server with route `/`.',
  check(current, { nodeById, text }) {
    const t = text['app-server-exposed'];
    return current.edges.flatMap((exposed) => {
      const source = nodeById.get(exposed.source);
      const target = nodeById.get(exposed.target);
      if (!source || !target || !isClient(source) || !(isWsgiServer(target) || isApp(target))) return [];
      const reuse = proxyToReuse(current, source.id);
      return [
        {
          rule: 'app-server-exposed',
          severity: 'error' as const,
          message: t.message({ client: nodeName(source), server: nodeName(target), isApp: isApp(target) }),
          nodes: [source.id, target.id],
          edges: [exposed.id],
          fix: reuse
            ? {
                label: t.reuse({
                  client: nodeName(source),
                  proxy: nodeName(reuse),
                  server: nodeName(target),
                }),
                apply: (design: Design) => routeThroughNginx(design, exposed, reuse.id),
              }
            : {
                label: t.fix({ server: nodeName(target) }),
                apply: (design: Design) => insertNginx(design, exposed),
              },
        },
      ];
    });
  },
  examples: {
    fires: design(
      [n('browser', 'client'), n('wsgi', 'gunicorn', 'app'), n('api', 'flask', 'app')],
      [e('e1', 'browser', 'wsgi'), e('e2', 'wsgi', 'api')],
    ),
    nearMiss: design(
      [
        n('browser', 'client'),
        n('proxy', 'nginx', 'web'),
        n('wsgi', 'gunicorn', 'app'),
        n('api', 'flask', 'app'),
      ],
      [e('e1', 'browser', 'proxy'), e('e2', 'proxy', 'wsgi'), e('e3', 'wsgi', 'api')],
    ),
  },
};
