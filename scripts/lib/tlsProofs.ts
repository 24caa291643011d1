/**
 * HTTPS proofs against a running stack whose entry serves HTTPS: plain HTTP answers 301 to https (when
 * the design redirects), HSTS is sent (when on), TLS 1.1 is refused while TLS 1.2 and 1.3 verify against
 * the served certificate, and nginx -t passes in the web container with the certificate in place.
 * Every check trusts only the certificate nginx serves (curl --cacert, openssl -CAfile), never -k.
 * With `scan`, an independent TLS scanner (scripts/lib/tlsScan.ts) runs against the entry too.
 */
import { run } from './proc';
import type { Stack } from './stack';
import { tlsScan } from './tlsScan';

export interface TlsCheck {
  label: string;
  ok: boolean;
  detail: string;
}

/** openssl s_client against the entry; the client allows old versions (SECLEVEL=0) so the server decides. */
async function handshake(stack: Stack, version: 'tls1_1' | 'tls1_2' | 'tls1_3') {
  const https = stack.https!;
  const argv = [
    'openssl',
    's_client',
    '-connect',
    `${https.address}:${https.port}`,
    '-servername',
    https.host,
    `-${version}`,
    '-CAfile',
    https.caFile,
    '-verify_return_error',
    '-verify_hostname',
    https.host,
  ];
  if (version !== 'tls1_3') argv.push('-cipher', 'DEFAULT@SECLEVEL=0');
  return run(stack.hostSideCommand(argv), { timeoutMs: 15000 });
}

export async function tlsProofs(stack: Stack, options: { scan?: boolean } = {}): Promise<TlsCheck[]> {
  const https = stack.https;
  const tls = stack.plan.entryTls;
  if (!https || !tls) return [{ label: 'https entry', ok: false, detail: 'the stack has no HTTPS entry' }];
  const checks: TlsCheck[] = [];
  const curl = (argv: string[]) =>
    run(stack.hostSideCommand(['curl', '-sS', '--noproxy', '*', '--max-time', '15', ...argv]), {
      timeoutMs: 20000,
    });

  if (tls.redirectHttp) {
    const answer = await curl([
      '-o',
      '/dev/null',
      '-w',
      '%{http_code} %{redirect_url}',
      `${stack.entryUrl}/api/health?x=1`,
    ]);
    const [status, location] = answer.stdout.trim().split(' ');
    const port = tls.port === 443 ? '' : `:${tls.port}`;
    // nginx builds the Location from the Host header curl sent (the published address).
    const expected = `https://${new URL(stack.entryUrl).hostname}${port}/api/health?x=1`;
    checks.push({
      label: `http answers 301 to https (${status} → ${location ?? ''})`,
      ok: status === '301' && location === expected,
      detail: `expected 301 → ${expected}\n${answer.output}`,
    });
    const acme = await curl([
      '-o',
      '/dev/null',
      '-w',
      '%{http_code}',
      `${stack.entryUrl}/.well-known/acme-challenge/none`,
    ]);
    const acmeStatus = acme.stdout.trim();
    const acmeExpected = tls.mode === 'letsencrypt' ? '404' : '301';
    checks.push({
      label: `the ACME challenge path ${tls.mode === 'letsencrypt' ? 'is served over http, not redirected' : 'redirects like the rest'} (${acmeStatus})`,
      ok: acmeStatus === acmeExpected,
      detail: acme.output,
    });
  }

  const headers = await curl([
    '--cacert',
    https.caFile,
    '--resolve',
    https.resolve,
    '-o',
    '/dev/null',
    '-D',
    '-',
    `${https.url}/api/health`,
  ]);
  const hsts = /^strict-transport-security: *max-age=(\d+)/im.exec(headers.stdout);
  checks.push({
    label: tls.hsts
      ? `https sends Strict-Transport-Security (max-age=${hsts?.[1] ?? 'none'})`
      : 'https sends no Strict-Transport-Security (hsts off)',
    ok: tls.hsts ? hsts !== null && Number(hsts[1]) >= 31536000 : hsts === null && headers.status === 0,
    detail: headers.output,
  });
  const http2 = /^HTTP\/2 200/m.test(headers.stdout);
  checks.push({ label: 'https speaks HTTP/2', ok: http2, detail: headers.output });
  checks.push({
    label: 'https sends the security headers',
    ok:
      /^x-content-type-options: nosniff/im.test(headers.stdout) &&
      /^x-frame-options: DENY/im.test(headers.stdout),
    detail: headers.stdout,
  });

  const old = await handshake(stack, 'tls1_1');
  checks.push({
    label: `a TLS 1.1 handshake is refused (openssl s_client -tls1_1 exit ${old.status})`,
    // The server's alert, not the client's own refusal ("no protocols available"), and no cipher agreed.
    ok:
      old.status !== 0 && /alert protocol version/.test(old.output) && /Cipher is \(NONE\)/.test(old.output),
    detail: old.output,
  });
  for (const version of ['tls1_2', 'tls1_3'] as const) {
    const result = await handshake(stack, version);
    checks.push({
      label: `a ${version.replace('tls1_', 'TLS 1.')} handshake verifies against the served certificate`,
      ok: result.status === 0 && /Verify return code: 0 \(ok\)/.test(result.stdout),
      detail: result.output,
    });
  }

  const web = stack.containers.find((container) =>
    stack.plan.services.some(
      (service) =>
        service.name === container.spec.name &&
        service.runs.kind === 'web' &&
        service.runs.servers.some((server) => server.tls === tls),
    ),
  );
  // Output to a file: the image's error log is a link to /dev/stderr, which must be openable.
  const test = web
    ? await web.exec(
        ['/bin/sh', '-c', 'nginx -t >/tmp/nginx-t.log 2>&1; status=$?; cat /tmp/nginx-t.log; exit $status'],
        null,
        15000,
      )
    : null;
  checks.push({
    label: 'nginx -t passes in the web container with the certificate in place',
    ok: test?.status === 0,
    detail: test?.output ?? 'no web container',
  });
  if (options.scan) checks.push(await tlsScan(stack));
  return checks;
}
