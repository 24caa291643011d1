import type { Design } from '../../src/model/design';
import { hasErrors, hasInputErrors, validate } from '../../src/validation/validate';
import { join } from 'node:path';
import { formatLogs, runProbes, type ProbeResult } from './probes';
import { run } from './proc';
import { startDesign, type StackOptions } from './stack';
import { tlsProofs, type TlsCheck } from './tlsProofs';

export interface SmokeOutcome {
  ok: boolean;
  /** Why nothing was probed (refused design, start failure), when that happened. */
  refused?: string;
  results: ProbeResult[];
  startupProblems: string[];
  logs: string;
  /** Container processes still alive after the stack was stopped (a cleanup failure). */
  survivors: number[];
  /** The HTTPS proofs (scripts/lib/tlsProofs.ts), when the entry serves HTTPS. */
  tlsChecks?: TlsCheck[];
  /** The bundle's own scripts/smoke.sh run against the same stack (when asked for). */
  bundleScript?: { ok: boolean; output: string };
}

export interface SmokeOptions extends StackOptions {
  force?: boolean;
  print?: (line: string) => void;
  /** Print the service logs even when every hop passes. */
  verbose?: boolean;
  /** Also run the bundle's own scripts/smoke.sh (what `make smoke` runs) from the host side. */
  bundleScript?: boolean;
  /** With HTTPS: also run the independent TLS scanner against the entry (scripts/lib/tlsScan.ts). */
  tlsScan?: boolean;
}

/**
 * Validate, export and run a design, then curl each hop: the body of `npm run smoke`.
 * Errors refuse the design unless `force`; invalid-* input errors refuse it always.
 */
export async function smokeDesign(design: Design, options: SmokeOptions = {}): Promise<SmokeOutcome> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const diagnostics = validate(design);
  for (const diagnostic of diagnostics)
    print(`${diagnostic.severity === 'error' ? 'error' : 'warn '} ${diagnostic.rule}: ${diagnostic.message}`);
  if (hasInputErrors(diagnostics)) {
    const refused =
      'the design has invalid-* input errors: no bundle is generated from it, not even with --force';
    return { ok: false, refused, results: [], startupProblems: [], logs: '', survivors: [] };
  }
  if (hasErrors(diagnostics) && !options.force) {
    const refused = 'the design has errors; fix them or pass --force to run it anyway';
    return { ok: false, refused, results: [], startupProblems: [], logs: '', survivors: [] };
  }
  const stack = await startDesign(design, options);
  let outcome: Omit<SmokeOutcome, 'survivors'>;
  try {
    for (const problem of stack.startupProblems) print(`note ${problem}`);
    print(
      `entry ${stack.entryUrl} (published port of ${stack.plan.services.find((s) => s.published.length)?.name ?? '?'})`,
    );
    if (stack.https)
      print(`https ${stack.https.url} (every hop trusts only the certificate nginx serves: curl --cacert)`);
    const results = await runProbes(stack, print);
    const ok = results.length > 0 && results.every((result) => result.ok);
    const tlsChecks = stack.plan.entryTls
      ? await tlsProofs(stack, { scan: options.tlsScan ?? false })
      : undefined;
    for (const check of tlsChecks ?? []) {
      print(`${check.ok ? 'ok  ' : 'FAIL'} ${check.label}`);
      if (!check.ok) print(check.detail.replace(/^/gm, '     | '));
    }
    const tlsOk = (tlsChecks ?? []).every((check) => check.ok);
    if (results.length === 0) print('FAIL the plan has no probes: nothing was checked');
    const logs = formatLogs(stack);
    if (!ok || !tlsOk || options.verbose) print(logs);
    outcome = {
      ok: ok && tlsOk,
      results,
      startupProblems: stack.startupProblems,
      logs,
      ...(tlsChecks ? { tlsChecks } : {}),
    };
    if (options.bundleScript) {
      // With HTTPS: the script's https address, trusting the served certificate, reaching the published port.
      const https = stack.https;
      const tlsEnv = https
        ? { CACERT: https.caFile, CONNECT_TO: `${https.host}:${https.port}:${https.address}:${https.port}` }
        : {};
      const script = await run(
        stack.hostSideCommand([
          'sh',
          join(stack.bundleDir, 'scripts', 'smoke.sh'),
          https ? https.url : stack.entryUrl,
        ]),
        { env: { ...process.env, no_proxy: '*', NO_PROXY: '*', ...tlsEnv }, timeoutMs: 120000 },
      );
      outcome = { ...outcome, bundleScript: { ok: script.status === 0, output: script.output } };
    }
  } catch (error) {
    await stack.stop();
    throw error;
  }
  const survivors = await stack.stop();
  if (survivors.length > 0)
    print(`FAIL cleanup: container processes ${survivors.join(', ')} outlived the stack`);
  return { ...outcome, ok: outcome.ok && survivors.length === 0, survivors };
}
