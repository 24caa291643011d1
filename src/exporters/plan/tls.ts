/** HTTPS steps: each server's certificate paths, the TLS volumes, and the certbot service of a web service. */
import type { TlsInputs } from '../../nodes/planParts';
import type { PlannedCertbot, PlannedNginxServer, PlannedTls } from '../planTypes';
import type { Names } from './graph';
import type { Volumes } from './volumes';

/** The volume the certificates are made or installed into (never in an image, never in the bundle). */
export const TLS_DIR = '/etc/nginx/tls';
/** The ACME webroot nginx serves /.well-known/acme-challenge/ from, shared with certbot. */
export const ACME_WEBROOT = '/var/www/acme';
/** certbot's own state (account, renewal settings, issued certificates). */
export const LETSENCRYPT_DIR = '/etc/letsencrypt';
/** Where the web image keeps the script that makes a first certificate before nginx starts. */
export const TLS_INIT_PATH = '/usr/local/bin/tls-init.sh';

/** A server's HTTPS plan: where nginx reads its certificate (the slot is its position in the container). */
export function plannedTls(inputs: TlsInputs, serverName: string, position: number): PlannedTls {
  const domains = serverName.split(' ').filter((name) => name !== '' && name !== '_');
  const common = {
    mode: inputs.mode,
    port: inputs.port,
    redirectHttp: inputs.redirectHttp,
    hsts: inputs.hsts,
    domains: domains.length > 0 ? domains : ['localhost'],
    email: inputs.email,
  };
  if (inputs.mode === 'files')
    return { ...common, certificate: inputs.certFile, key: inputs.keyFile, stapling: true };
  const slot = `site-${position + 1}`;
  return {
    ...common,
    certificate: `${TLS_DIR}/${slot}/fullchain.pem`,
    key: `${TLS_DIR}/${slot}/privkey.pem`,
    slot,
    stapling: false,
  };
}

/** Whether the container makes a certificate at start (a self-signed one, or Let's Encrypt's stand-in). */
export function makesCertificates(servers: readonly PlannedNginxServer[]): boolean {
  return servers.some((server) => server.tls?.slot !== undefined);
}

/**
 * Step: the TLS volumes of one web service, and its certbot service when a server uses Let's Encrypt
 * (the volumes it shares with nginx: the certificates and the challenge webroot).
 */
export function planTlsVolumes(
  service: string,
  servers: readonly PlannedNginxServer[],
  volumes: Volumes,
  serviceNames: Names,
): PlannedCertbot | null {
  if (!makesCertificates(servers)) return null;
  const certificates = volumes.addVolume(`${service}-tls`, 'certificates');
  volumes.mount(service, certificates, TLS_DIR);
  const acmeSites = servers.flatMap((server) =>
    server.tls?.mode === 'letsencrypt' && server.tls.slot
      ? [{ slot: server.tls.slot, domains: server.tls.domains, email: server.tls.email }]
      : [],
  );
  if (acmeSites.length === 0) return null;
  const webroot = volumes.addVolume(`${service}-acme`, 'acme');
  volumes.mount(service, webroot, ACME_WEBROOT);
  const state = volumes.addVolume(`${service}-letsencrypt`, 'acme');
  const name = serviceNames.take(`${service}-certbot`);
  return {
    name,
    buildDir: name,
    web: service,
    mounts: [
      { volume: state, target: LETSENCRYPT_DIR },
      { volume: webroot, target: ACME_WEBROOT },
      { volume: certificates, target: TLS_DIR },
    ],
    sites: acmeSites,
  };
}
