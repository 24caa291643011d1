import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runSync } from './proc';

/**
 * Pebble's API certificate for `address` and its config, written into `dir` as the recipe makes them.
 * `seenAs` is where Pebble itself finds that folder: `dir` when it runs beside the test, or the folder a
 * booted host mounts it at. Returns the API certificate's path on this side, for `curl --cacert`.
 */
export function writePebbleConfig(dir: string, address: string, seenAs: string = dir): string {
  mkdirSync(dir, { recursive: true });
  const made = runSync([
    'openssl',
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    join(dir, 'api.key'),
    '-out',
    join(dir, 'api.pem'),
    '-days',
    '2',
    '-subj',
    '/CN=pebble',
    '-addext',
    `subjectAltName=IP:${address},DNS:localhost`,
  ]);
  if (made.status !== 0) throw new Error(`openssl could not make Pebble's API certificate: ${made.output}`);
  // Read by Pebble inside a booted host too, whatever user it runs as there.
  chmodSync(join(dir, 'api.key'), 0o644);
  writeFileSync(
    join(dir, 'pebble.json'),
    JSON.stringify({
      pebble: {
        listenAddress: `${address}:14000`,
        managementListenAddress: `${address}:15000`,
        certificate: `${seenAs}/api.pem`,
        privateKey: `${seenAs}/api.key`,
        httpPort: 80,
        tlsPort: 443,
        ocspResponderURL: '',
        externalAccountBindingRequired: false,
      },
    }),
  );
  return join(dir, 'api.pem');
}
