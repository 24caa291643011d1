/**
 * `npm run test:bundle`: generated bundles checked with the real tools, then run for real.
 *
 * 1. For every template and a deterministic variety of valid designs (scripts/lib/varieties.ts): export
 *    with generate() (what the CLI writes) and run docker-compose config -q, nginx -t, gunicorn
 *    --check-config, uwsgi --strict (python3 plugin on the command line), the app import,
 *    python3 -m py_compile and sh -n on the bundle's smoke script.
 * 2. The real run (npm run smoke) of the four templates and the non-React varieties (plus one React
 *    variety), and of the forced uwsgi_pass → http-socket design, which must answer 502 at the API hop.
 *    HTTPS designs (scripts/lib/tlsDesigns.ts) also get the HTTPS proofs (scripts/lib/tlsProofs.ts), and
 *    the self-signed Django one an independent TLS scanner (testssl.sh, scripts/lib/tlsScan.ts) that
 *    fails on any HIGH or CRITICAL finding a self-signed certificate does not explain.
 *
 * 3. A few hundred property-based error-free designs (fast-check, fixed seed) through docker-compose
 *    config, nginx -t, uwsgi --strict, py_compile and sh -n, then the bundles' own flake8 and black
 *    --check (shipped config) and pytest (once per distinct app folder), batched.
 *
 * 4. Fault proofs (scripts/lib/faults.ts) of the gunicorn and uwsgi templates and the replicated
 *    template: balancing, a killed worker, a killed copy, graceful reloads, SIGTERM, concurrent writes.
 *
 * 4b. Let's Encrypt end to end (scripts/lib/letsencryptProof.ts): the https-letsencrypt template's own
 *    certbot step against Debian's Pebble in the stack's network namespace ("letsencrypt" selects it).
 *
 * 5. The `server` target (scripts/lib/serverChecks.ts, serverSmoke.ts): systemd-analyze verify and
 *    security, shellcheck, nginx -t in Debian's stock nginx.conf, and a real install on a booted
 *    Debian 12 under systemd-nspawn, for the first-release templates, the Django one, two servers
 *    in one container and HTTPS (self-signed over the whole smoke; Let's Encrypt against Pebble inside
 *    the booted host, scripts/lib/serverLetsencrypt.ts) ("server" selects this part).
 *
 * 6. The `kubernetes` target (scripts/lib/k8sChecks.ts, k8sSmoke.ts): every manifest of the templates,
 *    the varieties and the property-based designs validated offline against the Kubernetes OpenAPI
 *    schemas plus a strict unknown-field check, references, selectors and ports; then the real run of
 *    every template from what the manifests declare ("kubernetes" selects this part).
 *
 * 7. The Korean bundles (scripts/lib/bundle.ts, `export --lang ko`): every template exported in Korean for
 *    each target and put through the same static checks as the English ones (compose: docker-compose
 *    config, nginx -t, gunicorn --check-config, uwsgi, the app import, py_compile, sh -n; server:
 *    systemd-analyze verify, shellcheck, nginx -t; kubernetes: the offline schemas). Only the comments
 *    change with the language, and this proves each file still reads in its own syntax ("korean"
 *    selects this part, "korean <template>" one template).
 *
 * Options: --only SUBSTRING (cases whose id contains it; "fuzz", "broken", "502", "fault", "server",
 * "kubernetes" select those parts; "kubernetes:SUBSTRING" the kubernetes part with only the real runs
 * whose id contains SUBSTRING; "server <id>" one design of the server part),
 * --no-run (static checks only), --fuzz N (property-based designs, default 200; 0 skips),
 * --keep (keep the temp folder). Prints `N passed, M failed` last; exits 1 on any failure.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadDesign, parseDesign } from '../src/model/load';
import type { Design } from '../src/model/design';
import { TEMPLATE_IDS, loadTemplate } from '../src/model/templates';
import { hasErrors, validate } from '../src/validation/validate';
import { generate } from '../src/exporters/generate';
import { makeTempDir, writeBundle, writeFiles } from './lib/bundle';
import { checkKubernetesBundle } from './lib/k8sChecks';
import { fixedForKubernetes, kubernetesSmokeDesigns, smokeKubernetes } from './lib/k8sSmoke';
import { checkServerBundle } from './lib/serverChecks';
import { smokeServer } from './lib/serverSmoke';
import { letsencryptOnServer } from './lib/serverLetsencrypt';
import { smokeDesign, type SmokeOutcome } from './lib/smokeRun';
import { checkBundle, checkBundlesBatch, type BatchBundle } from './lib/staticChecks';
import { fuzzDesigns } from './lib/fuzzDesigns';
import { varieties } from './lib/varieties';
import { tlsDesigns } from './lib/tlsDesigns';
import { letsencryptProof } from './lib/letsencryptProof';
import { VARIETY as EXPORTER_CATALOGUE, load as loadExporterDesign } from '../src/exporters/testing/designs';
import { readFileSync as readText, writeFileSync } from 'node:fs';
import { startBundle } from './lib/stack';
import { runProbes } from './lib/probes';
import { faultProofs, stickinessProof } from './lib/faults';
import { setEdgeProp, setNodeProps } from '../src/model/edit';

/** The designs the fault proofs run on: both WSGI server templates and the replicated one. */
const FAULT_TEMPLATES = ['gunicorn-flask-sqlite', 'uwsgi-unix-socket', 'load-balanced-gunicorn'] as const;

