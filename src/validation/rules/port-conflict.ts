import type { Design, DesignNode } from '../../model/design';
import { design, e, n } from './examples';
import { setNodeProps } from '../../model/edit';
import { isProxy } from '../../nodes/registry';
import { appsRunByWsgi, freePort, listenerPort, nodeName } from '../fixes';
import type { Diagnostic, Rule, RuleContext } from '../types';
import type { Target } from '../../model/target';
import { groupPush } from '../../model/group';
import { mapKept, mapKeptList } from '../../model/mapKept';
import { designShape, type DesignShape } from '../../model/shape';
import type { RuleMessages } from '../../i18n';

const PORT_PROP: Partial<Record<DesignNode['kind'], string>> = {
  nginx: 'listen',
  gunicorn: 'port',
  uwsgi: 'port',
  flask: 'port',
  django: 'port',
};

/** The first port from `start` no listener of any container uses (one host holds them all). */
function freeHostPort(current: Design, start: number): number {
  const runByWsgi = appsRunByWsgi(current);
  const used = new Set(current.nodes.map((node) => listenerPort(node, runByWsgi)));
  let port = start;
  while (used.has(port) && port < 65535) port++;
  return port;
}

/** Move `node` to the first free port after `port` (8080 for nginx on 80). */
function movePort(current: Design, nodeId: string, port: number, target: Target): Design {
  const node = current.nodes.find((candidate) => candidate.id === nodeId);
  const prop = node && PORT_PROP[node.kind];
  if (!node || !prop) return current;
  const start = isProxy(node) && port === 80 ? 8080 : port + 1;
  const free = target === 'server' ? freeHostPort(current, start) : freePort(current, node.container, start);
  return setNodeProps(current, nodeId, { [prop]: free });
}

function conflict(
  message: string,
  label: string,
  nodes: DesignNode[],
  port: number,
  target: Target = 'compose',
): Diagnostic {
  const last = nodes[nodes.length - 1]!;
  return {
    rule: 'port-conflict',
    severity: 'error',
    message,
    nodes: nodes.map((node) => node.id),
    edges: [],
    fix: {
      label,
      apply: (d) => movePort(d, last.id, port, target),
    },
  };
}

function twoNginx(secondContainer: string, secondPort: number) {
  return design(
    [
      n('browser', 'client'),
      n('proxy', 'nginx', 'web', { listen: 80 }),
      n('admin-proxy', 'nginx', secondContainer, { listen: secondPort }),
      n('wsgi', 'gunicorn', 'app'),
      n('api', 'flask', 'app'),
    ],
    [
      e('e1', 'browser', 'proxy'),
      e('e2', 'browser', 'admin-proxy'),
      e('e3', 'proxy', 'wsgi'),
      e('e4', 'admin-proxy', 'wsgi'),
      e('e5', 'wsgi', 'api'),
    ],
  );
}

/** The server target: every container runs on one host, so every listener meets every other on it. */
function hostConflicts(
  current: Design,
  nodeById: RuleContext['nodeById'],
  t: RuleMessages['port-conflict'],
  fixLabel: (nodes: DesignNode[]) => string,
): Diagnostic[] {
  const byPort = new Map<number, DesignNode[]>();
  const runByWsgi = appsRunByWsgi(current, nodeById);
  for (const node of current.nodes) {
    const port = listenerPort(node, runByWsgi);
    if (port !== undefined) groupPush(byPort, port, node);
  }
  return [...byPort]
    .filter(([, nodes]) => nodes.length > 1)
    .map(([port, nodes]) =>
      conflict(
        t.sameHost({
          nodes: nodes.map((node) => ({ name: nodeName(node), container: node.container ?? '' })),
          port,
        }),
        fixLabel(nodes),
        nodes,
        port,
        'server',
      ),
    );
}

/** Every port a node binds in its container: its listener, and an nginx's HTTPS port when TLS is on. */
function portsOf(node: DesignNode, runByWsgi: ReadonlySet<string>): number[] {
  const port = listenerPort(node, runByWsgi);
  const ports = port === undefined ? [] : [port];
  const https = httpsPort(node);
  if (https !== undefined) ports.push(https);
  return ports;
}

