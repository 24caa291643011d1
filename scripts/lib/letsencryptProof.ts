/**
 * Let's Encrypt end to end, offline: Debian's Pebble (Let's Encrypt's test ACME server) and
 * pebble-challtestsrv (its DNS, answering every name with the web container's address) run on the host
 * side of the stack's own network namespace. The bundle's own certbot step (certbot-run.sh, as the
 * certbot service runs it, sharing the ACME webroot and TLS volumes with nginx) obtains a certificate
 * through the generated nginx serving the HTTP-01 challenge; nginx reloads on its own (the watcher of
 * tls-init.sh); curl over https then trusts Pebble's root and nothing else. A second renewal run is a
 * no-op and nginx keeps serving.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Design } from '../../src/model/design';
import { CERTBOT_SCRIPT_PATH } from '../../src/exporters/render/tlsScripts';
import { makeTempDir } from './bundle';
import { writePebbleConfig } from './pebble';
import { run, sleep, waitFor } from './proc';
import { startDesign, tlsHostName, type Stack } from './stack';
import { requireTools } from './tools';

export interface ProofCheck {
  label: string;
  ok: boolean;
  detail: string;
}

/** A background process on the host side of the stack's network, ended by its own PID. */
function background(stack: Stack, argv: string[], env: NodeJS.ProcessEnv, log: string): ChildProcess {
  const out = log;
  writeFileSync(out, '');
  const child = spawn(stack.hostSideCommand(argv)[0]!, stack.hostSideCommand(argv).slice(1), {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const append = (chunk: Buffer) => writeFileSync(out, chunk, { flag: 'a' });
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  return child;
}

/** Serial number and issuer of the certificate the entry serves, trusting `caFile`. */
async function servedCertificate(stack: Stack, caFile: string): Promise<{ ok: boolean; text: string }> {
  const https = stack.https!;
  const result = await run(
    stack.hostSideCommand([
      'sh',
      '-c',
      'openssl s_client -connect "$1" -servername "$2" -CAfile "$3" -verify_return_error </dev/null 2>/dev/null | openssl x509 -noout -serial -issuer',
      'served',
      `${https.address}:${https.port}`,
      https.host,
      caFile,
    ]),
    { timeoutMs: 15000 },
  );
  return { ok: result.status === 0 && /serial=/.test(result.stdout), text: result.stdout.trim() };
}

export async function letsencryptProof(design: Design): Promise<ProofCheck[]> {
  requireTools(['pebble', 'pebble-challtestsrv', 'certbot', 'openssl', 'curl']);
  const checks: ProofCheck[] = [];
  const add = (label: string, ok: boolean, detail = '') => checks.push({ label, ok, detail });
  const dir = makeTempDir('letsencrypt');
  const stack = await startDesign(design);
  const children: ChildProcess[] = [];
  try {
    const https = stack.https;
    const tls = stack.plan.entryTls;
    const web = stack.containers.find((container) =>
      stack.plan.services.some((s) => s.name === container.spec.name && s.runs.kind === 'web'),
    );
    const certbot = stack.plan.certbots?.[0];
    if (!https || !tls || tls.mode !== 'letsencrypt' || !web || !certbot) {
      add('the design serves a Let’s Encrypt certificate through a certbot service', false);
      return checks;
    }
    add(
      'the stack starts on its stand-in certificate',
      stack.startupProblems.length === 0,
      stack.startupProblems.join('\n'),
    );
    const host = stack.addresses.get(web.spec.name)!;
    // The host side of the stack's network: where a client of the published ports sits.
    const address = new URL(stack.entryUrl).hostname;
    // Pebble's own API certificate, for the address it listens on.
    const apiCert = writePebbleConfig(join(dir, 'pebble'), address);
    // Every A query answers with the web container: the design's domain points at this nginx.
    children.push(
      background(
        stack,
        [
          'pebble-challtestsrv',
          '-defaultIPv4',
          host,
          '-defaultIPv6',
          '',
          '-dns01',
          `${address}:8053`,
          '-http01',
          '',
          '-https01',
          '',
          '-tlsalpn01',
          '',
          '-management',
          `${address}:8055`,
        ],
        {},
        join(dir, 'challtestsrv.log'),
      ),
    );
    children.push(
      background(
        stack,
        ['pebble', '-config', join(dir, 'pebble', 'pebble.json'), '-dnsserver', `${address}:8053`],
        { PEBBLE_VA_NOSLEEP: '1', PEBBLE_WFE_NONCEREJECT: '0' },
        join(dir, 'pebble.log'),
      ),
    );
    const up = await waitFor(
      async () => {
        const probe = await run(
          stack.hostSideCommand(['curl', '-sS', '--cacert', apiCert, `https://${address}:14000/dir`]),
          { timeoutMs: 3000 },
        );
        return probe.status === 0;
      },
      20000,
      300,
    );
    add('Pebble answers on the stack’s own network', up, readFileSync(join(dir, 'pebble.log'), 'utf8'));
    if (!up) return checks;

    // What the certbot image holds: the bundle's script; what its environment says: the ACME server.
    const root = `/proc/${web.initPid()}/root`;
    const script = readFileSync(join(stack.bundleDir, certbot.buildDir, 'certbot-run.sh'), 'utf8');
    mkdirSync(join(root, '/usr/local/bin'), { recursive: true });
    writeFileSync(join(root, CERTBOT_SCRIPT_PATH), script);
    writeFileSync(join(root, '/tmp/pebble-api.pem'), readFileSync(apiCert));
    const certbotEnv = [
      'env',
      `ACME_SERVER=https://${address}:14000/dir`,
      'REQUESTS_CA_BUNDLE=/tmp/pebble-api.pem',
    ];
    const before = await servedCertificate(stack, https.caFile);
    add(
      `nginx first serves the stand-in certificate (${before.text.replace(/\n/g, ', ')})`,
      before.ok,
      before.text,
    );

    const obtained = await web.exec([...certbotEnv, '/bin/sh', CERTBOT_SCRIPT_PATH, 'obtain'], null, 180000);
    add(
      `the bundle's certbot step obtains a certificate for ${tls.domains.join(', ')} (nginx serves the challenge)`,
      obtained.status === 0 && /Successfully received certificate/.test(obtained.output),
      `${obtained.output}\n--- pebble\n${readFileSync(join(dir, 'pebble.log'), 'utf8').slice(-3000)}`,
    );
    const challenge = stack.logs().find((log) => log.service === web.spec.name)?.text ?? '';
    add(
      'nginx served the HTTP-01 challenge from the shared webroot',
      /GET \/\.well-known\/acme-challenge\/[^ ]+ HTTP\/1\.1" 200/.test(challenge),
      challenge.slice(-3000),
    );

    // Pebble's root: the only trust anchor of the checks below.
    const rootCa = join(dir, 'pebble-root.pem');
    const fetched = await run(
      stack.hostSideCommand([
        'curl',
        '-sS',
        '--cacert',
        apiCert,
        '-o',
        rootCa,
        `https://${address}:15000/roots/0`,
      ]),
      { timeoutMs: 10000 },
    );
    add('Pebble’s root certificate is fetched', fetched.status === 0, fetched.output);

    // The watcher of tls-init.sh reloads nginx within its check interval.
    let after = { ok: false, text: '' };
    const reloaded = await waitFor(
      async () => {
        after = await servedCertificate(stack, rootCa);
        return after.ok && /Pebble/i.test(after.text);
      },
      40000,
      1000,
    );
    add(
      `nginx reloads and serves the issued certificate (${after.text.replace(/\n/g, ', ')})`,
      reloaded,
      `${after.text}\n${challenge.slice(-1500)}`,
    );

    const name = tlsHostName(tls.domains);
    const curlHttps = () =>
      run(
        stack.hostSideCommand([
          'curl',
          '-sS',
          '--noproxy',
          '*',
          '--cacert',
          rootCa,
          '--resolve',
          https.resolve,
          '-o',
          '/dev/null',
          '-w',
          '%{http_code}',
          `https://${name}:${https.port}/api/health`,
        ]),
        { timeoutMs: 15000 },
      );
    const first = await curlHttps();
    add(
      `curl over https trusts Pebble’s root (${first.stdout.trim() || first.stderr.trim()})`,
      first.stdout.trim() === '200',
      first.output,
    );

    await sleep(500);
    const renewal = await web.exec([...certbotEnv, '/bin/sh', CERTBOT_SCRIPT_PATH, 'renew'], null, 120000);
    add(
      'a second renewal run is a no-op (not yet due)',
      renewal.status === 0 &&
        /not yet due|No renewals were attempted/i.test(renewal.output) &&
        !/installed the certificate/.test(renewal.output),
      renewal.output,
    );
    const still = await servedCertificate(stack, rootCa);
    add(
      'the same certificate is still served after the renewal run',
      still.ok && still.text === after.text,
      `${after.text}\n${still.text}`,
    );
    const second = await curlHttps();
    add(
      `nginx keeps serving over https (${second.stdout.trim()})`,
      second.stdout.trim() === '200',
      second.output,
    );
    return checks;
  } finally {
    for (const child of children)
      if (child.pid !== undefined && child.exitCode === null) child.kill('SIGTERM');
    await stack.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