/** Workers recycled every 100 requests (jitter 10), so every proof also runs across recycling. */
const RECYCLE_EVERY = 100;

function recycledOften(design: Design): Design {
  return design.nodes
    .filter((node) => 'maxRequests' in node.props)
    .reduce(
      (next, node) =>
        setNodeProps(next, node.id, {
          maxRequests: RECYCLE_EVERY,
          ...('maxRequestsJitter' in node.props ? { maxRequestsJitter: RECYCLE_EVERY / 10 } : {}),
        }),
      design,
    );
}

/**
 * Whether the uWSGI on this machine ends a threaded worker with pthread_cancel on a graceful reload
 * or stop: every release before 2.0.27 (Debian ships 2.0.21). A thread cancelled while it waits for
 * Python's lock leaves the worker stuck until reload-mercy (30 s), and the master serves nothing
 * meanwhile: about one reload in sixteen here stalled every request that long. uWSGI 2.0.27 ends the
 * worker loop through a pipe instead, and the bundle pins 2.0.28.
 */
function uwsgiCancelsThreads(): boolean {
  const version = /(\d+)\.(\d+)\.(\d+)/.exec(execFileSync('uwsgi', ['--version'], { encoding: 'utf8' }));
  if (!version) throw new Error('uwsgi --version printed no version');
  const [major, minor, patch] = version.slice(1).map(Number) as [number, number, number];
  return major * 1_000_000 + minor * 1_000 + patch < 2_000_027;
}

/** The design with one thread per uWSGI worker (see uwsgiCancelsThreads). */
function uwsgiWithoutThreads(design: Design): Design {
  return design.nodes
    .filter((node) => node.kind === 'uwsgi')
    .reduce((next, node) => setNodeProps(next, node.id, { threads: 1 }), design);
}

async function faultRuns(): Promise<void> {
  process.stdout.write(
    `\n== fault proofs (load through nginx, one fault at a time, workers recycled every ${RECYCLE_EVERY} requests) of ${FAULT_TEMPLATES.length} designs\n`,
  );
  const oneThread = uwsgiCancelsThreads();
  if (oneThread)
    process.stdout.write(
      'note: this uWSGI is older than 2.0.27 and cancels threads on a graceful reload (the bundle pins 2.0.28): its fault proofs run one thread per worker\n',
    );
  for (const id of FAULT_TEMPLATES) {
    try {
      const design = recycledOften(loadTemplate(id));
      const { checks } = await faultProofs(`faults ${id}`, oneThread ? uwsgiWithoutThreads(design) : design);
      for (const check of checks) report(check.ok, check.label, check.ok ? '' : check.detail);
    } catch (error) {
      report(false, `faults ${id}: runs`, String(error instanceof Error ? error.stack : error));
    }
  }
  const ipHash = setEdgeProp(loadTemplate('load-balanced-gunicorn'), 'e2', 'balance', 'ip-hash');
  const sticky = await stickinessProof('faults load-balanced-gunicorn', ipHash).catch((error: unknown) => ({
    label: 'faults ip-hash: runs',
    ok: false,
    detail: String(error),
  }));
  report(sticky.ok, sticky.label, sticky.ok ? '' : sticky.detail);
}

