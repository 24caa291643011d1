import type { DesignNode } from '../../model/design';
import { proxyPart, staticPart } from '../../nodes/planParts';
import { reuseWhenSame } from '../incremental';
import { compareText } from '../order';
import type { PlannedLocation, PlannedNginxServer, PlannedService } from '../planTypes';
import { staticDir } from './routes';
import type { Mount } from './volumes';

export interface WebServiceInputs {
  service: string;
  proxies: readonly DesignNode[];
  statics: readonly DesignNode[];
  servers: readonly PlannedNginxServer[];
  dependsOn: readonly string[];
  mounts: readonly Mount[];
  buildDir: string;
}

type StaticLocation = Extract<PlannedLocation, { kind: 'static' }>;

/** The build stage of the first static build served (a web image builds one). */
function buildStage(
  inputs: WebServiceInputs,
  first: StaticLocation,
): NonNullable<PlannedService['buildStage']> {
  const target = inputs.statics.find((node) => node.id === first.node)!;
  const build = staticPart(target.kind).build;
  return {
    dir: `${inputs.buildDir}/frontend`,
    commands: build.commands.map((command) => [...command]),
    output: build.output,
    to: staticDir(first.base),
  };
}

/** Step: one web service (the proxy's image, ports and static build), reused while its inputs stay the same. */
export const planWebService = reuseWhenSame(
  (inputs: WebServiceInputs): { service: PlannedService; notes: string[] } => {
    const { buildDir } = inputs;
    const staticLocations = inputs.servers.flatMap((server) =>
      server.locations.filter((location): location is StaticLocation => location.kind === 'static'),
    );
    const ports = [...new Set(inputs.servers.map((server) => server.listen))].sort((a, b) => a - b);
    const proxy = proxyPart(inputs.proxies[0]!.kind);
    const service: PlannedService = {
      name: inputs.service,
      image: 'web',
      buildDir,
      command: [...proxy.command],
      workdir: '/',
      user: proxy.user,
      copies: [{ from: `${buildDir}/nginx.conf`, to: '/etc/nginx/nginx.conf' }],
      mounts: [...inputs.mounts],
      published: ports.map((port) => ({ host: port, container: port })),
      listens: ports.map((port) => ({ kind: 'tcp' as const, port })),
      env: {},
      dependsOn: [...inputs.dependsOn].sort(compareText),
      nodes: [...inputs.proxies, ...inputs.statics].map((node) => node.id),
      runs: { kind: 'web', servers: [...inputs.servers] },
    };
    const first = staticLocations[0];
    if (!first) return { service, notes: [] };
    service.buildStage = buildStage(inputs, first);
    const builds = new Set(staticLocations.map((location) => location.node));
    const notes =
      builds.size > 1
        ? [
            `nginx container "${inputs.service}" serves more than one React build; the bundle builds only "${first.node}".`,
          ]
        : [];
    return { service, notes };
  },
  (inputs) => inputs.proxies[0]!,
);
