/**
 * Let's Encrypt on the server target, end to end and offline: a Debian 12 host booted under
 * systemd-nspawn (private network) with Debian's certbot, and Debian's Pebble (Let's Encrypt's test
 * ACME server) running inside it as a transient unit, the design's domain pointing at 127.0.0.1 in
 * /etc/hosts. The bundle's install.sh runs with ACME_SERVER set to Pebble: nginx serves the HTTP-01
 * challenge from the site's webroot, certbot obtains the certificate, the deploy hook copies it where
 * nginx reads it and reloads nginx; curl over https then trusts Pebble's root and nothing else.
 * A forced renewal (what certbot.timer runs when one is due) runs the hook again and nginx serves the
 * new certificate. certbot comes from a layer of its own over the cached root (made once, with apt
 * from the host's mirror), so the shared root is never changed.
 */
import { chmodSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Design } from '../../src/model/design';
import { generate } from '../../src/exporters/generate';
import { hostPlan } from '../../src/exporters/targets/server/hostPlan';
import { tlsOf } from '../../src/exporters/targets/server/tls';
import { makeTempDir, writeFiles } from './bundle';
import { writePebbleConfig } from './pebble';
import { runSync, tail, waitFor } from './proc';
import {
  boot,
  completeServerRoot,
  ensureServerRoot,
  inside,
  SERVER_ROOT_CACHE,
  closeHost,
  recordSteps,
  type Machine,
  type ServerStep,
  untilBooted,
} from './serverSmoke';
import { tlsHostName } from './stack';
import { requireTools } from './tools';

const CERTBOT_LAYER = `${SERVER_ROOT_CACHE}-certbot`;

/** The cached root with certbot on top: an overlay layer made once (the root itself stays as it is). */
async function ensureCertbotLayer(root: string, print: (line: string) => void): Promise<string> {
  const upper = join(CERTBOT_LAYER, 'upper');
  if (existsSync(join(upper, 'usr/bin/certbot'))) return `${upper}:${root}`;
  const work = makeTempDir('certbot-layer');
  const merged = join(work, 'root');
  rmSync(CERTBOT_LAYER, { recursive: true, force: true });
  for (const dir of [upper, join(work, 'overlay-work'), merged]) mkdirSync(dir, { recursive: true });
  const mounted = runSync([
    'mount',
    '-t',
    'overlay',
    'overlay',
    '-o',
    `lowerdir=${root},upperdir=${upper},workdir=${join(work, 'overlay-work')}`,
    merged,
  ]);
  if (mounted.status !== 0) throw new Error(`overlay mount failed: ${mounted.output}`);
  try {
    await completeServerRoot(merged, ['certbot'], print);
  } catch (error) {
    rmSync(CERTBOT_LAYER, { recursive: true, force: true });
    throw error;
  } finally {
    runSync(['umount', merged]);
    rmSync(work, { recursive: true, force: true });
  }
  return `${upper}:${root}`;
}