function httpsPort(node: DesignNode): number | undefined {
  return node.kind === 'nginx' && node.props.tls !== 'off' ? node.props.httpsPort : undefined;
}

// Each node's ports, kept by position while the node is the same object (an edit changes one node).
const listenerPorts = mapKept(listenerPort);
const httpsPorts = mapKeptList(httpsPort);

/**
 * The ports every node of a shape bound when it last had no conflict, per target. While they are the
 * same lists (no edit changed a port) and the shape is the same, there is still none.
 */
const noConflictByShape = new WeakMap<
  DesignShape,
  { target: Target; listeners: readonly (number | undefined)[]; https: readonly (number | undefined)[] }
>();

export const portConflict: Rule = {
  id: 'port-conflict',
  severity: 'error',
  summary:
    'Two listeners in one container share a port (nginx `listen` and, with TLS, `httpsPort`, Gunicorn/uWSGI `port` over TCP, a Flask or Django dev server that no WSGI server runs), or two nginx nodes publish the same host port.',
  why: 'Processes in one container share one network namespace, so only one of them can bind a port: the second fails with "Address already in use". Nginx’s port is also published on the same host port, and a host port can be published by one service only. On the server target every container runs on one host, so every listener of the design is compared.',
  fixSummary:
    'Move the last listener of the group to the next free port (nginx on 80 moves to 8080, others to the port + 1 or the next free one).',
  check(current, context) {
    const runByWsgi = appsRunByWsgi(current, context.nodeById);
    const listeners = listenerPorts(runByWsgi, current.nodes);
    const https = httpsPorts(current.nodes);
    const shape = designShape(current);
    const none = noConflictByShape.get(shape);
    if (none?.target === context.target && none.listeners === listeners && none.https === https) return [];
    const diagnostics = conflicts(current, context);
    if (diagnostics.length === 0) noConflictByShape.set(shape, { target: context.target, listeners, https });
    return diagnostics;
  },
  examples: { fires: twoNginx('admin', 80), nearMiss: twoNginx('admin', 8080) },
};

function conflicts(current: Design, { nodeById, target, text }: RuleContext): Diagnostic[] {
  const t = text['port-conflict'];
  const fixLabel = (nodes: DesignNode[]) => t.fix({ node: nodeName(nodes[nodes.length - 1]!) });
  if (target === 'server') return hostConflicts(current, nodeById, t, fixLabel);
  const diagnostics: Diagnostic[] = [];
  const byContainer = new Map<string, DesignNode[]>();
  const runByWsgi = appsRunByWsgi(current, nodeById);
  for (const node of current.nodes) {
    if (node.container === undefined) continue;
    for (const port of portsOf(node, runByWsgi))
      groupPush(byContainer, `${node.container}\u0000${port}`, node);
  }
  for (const [key, nodes] of byContainer) {
    if (nodes.length < 2) continue;
    const [container, port] = key.split('\u0000') as [string, string];
    diagnostics.push(
      conflict(
        t.sameContainer({ nodes: nodes.map(nodeName), port, container }),
        fixLabel(nodes),
        nodes,
        Number(port),
      ),
    );
  }
  const published = new Map<number, DesignNode[]>();
  for (const node of current.nodes) {
    // A proxy's listen port (and HTTPS port) is published on the same host port.
    if (isProxy(node)) for (const port of portsOf(node, runByWsgi)) groupPush(published, port, node);
  }
  for (const [port, nodes] of published) {
    if (new Set(nodes.map((node) => node.container)).size < 2) continue;
    diagnostics.push(
      conflict(
        t.publishedTwice({
          nodes: nodes.map((node) => ({ name: nodeName(node), container: node.container ?? '' })),
          port,
        }),
        fixLabel(nodes),
        nodes,
        port,
      ),
    );
  }
  return diagnostics;
}
