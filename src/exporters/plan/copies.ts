import { reuseWhenSame } from '../incremental';
import type { PlannedService, UpstreamAddress } from '../planTypes';

/** The environment variable that tells a copy of a replicated container who it is (its /api/health "instance"). */
export const INSTANCE_VARIABLE = 'INSTANCE';

/**
 * Step: a service whose container has replicas becomes one Compose service per copy ("app-1" …
 * "app-N"), the same build with its own INSTANCE. Plain services (not `deploy.replicas`) because
 * nginx must list each copy by name in its upstream, docker-compose 1.29 ignores `deploy` outside
 * swarm, and `scale` copies share one DNS name that nginx resolves only once at start.
 */
export function serviceCopies(service: PlannedService, copies: readonly string[]): PlannedService[] {
  if (copies.length <= 1) return [service];
  return copies.map((name) => ({
    ...service,
    name,
    copyOf: service.name,
    env: { ...service.env, [INSTANCE_VARIABLE]: name },
  }));
}

/**
 * One service per build folder: the copies of a replicated container share their files. The bundle's
 * folders and its README both ask for a plan's list, so it is worked out once per list.
 */
export const oneServicePerBuild = reuseWhenSame(
  (services: readonly PlannedService[]): readonly PlannedService[] => {
    const seen = new Set<string>();
    return services.filter((service) => {
      if (seen.has(service.buildDir)) return false;
      seen.add(service.buildDir);
      return true;
    });
  },
  (services) => services,
);

/** Every address nginx balances over: each copy's, or the one service's. */
export function upstreamEndpoints(
  address: Extract<UpstreamAddress, { kind: 'tcp' }>,
): { host: string; port: number }[] {
  return (
    address.endpoints ?? (address.copies ?? [address.host]).map((host) => ({ host, port: address.port }))
  );
}