/** Export for the server target, boot a host with certbot and Pebble, install, and check each step. */
export async function letsencryptOnServer(
  design: Design,
  print: (line: string) => void,
): Promise<{ ok: boolean; steps: ServerStep[] }> {
  requireTools(['systemd-nspawn', 'nsenter', 'pebble', 'openssl']);
  const { plan, files } = generate(design, { target: 'server', lang: 'en' });
  const tls = tlsOf(hostPlan(design, plan).web.map((web) => web.run)).find((t) => t.mode === 'letsencrypt');
  if (!tls) throw new Error("the design has no Let's Encrypt server");
  const name = tlsHostName(tls.domains);
  const root = await ensureCertbotLayer(await ensureServerRoot(print), print);
  const work = makeTempDir('server-letsencrypt');
  const bundleDir = join(work, 'bundle');
  writeFiles(bundleDir, files);
  chmodSync(join(bundleDir, 'install.sh'), 0o755);
  const pebbleDir = join(work, 'pebble');
  writePebbleConfig(pebbleDir, '127.0.0.1', '/pebble');
  const { steps, step } = recordSteps(print);
  let machine: Machine | null = null;
  const trust = ['REQUESTS_CA_BUNDLE=/pebble/api.pem', 'ACME_SERVER=https://127.0.0.1:14000/dir'];
  try {
    machine = await boot(root, join(work, 'machine'), bundleDir, [
      `${pebbleDir}:/pebble`,
      '/usr/bin/pebble:/usr/local/bin/pebble',
    ]);
    const leader = machine.leader;
    const booted = await untilBooted(leader);
    if (!step(`booted Debian 12 with systemd (${booted.state})`, booted.ok)) return { ok: false, steps };
    // The design's domain points at this host; Pebble validates the challenge over it.
    await inside(leader, ['sh', '-c', `echo "127.0.0.1 ${name}" >>/etc/hosts`]);
    await inside(leader, [
      'systemd-run',
      '--unit',
      'pebble',
      '-E',
      'PEBBLE_VA_NOSLEEP=1',
      '-E',
      'PEBBLE_WFE_NONCEREJECT=0',
      '/usr/local/bin/pebble',
      '-config',
      '/pebble/pebble.json',
    ]);
    const up = await waitFor(
      async () =>
        (
          await inside(
            leader,
            ['curl', '-sS', '--cacert', '/pebble/api.pem', 'https://127.0.0.1:14000/dir'],
            5000,
          )
        ).status === 0,
      20_000,
      300,
    );
    if (!step('Pebble answers inside the booted host', up)) return { ok: false, steps };
    const install = await inside(
      leader,
      ['env', ...trust, '/bundle/install.sh', '--system-packages'],
      300_000,
    );
    step(
      `install.sh with ACME_SERVER=Pebble: certbot obtains the certificate for ${tls.domains.join(', ')}`,
      install.status === 0 && /Successfully received certificate/.test(install.output),
      tail(install.output, 40),
    );
    const rootCa = await inside(leader, [
      'curl',
      '-sS',
      '--cacert',
      '/pebble/api.pem',
      '-o',
      '/root/pebble-root.pem',
      'https://127.0.0.1:15000/roots/0',
    ]);
    step('Pebble’s root certificate is fetched', rootCa.status === 0, rootCa.output);
    const served = () =>
      inside(leader, [
        'sh',
        '-c',
        `echo | openssl s_client -connect 127.0.0.1:${tls.port} -servername "$1" -CAfile /root/pebble-root.pem 2>/dev/null | openssl x509 -noout -issuer -serial`,
        'sh',
        name,
      ]);
    const first = await served();
    step(
      `the deploy hook put it where nginx reads it and nginx serves it (${first.stdout.trim().replace(/\n/g, ', ')})`,
      /Pebble/i.test(first.stdout),
      first.output,
    );
    const curl = await inside(leader, [
      'curl',
      '-sS',
      '-o',
      '/dev/null',
      '-w',
      '%{http_code}',
      '--cacert',
      '/root/pebble-root.pem',
      '--resolve',
      `${name}:${tls.port}:127.0.0.1`,
      `https://${name}:${tls.port}/api/health`,
    ]);
    step(
      `curl over https trusts Pebble’s root only (${curl.stdout.trim()})`,
      curl.stdout.trim() === '200',
      curl.output,
    );
    const timer = await inside(leader, ['systemctl', 'is-enabled', 'certbot.timer']);
    step(
      `Debian's certbot.timer renews (${timer.stdout.trim()})`,
      timer.stdout.trim() === 'enabled',
      timer.output,
    );
    // What certbot.timer runs when a certificate is due, forced now: the hook reloads nginx again.
    const renew = await inside(
      leader,
      [
        'env',
        ...trust,
        'certbot',
        'renew',
        '--force-renewal',
        '--non-interactive',
        '--no-random-sleep-on-renew',
      ],
      180_000,
    );
    step('certbot renew (as certbot.timer runs it, forced)', renew.status === 0, tail(renew.output, 30));
    let second = first;
    const renewed = await waitFor(
      async () => {
        second = await served();
        return /Pebble/i.test(second.stdout) && second.stdout !== first.stdout;
      },
      20_000,
      500,
    );
    step(
      `nginx serves the renewed certificate (${second.stdout.trim().replace(/\n/g, ', ')})`,
      renewed,
      second.output,
    );
    return { ok: steps.every((s) => s.ok), steps };
  } catch (error) {
    step('run', false, error instanceof Error ? error.message : String(error));
    return { ok: false, steps };
  } finally {
    await closeHost(machine, work, steps, print);
  }
}
