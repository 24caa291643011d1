import type { DesignNode } from '../../model/design';
import { proxyPart, staticPart } from '../../nodes/planParts';
import { reuseWhenSame } from '../incremental';
import { compareText } from '../order';
import type { PlannedLocation, PlannedNginxServer, PlannedService } from '../planTypes';
import { staticDir } from './routes';
import type { Mount } from './volumes';
import { makesCertificates, TLS_INIT_PATH } from './tls';

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
    const byNumber = (a: number, b: number) => a - b;
    const httpPorts = [...new Set(inputs.servers.map((server) => server.listen))].sort(byNumber);
    // HTTPS ports after the plain ones: the healthcheck calls the first (plain HTTP) port.
    const httpsPorts = [...new Set(inputs.servers.flatMap((server) => (server.tls ? [server.tls.port] : [])))]
      .filter((port) => !httpPorts.includes(port))
      .sort(byNumber);
    const ports = [...httpPorts, ...httpsPorts];
    const proxy = proxyPart(inputs.proxies[0]!.kind);
    const copies = [{ from: `${buildDir}/nginx.conf`, to: '/etc/nginx/nginx.conf' }];
    // A certificate made at start: a script runs first, then hands over to nginx.
    const makes = makesCertificates(inputs.servers);
    if (makes) copies.push({ from: `${buildDir}/tls-init.sh`, to: TLS_INIT_PATH });
    const service: PlannedService = {
      name: inputs.service,
      image: 'web',
      buildDir,
      command: makes ? ['/bin/sh', TLS_INIT_PATH, ...proxy.command] : [...proxy.command],
      workdir: '/',
      user: proxy.user,
      copies,
      mounts: [...inputs.mounts],
      published: ports.map((port) => ({ host: port, container: port })),
      listens: ports.map((port) => ({ kind: 'tcp' as const, port })),
      env: {},
      dependsOn: [...inputs.dependsOn].sort(compareText),
      nodes: [...inputs.proxies, ...inputs.statics].map((node) => node.id),
      runs: { kind: 'web', servers: [...inputs.servers] },
    };
    const hostFiles = inputs.servers.flatMap((server) =>
      server.tls?.mode === 'files' ? [server.tls.certificate, server.tls.key] : [],
    );
    if (hostFiles.length > 0) service.hostFiles = [...new Set(hostFiles)].sort(compareText);
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