async function letsencryptRun(): Promise<void> {
  process.stdout.write("\n== Let's Encrypt end to end against Pebble (template https-letsencrypt)\n");
  try {
    for (const check of await letsencryptProof(loadTemplate('https-letsencrypt')))
      report(check.ok, `letsencrypt: ${check.label}`, check.ok ? '' : check.detail);
  } catch (error) {
    report(false, 'letsencrypt: runs', String(error instanceof Error ? error.stack : error));
  }
}

/** The first release's templates, the replicated one and the Django one, also proven on the server target. */
const SERVER_TEMPLATES = [
  'gunicorn-flask-sqlite',
  'uwsgi-unix-socket',
  'react-nginx-gunicorn',
  'flask-dev-server',
  'load-balanced-gunicorn',
  'django-gunicorn-nginx',
] as const;

/** Catalogue designs the server target must also carry: two servers of one container (two units). */
const SERVER_CATALOGUE = ['two-servers-one-container'] as const;

interface ServerDesign {
  id: string;
  design: Design;
  /** Booted and installed for real (false: checked with the real tools only). */
  realRun: boolean;
  /** Booted with certbot and Pebble: Let's Encrypt end to end on the host (scripts/lib/serverLetsencrypt.ts). */
  pebble?: boolean;
}

/**
 * HTTPS on the server target. The Let's Encrypt template runs against Pebble inside the booted host;
 * the user's own files are checked statically (the host has no certificate files of the user's);
 * the Let's Encrypt template made self-signed runs the whole smoke over HTTPS.
 */
function serverTlsDesigns(): ServerDesign[] {
  const letsencrypt = loadTemplate('https-letsencrypt');
  const ownFiles = tlsDesigns().find(({ id }) => id === 'tls own files')!;
  return [
    { id: 'https-letsencrypt', design: letsencrypt, realRun: false, pebble: true },
    {
      id: 'https-letsencrypt self-signed',
      design: setNodeProps(letsencrypt, 'proxy', { tls: 'self-signed' }),
      realRun: true,
    },
    { id: ownFiles.id, design: ownFiles.design, realRun: false },
  ];
}

/**
 * Every design of the server part, by id; `--only "server <id>"` keeps the one(s) whose
 * "server <id>" contains it ("server" alone keeps them all).
 */
function serverDesigns(only: string | undefined): ServerDesign[] {
  const designs = [
    ...SERVER_TEMPLATES.map((id) => ({ id, design: loadTemplate(id), realRun: true })),
    ...SERVER_CATALOGUE.map((id) => ({
      id,
      design: loadExporterDesign(EXPORTER_CATALOGUE[id]!),
      realRun: true,
    })),
    ...serverTlsDesigns(),
  ];
  return designs.filter(({ id }) => !only || `server ${id}`.includes(only));
}

const FORCED_502_FIXTURE = join(import.meta.dirname, 'fixtures', 'uwsgi-pass-http-socket.stacksketch.json');

interface Case {
  id: string;
  design: Design;
  /** Run it for real too (templates, non-React varieties, one React variety). */
  run: boolean;
  /** Also scan its HTTPS entry with an independent TLS scanner (testssl.sh). */
  tlsScan?: boolean;
}

let passed = 0;
let failed = 0;
const failures: string[] = [];

