/**
 * HTTPS figures: new TLS handshakes per second (no session reuse: openssl s_time -new) through the
 * generated nginx of a self-signed bundle, beside the same nginx in the same container serving the same
 * certificate with Debian's default TLS settings; and HTTPS requests per second with keep-alive (wrk).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setNodeProps } from '../../src/model/edit';
import { loadTemplate } from '../../src/model/templates';
import { run } from '../../scripts/lib/proc';
import { startDesign, type Stack } from '../../scripts/lib/stack';
import { requireTools } from '../../scripts/lib/tools';
import { round } from './stats';
import { runWrk } from './wrk';

export interface TlsReport {
  tlsHandshakesPerSec: number;
  debianDefaultHandshakesPerSec: number;
  ratio: number;
  httpsRequestsPerSec: number | null;
  reason?: string;
}

/** What Debian's nginx.conf sets for TLS (ssl_protocols, ssl_prefer_server_ciphers), on the same certificate. */
function debianDefaultConf(certificate: string, key: string, port: number): string {
  return `worker_processes auto;
pid /tmp/debian-default.pid;
error_log /tmp/debian-default-error.log;
events { worker_connections 768; }
http {
    access_log off;
    client_body_temp_path /tmp/dd-body;
    proxy_temp_path /tmp/dd-proxy;
    fastcgi_temp_path /tmp/dd-fastcgi;
    uwsgi_temp_path /tmp/dd-uwsgi;
    scgi_temp_path /tmp/dd-scgi;
    ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3;
    ssl_prefer_server_ciphers on;
    server {
        listen ${port} ssl;
        ssl_certificate ${certificate};
        ssl_certificate_key ${key};
        location / { return 200 "ok"; }
    }
}
`;
}

/** New connections per second over `seconds`, each a full handshake. */
async function handshakesPerSec(stack: Stack, address: string, seconds: number): Promise<number> {
  const result = await run(
    stack.hostSideCommand(['openssl', 's_time', '-connect', address, '-new', '-time', String(seconds)]),
    { timeoutMs: (seconds + 20) * 1000 },
  );
  const match = /(\d+) connections in (\d+(?:\.\d+)?) real seconds/.exec(result.output);
  if (!match) throw new Error(`openssl s_time gave no count: ${result.output.slice(0, 400)}`);
  return round(Number(match[1]) / Number(match[2]), 1);
}

export async function benchTls(log: (line: string) => void, seconds = 8): Promise<TlsReport> {
  requireTools(['openssl']);
  const design = setNodeProps(loadTemplate('gunicorn-flask-sqlite'), 'proxy', { tls: 'self-signed' });
  const stack = await startDesign(design);
  try {
    const tls = stack.plan.entryTls!;
    const web = stack.containers.find((container) => container.spec.name === 'web')!;
    const address = stack.addresses.get('web')!;
    const debianPort = tls.port === 9443 ? 9444 : 9443;
    writeFileSync(
      join(`/proc/${web.initPid()}/root`, '/tmp/debian-default.conf'),
      debianDefaultConf(tls.certificate, tls.key, debianPort),
    );
    // The daemon must not hold the exec's output pipes open.
    const started = await web.exec(
      ['/bin/sh', '-c', 'nginx -c /tmp/debian-default.conf >/dev/null 2>&1 </dev/null'],
      null,
      15000,
    );
    if (started.status !== 0) throw new Error(`Debian-default nginx did not start: ${started.output}`);
    // Alternating runs, so a slow moment of the shared machine does not favour one side.
    const generated: number[] = [];
    const debian: number[] = [];
    for (const _run of ['first', 'second']) {
      generated.push(await handshakesPerSec(stack, `${address}:${tls.port}`, seconds));
      debian.push(await handshakesPerSec(stack, `${address}:${debianPort}`, seconds));
    }
    const best = (values: number[]) => Math.max(...values);
    log(`  handshakes/s generated ${generated.join(', ')}; Debian default ${debian.join(', ')}`);
    let httpsRequestsPerSec: number | null = null;
    let reason: string | undefined;
    if ((await run(['which', 'wrk'])).status === 0) {
      const wrk = await runWrk(
        `https://${address}:${tls.port}/api/health`,
        16,
        seconds,
        stack.hostSideCommand([]),
      );
      httpsRequestsPerSec = round(wrk.requestsPerSec, 0);
    } else reason = 'wrk is not installed (STACKSKETCH_BENCH=1 npm run setup:system installs it)';
    return {
      tlsHandshakesPerSec: best(generated),
      debianDefaultHandshakesPerSec: best(debian),
      ratio: round(best(generated) / best(debian), 2),
      httpsRequestsPerSec,
      ...(reason ? { reason } : {}),
    };
  } finally {
    await stack.stop();
  }
}
