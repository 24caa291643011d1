import { runSync } from './proc';

/**
 * A self-signed EC certificate for the given names, as a user would bring their own files (or
 * `kubectl create secret tls` would take them): the runs that prove HTTPS bundles need one per server.
 */
export function makeTestCertificate(domains: readonly string[], certificate: string, key: string): void {
  const made = runSync([
    'openssl',
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-days',
    '2',
    '-subj',
    `/CN=${domains[0]}`,
    '-addext',
    `subjectAltName=${domains.map((name) => `DNS:${name}`).join(',')}`,
    '-keyout',
    key,
    '-out',
    certificate,
  ]);
  if (made.status !== 0) throw new Error(`openssl could not make the test certificate: ${made.output}`);
}