function report(ok: boolean, label: string, detail = ''): void {
  if (ok) passed++;
  else {
    failed++;
    failures.push(label);
  }
  process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${label}\n`);
  if (!ok && detail) process.stdout.write(`${detail.replace(/^/gm, '     | ')}\n`);
}

function cases(): Case[] {
  const list: Case[] = TEMPLATE_IDS.map((id) => ({
    id: `template ${id}`,
    design: loadTemplate(id),
    run: true,
  }));
  for (const { id, design, tlsScan } of tlsDesigns()) list.push({ id, design, run: true, tlsScan });
  let reactRuns = 0;
  for (const variety of varieties()) {
    const loaded = loadDesign(variety.file);
    if (!loaded.ok) {
      report(false, `variety ${variety.id} loads`, JSON.stringify(loaded.errors, null, 2));
      continue;
    }
    // Every React variety shares the template's package.json, so one run proves the build path.
    const run = !variety.react || reactRuns++ === 0;
    list.push({ id: `variety ${variety.id}`, design: loaded.design, run });
  }
  // The exporters' own catalogue of designs (unit-tested there), here checked and run for real.
  for (const [id, raw] of Object.entries(EXPORTER_CATALOGUE)) {
    const loaded = loadDesign(structuredClone(raw));
    if (!loaded.ok) {
      report(false, `catalogue ${id} loads`, JSON.stringify(loaded.errors, null, 2));
      continue;
    }
    const react = loaded.design.nodes.some((node) => node.kind === 'react-static');
    list.push({ id: `catalogue ${id}`, design: loaded.design, run: !react });
  }
  return list;
}

function smokeSummary(outcome: SmokeOutcome): string {
  return [
    outcome.refused ?? '',
    ...outcome.startupProblems,
    ...outcome.results.map((result) => result.line),
    outcome.ok ? '' : outcome.logs,
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * The real run must notice what Docker would: a socket nginx's user cannot open, an app server bound to
 * its own loopback (unreachable from the nginx container). Each generated bundle is broken on purpose
 * and must fail at the API hop with 502.
 */
async function sensitivityRuns(temp: string): Promise<void> {
  const cases: {
    id: string;
    template: (typeof TEMPLATE_IDS)[number];
    file: string;
    pattern: RegExp;
    replacement: string;
  }[] = [
    {
      id: 'socket mode 600 (nginx runs as another user)',
      template: 'uwsgi-unix-socket',
      file: 'uwsgi.ini',
      pattern: /^chmod-socket\s*=.*$/m,
      replacement: 'chmod-socket = 600',
    },
    {
      id: 'gunicorn bound to 127.0.0.1 (another container cannot reach it)',
      template: 'gunicorn-flask-sqlite',
      file: 'gunicorn.conf.py',
      pattern: /^bind\s*=\s*"0\.0\.0\.0:/m,
      replacement: 'bind = "127.0.0.1:',
    },
  ];
  for (const item of cases) {
    const label = `broken on purpose, ${item.id}: smoke fails with 502 at the API hop`;
    const bundle = writeBundle(loadTemplate(item.template), join(temp, 'broken', item.template));
    const app = bundle.plan.services.find((service) => service.image === 'python')!;
    const path = join(bundle.dir, app.buildDir, item.file);
    const text = readText(path, 'utf8');
    if (!item.pattern.test(text)) {
      report(false, label, `${item.file} has no line matching ${item.pattern}:\n${text}`);
      continue;
    }
    writeFileSync(path, text.replace(item.pattern, item.replacement));
    const stack = await startBundle(bundle.dir, bundle.plan);
    try {
      const results = await runProbes(stack, () => {});
      const first = results[0];
      report(
        first !== undefined && !first.ok && first.status === 502,
        label,
        results.map((result) => result.line).join('\n'),
      );
    } finally {
      const survivors = await stack.stop();
      if (survivors.length > 0)
        report(false, `${label}: cleanup`, `processes ${survivors.join(', ')} outlived the stack`);
    }
  }
}

/**
 * The `server` target: the first-release templates exported with --target server, checked with
 * systemd-analyze (verify; security exposure ≤ 2.0 per service unit), shellcheck and nginx -t in
 * Debian's stock nginx.conf, then installed for real on a Debian root booted under systemd-nspawn.
 */
async function serverTargetChecks(temp: string, realRuns: boolean, only: string | undefined): Promise<void> {
  const designs = serverDesigns(only);
  process.stdout.write(`\n== server target: ${designs.length} designs, real tools\n`);
  const exposure: Record<string, number> = {};
  for (const { id, design } of designs) {
    const { files } = generate(design, { target: 'server', lang: 'en' });
    const dir = join(temp, 'server', id);
    writeFiles(dir, files);
    const checked = checkServerBundle(dir, files, join(temp, 'work', 'server', id));
    for (const result of checked.results)
      report(
        result.ok,
        `server ${id}: ${result.name}`,
        result.ok ? '' : `$ ${result.command}\n${result.detail}`,
      );
    Object.assign(exposure, checked.exposure);
  }
  process.stdout.write(`systemd exposure per service unit: ${JSON.stringify(exposure)}\n`);
  if (!realRuns) return;
  process.stdout.write(`\n== server target: real runs (npm run smoke -- FILE --target server)\n`);
  for (const { id, design } of designs.filter((entry) => entry.realRun)) {
    const lines: string[] = [];
    const outcome = await smokeServer(design, { print: (line) => lines.push(line) });
    const summary = outcome.steps.map((step) => `${step.ok ? 'ok  ' : 'FAIL'} ${step.step}`).join('\n');
    report(
      outcome.ok,
      `server ${id}: installed and probed on a booted Debian 12 (${outcome.steps.length} steps)`,
      outcome.ok ? '' : `${outcome.refused ?? ''}\n${lines.join('\n')}`,
    );
    if (outcome.ok) process.stdout.write(`${summary.replace(/^/gm, '     | ')}\n`);
  }
  for (const { id, design } of designs.filter((entry) => entry.pebble)) {
    const lines: string[] = [];
    const outcome = await letsencryptOnServer(design, (line) => lines.push(line));
    for (const step of outcome.steps)
      report(
        step.ok,
        `server ${id}: Let's Encrypt (Pebble) on a booted Debian 12: ${step.step}`,
        step.detail,
      );
    if (!outcome.ok) process.stdout.write(`${lines.slice(-40).join('\n')}\n`);
  }
}

