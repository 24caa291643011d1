/**
 * Round trip of an export: the canonical shape a design and its re-import must share. Ids are not
 * compared (the files do not carry them): nodes are compared by kind, container and props, edges by
 * the nodes they join and their props. What the bundle does not carry is left out on both sides
 * (docs/import.md lists it): client labels and how many clients there are, a server's port when it
 * listens on a unix socket (and its socket path when on TCP), a served app's dev-server port, the
 * design's name, positions. Containers are compared as the bundle's services (a container holding
 * nginx and a Python server is two services).
 */
import type { Design, DesignNode } from '../model/design';
import { COMPOSE_EN, generate } from '../exporters/generate';
import { plan } from '../exporters/plan';
import { hostPlan } from '../exporters/targets/server/hostPlan';
import { isApp, isClient, isDatabase, isProxy, isStatic, isWsgiServer, listenerOf } from '../nodes/registry';
import { importConfigs, type ImportResult } from './resolve';

export interface Canonical {
  nodes: string[];
  edges: string[];
}

function canonicalProps(design: Design, node: DesignNode): Record<string, unknown> {
  if (isClient(node)) return {};
  const props = { ...(node.props as unknown as Record<string, unknown>) };
  if (isWsgiServer(node)) {
    const listener = listenerOf(node);
    if (listener?.kind === 'unix') delete props.port;
    else delete props.socketPath;
  }
  if (isApp(node)) {
    const served = design.edges.some((edge) => {
      const source = design.nodes.find((n) => n.id === edge.source);
      return edge.target === node.id && source !== undefined && isWsgiServer(source);
    });
    if (served) delete props.port;
  }
  return props;
}

/** The canonical shape; `containerOf` maps a node to the container the comparison uses. */
export function canonical(design: Design, containerOf: (node: DesignNode) => string | undefined): Canonical {
  const keyOf = new Map<string, string>();
  for (const node of design.nodes)
    keyOf.set(
      node.id,
      JSON.stringify([
        node.kind,
        isClient(node) ? null : (containerOf(node) ?? null),
        canonicalProps(design, node),
      ]),
    );
  const nodes = [...new Set(design.nodes.filter((n) => isClient(n)).map((n) => keyOf.get(n.id)!))];
  nodes.push(...design.nodes.filter((n) => !isClient(n)).map((n) => keyOf.get(n.id)!));
  const edges = [
    ...new Set(
      design.edges.map((edge) =>
        JSON.stringify([keyOf.get(edge.source), keyOf.get(edge.target), edge.props]),
      ),
    ),
  ];
  return { nodes: nodes.sort(), edges: edges.sort() };
}

/** The bundle's service for every node of a design (what its files say the container is). */
export function exportedContainers(design: Design): (node: DesignNode) => string | undefined {
  const serviceOf = new Map<string, string>();
  for (const service of plan(design).services)
    for (const id of service.nodes)
      // The copies of a replicated container ("app-1" … "app-N") import back as the container.
      serviceOf.set(
        id,
        service.env.INSTANCE !== undefined ? service.name.replace(/-\d+$/, '') : service.name,
      );
  return (node) => serviceOf.get(node.id) ?? node.container;
}

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/**
 * The design as the server bundle writes it down: each python service's nodes in the container
 * named by its code folder in the bundle, servers on the host's socket paths, SQLite files in the service's
 * state folder (the copies of a replicated container are one service, as on the host).
 */
export function asOnHost(design: Design): Design {
  const host = hostPlan(design, plan(design));
  const nodes = new Map(design.nodes.map((node) => [node.id, structuredClone(node)]));
  const placed = new Set<string>();
  for (const entry of host.python)
    for (const id of entry.service.nodes) {
      const node = nodes.get(id);
      // A database two servers of one container share belongs to the first (its state folder's name).
      if (!node || placed.has(id)) continue;
      placed.add(id);
      node.container = entry.service.buildDir;
      const props = node.props as unknown as Record<string, unknown>;
      const bind = entry.run.process.bind;
      if (id === entry.run.process.node && bind.kind === 'unix') props.socketPath = bind.path;
      if (isDatabase(node) && typeof props.file === 'string')
        props.file = `/var/lib/${entry.names.stateDir}/${baseName(props.file)}`;
    }
  return { ...design, nodes: [...nodes.values()] };
}

/** On a host, nginx and the React build it serves are in no container: the files do not name one. */
const hostContainer = (node: DesignNode): string | undefined =>
  isProxy(node) || isStatic(node) ? undefined : node.container;

export type RoundTripTarget = 'compose' | 'server';

/** Export a design, import every generated file but design.json, and give both canonical shapes. */
export function roundTrip(
  design: Design,
  target: RoundTripTarget = 'compose',
): {
  expected: Canonical;
  actual: Canonical | null;
  result: ImportResult;
} {
  const options = target === 'compose' ? COMPOSE_EN : { ...COMPOSE_EN, target };
  const files = Object.entries(generate(design, options).files)
    .filter(([path]) => path !== 'design.json')
    .map(([path, text]) => ({ path, text }));
  const result = importConfigs(files);
  if (target === 'server') {
    const onHost = asOnHost(design);
    return {
      expected: canonical(onHost, hostContainer),
      actual: result.design ? canonical(result.design, hostContainer) : null,
      result,
    };
  }
  return {
    expected: canonical(design, exportedContainers(design)),
    actual: result.design ? canonical(result.design, (node) => node.container) : null,
    result,
  };
}
