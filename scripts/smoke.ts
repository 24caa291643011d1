/**
 * `npm run --silent smoke -- FILE [--force] [--keep] [--verbose]`: export the design and run it for real
 * on this machine (README, "Proving a bundle with the real servers"): each Compose service in its own container-lite (namespaces, overlay
 * root, named volumes, service names in /etc/hosts), the real nginx, Gunicorn/uWSGI and Flask with the
 * generated files, then one curl per hop through the published port. Exit 0 only when every hop passes.
 * With `--target server`: the server bundle installed for real on a Debian root booted with systemd
 * under systemd-nspawn (scripts/lib/serverSmoke.ts). With `--target kubernetes`: the Pods started from
 * what the k8s/ manifests declare, Services as virtual addresses (scripts/lib/k8sSmoke.ts).
 */
import { parseArgs } from 'node:util';
import { printLoadErrors, readDesignFile } from '../src/cli/io';
import { smokeKubernetes } from './lib/k8sSmoke';
import { smokeServer } from './lib/serverSmoke';
import { smokeDesign } from './lib/smokeRun';

const USAGE =
  'usage: npm run --silent smoke -- FILE [--force] [--keep] [--verbose] [--target compose|server|kubernetes]\n';

const printStep = (line: string) => process.stderr.write(`  ${line}\n`);

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      options: {
        force: { type: 'boolean', default: false },
        keep: { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
        target: { type: 'string', default: 'compose' },
      },
      allowPositionals: true,
    });
  } catch (error) {
    process.stderr.write(`error: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    process.stderr.write(USAGE);
    return 2;
  }
  const file = positionals[0]!;
  const loaded = readDesignFile(file);
  if (!loaded.ok) {
    printLoadErrors(file, loaded);
    return 2;
  }
  const started = Date.now();
  // The server and kubernetes runs report steps; the outcome line is the same for both.
  const stepRun =
    values.target === 'server'
      ? smokeServer(loaded.design, { force: values.force, print: printStep })
      : values.target === 'kubernetes'
        ? smokeKubernetes(loaded.design, { force: values.force, keep: values.keep, print: printStep })
        : undefined;
  if (stepRun) {
    const outcome = await stepRun;
    if (outcome.refused) {
      process.stderr.write(`error: ${outcome.refused}\n`);
      return 1;
    }
    const passed = outcome.steps.filter((step) => step.ok).length;
    process.stdout.write(
      `${outcome.ok ? 'smoke passed' : 'smoke FAILED'} (${values.target}): ${passed}/${outcome.steps.length} steps in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
    return outcome.ok ? 0 : 1;
  }
  if (values.target !== 'compose') {
    process.stderr.write(
      `error: no smoke run for target "${values.target}" (compose, server or kubernetes)\n`,
    );
    return 2;
  }
  try {
    const outcome = await smokeDesign(loaded.design, {
      force: values.force,
      keep: values.keep,
      verbose: values.verbose,
      progress: (line) => process.stderr.write(`  ${line}\n`),
    });
    if (outcome.refused) {
      process.stderr.write(`error: ${outcome.refused}\n`);
      return 1;
    }
    const passed = outcome.results.filter((result) => result.ok).length;
    process.stdout.write(
      `${outcome.ok ? 'smoke passed' : 'smoke FAILED'}: ${passed}/${outcome.results.length} hops in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
    return outcome.ok ? 0 : 1;
  } catch (error) {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

main().then((code) => {
  process.exitCode = code;
});