/**
 * The `kubernetes` target: the manifests of every template (even those the kubernetes rules refuse:
 * --force exports them), of every variety and catalogue design and of the property-based designs
 * that are error-free for this target, checked offline; then the real runs.
 */
async function kubernetesTargetChecks(realRuns: boolean, fuzzCount: number, runsOnly: string): Promise<void> {
  const designs: { id: string; design: Design }[] = [
    ...TEMPLATE_IDS.map((id) => ({ id: `template ${id}`, design: loadTemplate(id) })),
    ...cases()
      .filter((item) => !item.id.startsWith('template '))
      .filter((item) => !hasErrors(validate(item.design, 'kubernetes'))),
    // Most property-based designs use Compose names like "app_1": renamed by the quick fix, as a user would.
    ...fuzzDesigns(fuzzCount)
      .designs.map((item) => ({ id: item.id, design: fixedForKubernetes(item.design) }))
      .filter((item) => !hasErrors(validate(item.design, 'kubernetes'))),
  ];
  process.stdout.write(
    `\n== kubernetes target: manifests of ${designs.length} designs (templates, varieties, property-based designs after the kubernetes quick fixes), offline schemas\n`,
  );
  const failures = new Map<string, string[]>();
  for (const { id, design } of designs) {
    let files;
    try {
      files = generate(design, { target: 'kubernetes', lang: 'en' }).files;
    } catch (error) {
      failures.set('export', [...(failures.get('export') ?? []), `${id}: ${String(error)}`]);
      continue;
    }
    for (const check of await checkKubernetesBundle(files)) {
      const name = check.name.replace(/^\d+ /, '');
      if (!failures.has(name)) failures.set(name, []);
      if (!check.ok) failures.get(name)!.push(`${id}: ${check.detail}`);
    }
  }
  if (!failures.has('export')) failures.set('export', []);
  for (const [name, problems] of failures)
    report(
      problems.length === 0,
      `kubernetes ${designs.length} designs: ${name}`,
      problems.slice(0, 5).join('\n'),
    );
  if (!realRuns) return;
  process.stdout.write(`\n== kubernetes target: real runs (npm run smoke -- FILE --target kubernetes)\n`);
  // Every template, and the varieties and catalogue designs the compose smoke runs, after the quick fixes.
  const runs = [
    ...kubernetesSmokeDesigns(),
    ...cases()
      .filter((item) => item.run && !item.id.startsWith('template '))
      .map((item) => ({ id: item.id, design: fixedForKubernetes(item.design) }))
      .filter((item) => !hasErrors(validate(item.design, 'kubernetes'))),
  ].filter((item) => item.id.includes(runsOnly));
  for (const { id, design } of runs) {
    const lines: string[] = [];
    const outcome = await smokeKubernetes(design, { print: (line) => lines.push(line) }).catch(
      (error: unknown) => ({
        ok: false,
        steps: [],
        refused: String(error instanceof Error ? error.stack : error),
      }),
    );
    report(
      outcome.ok,
      `kubernetes ${id}: Pods started from the manifests, hops through the nginx Service (${outcome.steps.length} steps)`,
      outcome.ok ? '' : [outcome.refused ?? '', ...lines].join('\n'),
    );
  }
}

