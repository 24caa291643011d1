/**
 * An independent TLS scanner against a running stack's HTTPS entry: testssl.sh (Debian's `testssl`)
 * from the host side of the stack's network, offline (no DNS lookups, no CRL or OCSP fetches), with
 * the checks that can rate a finding HIGH or CRITICAL: protocols, cipher categories, the server's
 * cipher order, the certificate and the known vulnerabilities. Its JSON findings are read back; any
 * HIGH or CRITICAL one fails the proof unless the allow-list below names it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './proc';
import { requireTools } from './tools';
import type { Stack } from './stack';
import type { TlsCheck } from './tlsProofs';

/**
 * Findings a self-signed certificate in a test cannot avoid, with the reason. Nothing else is ignored.
 */
export const SELF_SIGNED_ALLOWED: ReadonlyMap<string, string> = new Map([
  // No public root signs a certificate made at first start; the proofs trust it explicitly instead.
  ['cert_chain_of_trust', 'a self-signed certificate chains to no trusted root'],
  // A self-signed certificate has no CA to publish a CRL or run an OCSP responder.
  ['cert_revocation', 'a self-signed certificate names no CRL or OCSP responder'],
]);

/** Checks whose findings must be in the report, so a scan that reached nothing cannot pass. */
const EXPECTED_IDS = ['TLS1_1', 'TLS1_2', 'cipher_order', 'cert_keySize', 'heartbleed'];

const FAILING_SEVERITIES = new Set(['HIGH', 'CRITICAL', 'FATAL']);

export interface ScanFinding {
  id: string;
  severity: string;
  finding: string;
}

/** The HIGH, CRITICAL (and FATAL: the scan itself failed) findings not in the allow-list. */
export function failingFindings(
  findings: readonly ScanFinding[],
  allowed: ReadonlyMap<string, string> = SELF_SIGNED_ALLOWED,
): ScanFinding[] {
  return findings.filter((finding) => FAILING_SEVERITIES.has(finding.severity) && !allowed.has(finding.id));
}

export async function tlsScan(stack: Stack): Promise<TlsCheck> {
  requireTools(['testssl']);
  const https = stack.https!;
  const dir = mkdtempSync(join(tmpdir(), 'stacksketch-testssl-'));
  const report = join(dir, 'findings.json');
  const started = Date.now();
  try {
    const scan = await run(
      stack.hostSideCommand([
        'testssl',
        '--quiet',
        '--color',
        '0',
        '--warnings',
        'off',
        // Offline: the name is not looked up (the address is given), nothing is fetched from outside.
        '--nodns',
        'none',
        '--ip',
        https.address,
        '--connect-timeout',
        '10',
        '--openssl-timeout',
        '10',
        '--fast',
        '--protocols',
        '--std',
        '--server-preference',
        '--server-defaults',
        '--vulnerable',
        '--jsonfile',
        report,
        `${https.host}:${https.port}`,
      ]),
      { timeoutMs: 600_000 },
    );
    const seconds = Math.round((Date.now() - started) / 1000);
    let findings: ScanFinding[];
    try {
      findings = JSON.parse(readFileSync(report, 'utf8')) as ScanFinding[];
    } catch {
      return { label: 'testssl finds no HIGH or CRITICAL problem', ok: false, detail: scan.output };
    }
    const missing = EXPECTED_IDS.filter((id) => !findings.some((finding) => finding.id === id));
    const failing = failingFindings(findings);
    const allowed = findings.filter((finding) => SELF_SIGNED_ALLOWED.has(finding.id));
    const listed = (list: ScanFinding[]) =>
      list.map((finding) => `${finding.severity} ${finding.id}: ${finding.finding}`).join('\n');
    return {
      label:
        `testssl finds no HIGH or CRITICAL problem (${findings.length} findings in ${seconds} s; ` +
        `allowed for a self-signed certificate: ${allowed.map((finding) => finding.id).join(', ') || 'none'})` +
        (failing.length ? `: ${failing.map((finding) => finding.id).join(', ')}` : ''),
      ok: failing.length === 0 && missing.length === 0,
      detail: [
        failing.length ? `HIGH or CRITICAL:\n${listed(failing)}` : '',
        missing.length ? `the scan reported nothing for ${missing.join(', ')}` : '',
        scan.output,
      ]
        .filter(Boolean)
        .join('\n'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
