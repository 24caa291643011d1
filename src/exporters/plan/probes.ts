import type { Design, DesignNode } from '../../model/design';
import { isClient, isProxy } from '../../nodes/registry';
import type {
  PlannedApp,
  PlannedNginxServer,
  PlannedService,
  PlannedTls,
  Probe,
  PythonRun,
} from '../planTypes';
import { designShape } from '../../model/shape';
import { oncePer } from '../../model/oncePer';
import { apiBaseFor } from './routes';

export const SMOKE_ITEM = 'stacksketch-smoke-item';

/** Health, and create + list an item when the app has a database, under each API base. */
function appProbes(apps: readonly PlannedApp[], bases: readonly string[], label: string): Probe[] {
  const suffix = label ? ` (${label})` : '';
  return apps.flatMap((app) =>
    bases.flatMap((base): Probe[] => [
      {
        hop: `api health${suffix}`,
        method: 'GET',
        path: `${base}health`,
        expectStatus: 200,
        expectBody: '"ok"',
      },
      ...(app.database
        ? [
            {
              hop: `create item${suffix}`,
              method: 'POST' as const,
              path: `${base}items`,
              body: JSON.stringify({ name: SMOKE_ITEM }),
              expectStatus: 201,
              expectBody: SMOKE_ITEM,
            },
            {
              hop: `list items${suffix}`,
              method: 'GET' as const,
              path: `${base}items`,
              expectStatus: 200,
              expectBody: SMOKE_ITEM,
            },
          ]
        : []),
    ]),
  );
}

function pythonRunOf(
  services: readonly PlannedService[],
  processNode: string,
): { service: PlannedService; run: PythonRun } | null {
  for (const service of services)
    if (service.runs.kind === 'python' && service.runs.process.node === processNode)
      return { service, run: service.runs };
  return null;
}

/** The page, then every API behind the entry proxy's server block, in location order. */
function serverProbes(server: PlannedNginxServer, services: readonly PlannedService[]): Probe[] {
  const pages = server.locations.flatMap((location): Probe[] =>
    location.kind === 'static'
      ? [
          {
            hop: 'page',
            method: 'GET',
            path: location.base,
            expectStatus: 200,
            expectBody: '<div id="root">',
          },
        ]
      : [],
  );
  const proxies = server.locations.filter((location) => location.kind === 'proxy');
  const apis = proxies.flatMap((location) => {
    const found = pythonRunOf(services, location.node);
    return found
      ? appProbes(found.run.apps, [apiBaseFor(location.route)], proxies.length > 1 ? location.route : '')
      : [];
  });
  const files = server.locations.flatMap((location): Probe[] =>
    location.kind === 'files'
      ? [
          {
            hop: 'static file',
            method: 'GET',
            path: `${location.route}${location.probeFile}`,
            expectStatus: 200,
          },
        ]
      : [],
  );
  return [...pages, ...apis, ...files];
}

/**
 * The host name a browser sends to an nginx server: its first server name, a wildcard's "www"
 * (nginx and Django's ALLOWED_HOSTS both match it), none for the catch-all "_".
 */
export function browserHostName(server: PlannedNginxServer): string | null {
  const name = server.serverName.split(' ')[0] ?? '_';
  if (name === '_' || name === '') return null;
  return name.startsWith('*.') ? `www.${name.slice(2)}` : name;
}

/** The proxy the smoke check enters through, and the nodes clients call in edge order (ids). */
interface Entry {
  proxy: string | null;
  clientTargets: string[];
}

/**
 * The first proxy a client calls, else the first proxy; and every node a client calls. It reads only
 * the design's shape (ids, kinds, edges): worked out once per shape.
 */
const entryOf = oncePer(designShape, (design: Design): Entry => {
  const byId = new Map(design.nodes.map((node) => [node.id, node]));
  const clientTargets = design.edges.flatMap((edge): DesignNode[] => {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    return source && target && isClient(source) ? [target] : [];
  });
  const proxy = clientTargets.find(isProxy) ?? design.nodes.find(isProxy);
  return { proxy: proxy?.id ?? null, clientTargets: clientTargets.map((node) => node.id) };
});

/** Step: the published port the smoke check enters through, the Host it sends, and the hops it curls. */
export function planProbes(
  design: Design,
  services: readonly PlannedService[],
): { entryPort: number | null; entryHost: string | null; probes: Probe[]; entryTls?: PlannedTls } {
  const { proxy: entry, clientTargets } = entryOf(design);
  if (entry !== null) {
    const server = services
      .flatMap((service) => (service.runs.kind === 'web' ? service.runs.servers : []))
      .find((candidate) => candidate.node === entry);
    if (!server) return { entryPort: null, entryHost: null, probes: [] };
    const probes = serverProbes(server, services);
    const found = { entryPort: server.listen, entryHost: browserHostName(server), probes };
    return server.tls ? { ...found, entryTls: server.tls } : found;
  }
  // No proxy: a client wired straight to a server (a forced error); probe it on its published port.
  for (const target of clientTargets) {
    const found = pythonRunOf(services, target);
    if (!found || found.service.published.length === 0) continue;
    return {
      entryPort: found.service.published[0]!.host,
      entryHost: null,
      probes: appProbes(found.run.apps, ['/api/'], ''),
    };
  }
  return { entryPort: null, entryHost: null, probes: [] };
}
