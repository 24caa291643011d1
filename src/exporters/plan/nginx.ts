import { matchingPass } from '../../model/connections';
import type { DesignEdge, DesignNode } from '../../model/design';
import { devServerOf, isApp, isStatic, isWsgiServer } from '../../nodes/registry';
import { appPart, proxyPart, staticPart } from '../../nodes/planParts';
import type {
  Listener,
  PlannedLocation,
  PlannedNginxServer,
  ProcessRole,
  UpstreamAddress,
} from '../planTypes';
import type { WebDraft } from './containers';
import { Names, compare, dirname, type Graph } from './graph';
import type { PythonDraft } from './processes';
import { HTML_ROOT, staticBaseFor } from './routes';
import { serverProcess } from './processes';
import type { Volumes } from './volumes';
import { plannedTls } from './tls';
import { sharedWhenEqual } from '../incremental';

type ProxyLocation = Extract<PlannedLocation, { kind: 'proxy' }>;

/** A web service's server blocks and the services its locations pass to. */
export interface WebServers {
  draft: WebDraft;
  servers: PlannedNginxServer[];
  dependsOn: Set<string>;
}

/** Which node nginx really talks to on an edge, with which directive and listener. */
export function proxyTarget(
  target: DesignNode,
  edge: DesignEdge,
): { pass: ProxyLocation['pass']; listener: Listener; role: ProcessRole } | null {
  if (isWsgiServer(target)) {
    const process = serverProcess(target);
    return {
      pass: edge.props.pass ?? matchingPass(process.protocol),
      listener: process.bind,
      role: 'wsgi-server',
    };
  }
  const devServer = isApp(target) ? devServerOf(target) : null;
  return devServer ? { pass: 'proxy_pass', listener: devServer, role: 'dev-server' } : null;
}

/** What the nginx steps share: the graph, where each node runs, the volumes and the upstream names. */
export interface NginxContext {
  graph: Graph;
  serviceOf: ReadonlyMap<string, string>;
  draftByNode: ReadonlyMap<string, PythonDraft>;
  volumes: Volumes;
  upstreams: { names: Names; byAddress: Map<string, string> };
  notes: string[];
}

/** A proxy location: the upstream at the target's listener (a shared volume for a unix socket). */
function proxyLocation(
  context: NginxContext,
  web: WebServers,
  proxy: DesignNode,
  edge: DesignEdge,
  target: DesignNode,
): ProxyLocation | null {
  const proxied = proxyTarget(target, edge);
  if (!proxied) return null;
  const targetService = context.serviceOf.get(target.id);
  const targetDraft = context.draftByNode.get(target.id);
  if (!targetService || !targetDraft) {
    context.notes.push(`nginx "${proxy.id}" points at "${target.id}", which runs nowhere in the bundle.`);
    return null;
  }
  let address: UpstreamAddress;
  if (proxied.listener.kind === 'unix') {
    const path = proxied.listener.path;
    const volume = context.volumes.socketVolume(targetService, targetDraft.container, path);
    if (volume) context.volumes.mount(web.draft.service, volume, dirname(path));
    address = { kind: 'unix', path };
  } else if (targetDraft.copies.length > 1)
    address = {
      kind: 'tcp',
      host: targetService,
      port: proxied.listener.port,
      copies: [...targetDraft.copies],
    };
  else address = { kind: 'tcp', host: targetService, port: proxied.listener.port };
  const key = address.kind === 'unix' ? `unix:${address.path}` : `${address.host}:${address.port}`;
  let upstream = context.upstreams.byAddress.get(key);
  if (!upstream) {
    const label = address.kind === 'unix' ? `${targetService}_socket` : `${address.host}_${address.port}`;
    upstream = context.upstreams.names.take(label.replace(/[^a-z0-9_]/g, '_'));
    context.upstreams.byAddress.set(key, upstream);
  }
  for (const copy of targetDraft.copies) web.dependsOn.add(copy);
  const route = edge.props.route ?? '/';
  const location: ProxyLocation = {
    kind: 'proxy',
    edge: edge.id,
    route,
    pass: proxied.pass,
    upstream,
    address,
    node: target.id,
    role: proxied.role,
  };
  if (targetDraft.copies.length > 1) location.balance = edge.props.balance ?? 'round-robin';
  return location;
}

/** The app's collected static files behind a proxy location, served by nginx from their shared volume. */
function staticFilesLocation(
  context: NginxContext,
  web: WebServers,
  proxied: ProxyLocation,
): PlannedLocation | null {
  const draft = context.draftByNode.get(proxied.node);
  const app = draft?.apps[0]?.app;
  const files = app && isApp(app) ? appPart(app.kind).staticFiles?.(app.props) : null;
  if (!draft || !app || !files) return null;
  if (!context.volumes.shareStatic(draft.service, files.folder, web.draft.service)) return null;
  return {
    kind: 'files',
    edge: proxied.edge,
    route: files.route,
    alias: files.folder,
    node: app.id,
    probeFile: files.probeFile,
  };
}

/** One server block per proxy node: a location per outgoing edge, in route order. */
function serverBlock(
  context: NginxContext,
  web: WebServers,
  proxy: DesignNode,
  position: number,
): PlannedNginxServer {
  const routeOf = (edge: DesignEdge) => edge.props.route ?? '/';
  const edges = (context.graph.out.get(proxy.id) ?? [])
    .slice()
    .sort((a, b) => compare(routeOf(a), routeOf(b)));
  const locations: PlannedLocation[] = [];
  for (const edge of edges) {
    const target = context.graph.byId.get(edge.target)!;
    if (isStatic(target)) {
      // A build in another container is not served (the static-needs-nginx rule reports it).
      if (target.container !== proxy.container) continue;
      locations.push({
        kind: 'static',
        edge: edge.id,
        route: routeOf(edge),
        base: staticBaseFor(routeOf(edge)),
        root: HTML_ROOT,
        spaFallback: staticPart(target.kind).spaFallback(target.props),
        node: target.id,
      });
      continue;
    }
    const location = proxyLocation(context, web, proxy, edge, target);
    if (location) locations.push(location);
  }
  for (const location of locations.slice())
    if (location.kind === 'proxy') {
      const files = staticFilesLocation(context, web, location);
      // A route already taken is reported by route-conflict; nginx refuses a location twice.
      if (files && !locations.some((other) => other.route === files.route)) locations.push(files);
    }
  const { tls, ...inputs } = proxyPart(proxy.kind).server(proxy.props);
  const server: PlannedNginxServer = { node: proxy.id, ...inputs, locations };
  if (tls) server.tls = plannedTls(tls, inputs.serverName, position);
  return server;
}

/** A proxy's server block: last plan's object while it reads the same (the web service is then reused by identity). */
const sharedServer = sharedWhenEqual<PlannedNginxServer>();

/** Step: the server blocks of every web service (upstream names are unique across the bundle). */
export function planNginxServers(
  webDrafts: readonly WebDraft[],
  context: Omit<NginxContext, 'upstreams'>,
): WebServers[] {
  const full: NginxContext = { ...context, upstreams: { names: new Names(), byAddress: new Map() } };
  return webDrafts.map((draft) => {
    const web: WebServers = { draft, servers: [], dependsOn: new Set() };
    web.servers = draft.proxies.map((proxy, position) =>
      sharedServer(proxy, serverBlock(full, web, proxy, position)),
    );
    return web;
  });
}