/** Every template exported in Korean for each target, through the static checks of that target (no runs). */
async function koreanChecks(temp: string, only: string | undefined): Promise<void> {
  const ids = TEMPLATE_IDS.filter((id) => !only || `korean ${id}`.includes(only));
  process.stdout.write(
    `\n== Korean bundles (--lang ko): static checks of ${ids.length} templates × 3 targets\n`,
  );
  for (const id of ids) {
    const design = loadTemplate(id);
    const label = `korean ${id}`;
    const safe = id.replace(/[^a-z0-9-]+/gi, '_');
    try {
      const bundle = writeBundle(design, join(temp, 'korean', 'compose', safe), {
        target: 'compose',
        lang: 'ko',
      });
      for (const result of await checkBundle(bundle.dir, bundle.plan, join(temp, 'work', 'korean', safe)))
        report(
          result.ok,
          `${label} compose: ${result.name}`,
          result.ok ? '' : `$ ${result.command}\n${result.detail}`,
        );
      const server = generate(design, { target: 'server', lang: 'ko' }).files;
      const serverDir = join(temp, 'korean', 'server', safe);
      writeFiles(serverDir, server);
      const checked = checkServerBundle(serverDir, server, join(temp, 'work', 'korean-server', safe));
      for (const result of checked.results)
        report(
          result.ok,
          `${label} server: ${result.name}`,
          result.ok ? '' : `$ ${result.command}\n${result.detail}`,
        );
      const kubernetes = generate(design, { target: 'kubernetes', lang: 'ko' }).files;
      for (const check of await checkKubernetesBundle(kubernetes))
        report(check.ok, `${label} kubernetes: ${check.name}`, check.ok ? '' : check.detail);
    } catch (error) {
      report(false, `${label}: export and check`, String(error instanceof Error ? error.stack : error));
    }
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      only: { type: 'string' },
      'no-run': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      fuzz: { type: 'string', default: '200' },
    },
  });
  const started = Date.now();
  const temp = makeTempDir('bundle-check');
  try {
    const selected = cases().filter((item) => !values.only || item.id.includes(values.only));
    process.stdout.write(`== real-tool checks of ${selected.length} generated bundles (${temp})\n`);
    for (const item of selected) {
      const diagnostics = validate(item.design);
      const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
      report(
        !hasErrors(diagnostics),
        `${item.id}: design is error-free`,
        errors.map((e) => `${e.rule}: ${e.message}`).join('\n'),
      );
      let bundle;
      try {
        bundle = writeBundle(item.design, join(temp, item.id.replace(/[^a-z0-9-]+/gi, '_')));
      } catch (error) {
        report(false, `${item.id}: export`, String(error instanceof Error ? error.stack : error));
        continue;
      }
      const work = join(temp, 'work', item.id.replace(/[^a-z0-9-]+/gi, '_'));
      for (const result of await checkBundle(bundle.dir, bundle.plan, work))
        report(
          result.ok,
          `${item.id}: ${result.name}`,
          result.ok ? '' : `$ ${result.command}\n${result.detail}`,
        );
    }
    const fuzzCount = Number(values.fuzz);
    if (fuzzCount > 0 && (!values.only || values.only.includes('fuzz'))) {
      const fuzz = fuzzDesigns(fuzzCount);
      process.stdout.write(
        `\n== real-tool checks of ${fuzz.designs.length} property-based designs (fast-check, fixed seed; ${fuzz.refused} generated designs had errors and were set aside: ${JSON.stringify(fuzz.refusedRules)})\n`,
      );
      const bundles: BatchBundle[] = [];
      for (const { id, design } of fuzz.designs) {
        try {
          const bundle = writeBundle(design, join(temp, 'fuzz', id));
          bundles.push({ id, dir: bundle.dir, plan: bundle.plan });
        } catch (error) {
          report(
            false,
            `${id}: export`,
            `${error instanceof Error ? error.stack : String(error)}\n${JSON.stringify(design)}`,
          );
        }
      }
      report(
        bundles.length === fuzz.designs.length,
        `fuzz: ${bundles.length}/${fuzz.designs.length} error-free designs export`,
      );
      for (const result of await checkBundlesBatch(bundles, join(temp, 'work', 'fuzz')))
        report(result.ok, `fuzz: ${result.name}`, result.ok ? '' : `$ ${result.command}\n${result.detail}`);
    }
    if (!values['no-run']) {
      const runs = selected.filter((item) => item.run);
      process.stdout.write(`\n== real runs (npm run smoke) of ${runs.length} designs\n`);
      for (const item of runs) {
        const lines: string[] = [];
        const outcome = await smokeDesign(item.design, {
          print: (line) => lines.push(line),
          bundleScript: true,
          tlsScan: item.tlsScan ?? false,
        }).catch((error: unknown): SmokeOutcome => ({
          ok: false,
          refused: `could not start: ${error instanceof Error ? error.message : String(error)}`,
          results: [],
          startupProblems: [],
          logs: '',
          survivors: [],
        }));
        const hops = outcome.results.map((result) => `${result.probe.hop} ${result.status}`).join(', ');
        report(
          outcome.ok,
          `${item.id}: smoke (${hops || 'no hops'})`,
          outcome.ok ? '' : smokeSummary(outcome),
        );
        for (const check of outcome.tlsChecks ?? [])
          report(check.ok, `${item.id}: ${check.label}`, check.ok ? '' : check.detail);
        if (outcome.bundleScript)
          report(
            outcome.bundleScript.ok,
            `${item.id}: the bundle's own scripts/smoke.sh (make smoke) passes`,
            outcome.bundleScript.output,
          );
      }
      if (!values.only || values.only.includes('fault')) await faultRuns();
      if (!values.only || (values.only.includes('letsencrypt') && !values.only.startsWith('server')))
        await letsencryptRun();
      if (!values.only || values.only.includes('broken')) await sensitivityRuns(temp);
      if (
        !values.only ||
        'forced uwsgi_pass → http-socket'.includes(values.only) ||
        values.only.includes('502')
      ) {
        const loaded = parseDesign(readFileSync(FORCED_502_FIXTURE, 'utf8'));
        if (!loaded.ok) report(false, 'forced 502 fixture loads', JSON.stringify(loaded.errors));
        else {
          const rules = validate(loaded.design).map((diagnostic) => diagnostic.rule);
          report(
            rules.includes('uwsgi-pass-needs-socket'),
            'forced 502 fixture: the rule uwsgi-pass-needs-socket warns',
            rules.join(', '),
          );
          const outcome = await smokeDesign(loaded.design, {
            force: true,
            print: () => {},
            bundleScript: true,
          });
          const firstFailure = outcome.results.find((result) => !result.ok);
          const atApiHop =
            !outcome.ok &&
            firstFailure !== undefined &&
            firstFailure.status === 502 &&
            /api/i.test(`${firstFailure.probe.hop} ${firstFailure.probe.path}`);
          report(
            atApiHop,
            `forced uwsgi_pass → http-socket: smoke fails with 502 at the API hop (${firstFailure?.line.split(' … ')[0] ?? 'no failing hop'})`,
            atApiHop ? '' : smokeSummary(outcome),
          );
          const script = outcome.bundleScript;
          const scriptSays502 =
            script !== undefined && !script.ok && /FAIL api health: .* 502/.test(script.output);
          report(
            scriptSays502,
            "forced uwsgi_pass → http-socket: the bundle's own scripts/smoke.sh also fails at api health with 502",
            script?.output ?? 'not run',
          );
        }
      }
    }
    if (!values.only || values.only.includes('korean')) await koreanChecks(temp, values.only);
    if (!values.only || values.only.includes('server'))
      await serverTargetChecks(temp, !values['no-run'], values.only);
    if (!values.only || values.only.includes('kubernetes'))
      await kubernetesTargetChecks(
        !values['no-run'],
        Number(values.fuzz),
        values.only?.startsWith('kubernetes:') ? values.only.slice('kubernetes:'.length) : '',
      );
  } finally {
    if (!values.keep) rmSync(temp, { recursive: true, force: true });
  }
  process.stdout.write(`\n(${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
  if (failures.length > 0)
    process.stdout.write(`failed:\n${failures.map((label) => `  ${label}`).join('\n')}\n`);
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `bundle checks could not run: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.stdout.write(`${passed} passed, ${failed + 1} failed\n`);
    process.exitCode = 1;
  },
);
