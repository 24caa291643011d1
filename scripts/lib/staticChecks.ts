/**
 * The real-tool checks of a written bundle (README, "Proving a bundle"): docker-compose config, nginx -t, gunicorn
 * --check-config, uwsgi --strict (plugin on the command line), the app import, py_compile, sh -n;
 * for a service that ships its own tests and lint config (a Django project): pytest, flake8 and black
 * --check with that config, Django's check --deploy (only the HTTPS warnings) and makemigrations --check.
 * Commands that read container paths run in a one-shot container-lite (overlay root, hosts file with the
 * compose service names, the image's user), so nothing they do lands on the host.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  writeFileSync,
  type Dirent,
} from 'node:fs';
import { dirname, join } from 'node:path';
import type { DeploymentPlan, PlannedService } from '../../src/exporters/planTypes';
import { runOnce, type ContainerSpec } from './containerLite';
import { run, shellQuote, tail } from './proc';
import { readImageFacts } from './dockerfile';
import {
  NGINX_IMAGE_USER,
  hostsFile,
  prepareService,
  provision,
  provisionFor,
  type PreparedService,
} from './stack';
import { selfChecksBatch } from './selfChecksBatch';
import { requireTools } from './tools';

export interface CheckResult {
  name: string;
  ok: boolean;
  command: string;
  /** Output of a failing command (trimmed). */
  detail: string;
}

function oneShotSpec(prepared: PreparedService, workDir: string, hosts: string): ContainerSpec {
  const { service } = prepared;
  const volumes: ContainerSpec['volumes'] = [];
  for (const mount of service.mounts) {
    const hostDir = join(workDir, 'check-volumes', service.name, mount.volume);
    mkdirSync(hostDir, { recursive: true });
    volumes.push({ hostDir, target: mount.target });
  }
  return {
    name: service.name,
    netns: null,
    fsDir: prepared.fsDir,
    stageDir: prepared.stageDir,
    hosts,
    users: prepared.users,
    provision: provisionFor(prepared),
    volumes,
    workdir: service.workdir,
    env: prepared.env,
    runAs: prepared.runAs,
    command: service.command,
    logFile: '/dev/null',
  };
}

/**
 * nginx -t as the web image runs it: after tls-init.sh made the certificates (when the image CMD starts
 * with it), and with the user's own certificate and key at their paths (what the Docker host would
 * mount; made here as a self-signed pair).
 */
function webConfigTest(service: PlannedService): string[] {
  const init = service.command[0] === '/bin/sh' ? service.command.slice(0, 2) : [];
  const servers = service.runs.kind === 'web' ? service.runs.servers : [];
  const hostFiles = servers.flatMap((server) =>
    server.tls?.mode === 'files'
      ? [
          `mkdir -p "$(dirname ${shellQuote(server.tls.certificate)})" "$(dirname ${shellQuote(server.tls.key)})"`,
          `openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj /CN=${shellQuote(server.tls.domains[0]!)} -keyout ${shellQuote(server.tls.key)} -out ${shellQuote(server.tls.certificate)} 2>/dev/null`,
        ]
      : [],
  );
  const test = [...init, 'nginx', '-t'];
  if (hostFiles.length === 0) return test;
  return ['/bin/sh', '-c', `${hostFiles.join(' && ')} && exec ${test.map(shellQuote).join(' ')}`];
}

async function check(
  name: string,
  argv: string[],
  display: string,
  runner: () => ReturnType<typeof run>,
): Promise<CheckResult> {
  const result = await runner();
  return {
    name,
    ok: result.status === 0,
    command: display || argv.join(' '),
    detail: result.status === 0 ? '' : tail(result.output || `exit ${result.status}`, 30),
  };
}

/** `module = pkg.mod:callable` (or `wsgi-file`/`callable`) from a uwsgi.ini. */
function uwsgiTarget(ini: string): { module: string; callable: string } | null {
  const module = /^\s*module\s*=\s*(\S+)\s*$/m.exec(ini)?.[1];
  if (!module) return null;
  const [name, callable] = module.split(':');
  return {
    module: name!,
    callable: callable ?? /^\s*callable\s*=\s*(\S+)\s*$/m.exec(ini)?.[1] ?? 'application',
  };
}

/** `sh -c '… && exec "$@"' NAME SERVER…` (a project's start-up before its server): the server's words. */
export function serverWords(command: readonly string[]): string[] {
  const wrapped = command[0] === 'sh' && command[1] === '-c' && /exec "\$@"$/.test(command[2] ?? '');
  return wrapped ? command.slice(4) : [...command];
}

/**
 * What Django's check --deploy may report with nginx speaking plain HTTP (tls off): HSTS, the HTTPS
 * redirect and the secure-only cookies all need HTTPS, which this bundle does not terminate.
 */
// (W012, the session cookie, needs the sessions app, which the project does not install.)
export const EXPECTED_DEPLOY_WARNINGS = ['security.W004', 'security.W008', 'security.W016'];

/**
 * Behind nginx serving HTTPS at every front door the cookies are secure-only and nginx's own redirect
 * and HSTS silence Django's: what stays is HSTS when nginx sends none and the redirect when nginx
 * keeps serving plain HTTP.
 */
export function expectedDeployWarnings(service: PlannedService): string[] {
  const doors = service.runs.kind === 'python' ? service.runs.apps[0]!.frontDoors : [];
  if (doors.length === 0 || !doors.every((door) => door.tls)) return EXPECTED_DEPLOY_WARNINGS;
  return [
    ...(doors.every((door) => door.tls!.hsts) ? [] : ['security.W004']),
    ...(doors.every((door) => door.tls!.redirectHttp) ? [] : ['security.W008']),
  ];
}

/** pytest, flake8, black --check and Django's own checks, run with the service folder's shipped config. */
async function projectChecks(
  serviceDir: string,
  name: string,
  workDir: string,
  expectedWarnings: readonly string[],
): Promise<CheckResult[]> {
  if (!existsSync(join(serviceDir, 'setup.cfg'))) return [];
  const scratch = join(workDir, 'project-checks', name);
  mkdirSync(scratch, { recursive: true });
  const env = {
    ...process.env,
    PYTHONPYCACHEPREFIX: join(scratch, 'pycache'),
    SECRET_KEY: 'check-only-0123456789abcdef0123456789abcdef0123456789abcdef',
    DATABASE_PATH: join(scratch, 'check.db'),
    STATIC_ROOT: join(scratch, 'static'),
  };
  const inFolder = (argv: string[]) => () => run(argv, { cwd: serviceDir, env, timeoutMs: 180000 });
  const results: CheckResult[] = [];
  const tools: [string, string[]][] = [
    ['pytest', ['/usr/bin/python3', '-m', 'pytest', '-q', '-p', 'no:cacheprovider']],
    ['flake8', ['/usr/bin/flake8', '.']],
    ['black --check', ['/usr/bin/black', '--check', '--quiet', '.']],
  ];
  for (const [tool, argv] of tools)
    results.push(await check(`${tool} (${name})`, argv, `${argv.join(' ')} (in ${name}/)`, inFolder(argv)));
  if (!existsSync(join(serviceDir, 'manage.py'))) return results;
  const migrations = ['/usr/bin/python3', 'manage.py', 'makemigrations', '--check', '--dry-run'];
  results.push(
    await check(`makemigrations --check (${name})`, migrations, migrations.join(' '), inFolder(migrations)),
  );
  const deploy = ['/usr/bin/python3', 'manage.py', 'check', '--deploy'];
  const answer = await run(deploy, { cwd: serviceDir, env, timeoutMs: 180000 });
  const reported = [
    ...new Set([...answer.output.matchAll(/\(([a-z_]+\.[A-Z]\d+)\)/g)].map((match) => match[1]!)),
  ];
  // Exactly the expected ones: a warning that went away means the expected list is out of date.
  const same =
    reported.length === expectedWarnings.length && reported.every((id) => expectedWarnings.includes(id));
  results.push({
    name: `check --deploy: exactly ${expectedWarnings.length === 0 ? 'no warnings' : expectedWarnings.join(', ')} (${name})`,
    ok: answer.status === 0 && same,
    command: deploy.join(' '),
    detail: same && answer.status === 0 ? '' : tail(answer.output || `exit ${answer.status}`, 30),
  });
  return results;
}

/** What the service's container imports: `module:callable`. */
function appTarget(service: PlannedService, stageDir: string): { module: string; callable: string } | null {
  const [program, ...args] = serverWords(service.command);
  if (program === 'uwsgi') {
    const iniArg = args[args.indexOf('--ini') + 1];
    const ini = iniArg ? join(stageDir, service.workdir, iniArg) : '';
    return ini && existsSync(ini) ? uwsgiTarget(readFileSync(ini, 'utf8')) : null;
  }
  const spec =
    program === 'flask'
      ? args[args.indexOf('--app') + 1]
      : args.findLast((arg) => /^[\w.]+:[\w.]+$/.test(arg));
  if (!spec) return null;
  const [module, callable] = spec.split(':');
  return { module: module!, callable: callable ?? 'app' };
}

export async function checkBundle(
  bundleDir: string,
  deployment: DeploymentPlan,
  workDir: string,
): Promise<CheckResult[]> {
  requireTools(['docker-compose', 'nginx', 'gunicorn', 'uwsgi', 'python3', 'unshare', 'setpriv']);
  const results: CheckResult[] = [];
  const composeArgv = ['docker-compose', '-f', join(bundleDir, 'docker-compose.yml'), 'config', '-q'];
  results.push(
    await check('docker-compose config', composeArgv, `docker-compose -f docker-compose.yml config -q`, () =>
      run(composeArgv, { cwd: bundleDir, timeoutMs: 60000 }),
    ),
  );
  const addresses = new Map(
    deployment.services.map((service, index) => [service.name, `10.89.0.${index + 2}`]),
  );
  const hosts = hostsFile(addresses);
  for (const service of deployment.services) {
    // Static checks do not need the React build: nginx -t does not read the document root.
    const prepared = await prepareService(
      bundleDir,
      { ...service, buildStage: undefined },
      join(workDir, 'check'),
    );
    const spec = oneShotSpec(prepared, workDir, hosts);
    const inContainer = (argv: string[]) => () => runOnce(spec, argv, 60000);
    if (service.image === 'web') {
      const argv = webConfigTest(service);
      results.push(
        await check(
          `nginx -t (${service.name})`,
          argv,
          'nginx -t (in the web container, /etc/nginx/nginx.conf)',
          inContainer(argv),
        ),
      );
      continue;
    }
    results.push(
      ...(await projectChecks(
        join(bundleDir, service.buildDir),
        service.name,
        workDir,
        expectedDeployWarnings(service),
      )),
    );
    const [program, ...args] = serverWords(service.command);
    if (program === 'gunicorn') {
      const argv = ['gunicorn', '--check-config', ...args];
      results.push(
        await check(`gunicorn --check-config (${service.name})`, argv, argv.join(' '), inContainer(argv)),
      );
    } else if (program === 'uwsgi') {
      const argv = ['uwsgi', '--plugin', 'python3', ...args, '--strict', '--get', 'strict'];
      results.push(await check(`uwsgi --strict (${service.name})`, argv, argv.join(' '), inContainer(argv)));
    } else if (program === 'flask') {
      const argv = ['flask', ...args.slice(0, args.indexOf('run')), 'routes'];
      results.push(await check(`flask routes (${service.name})`, argv, argv.join(' '), inContainer(argv)));
    }
    // gunicorn --check-config and flask routes import the app already; uWSGI's --strict only parses.
    if (program !== 'uwsgi') continue;
    const target = appTarget(service, prepared.stageDir);
    if (!target) {
      results.push({
        name: `app import (${service.name})`,
        ok: false,
        command: service.command.join(' '),
        detail: 'cannot tell which module:callable the container loads',
      });
    } else {
      const code = `import importlib; app = getattr(importlib.import_module(${JSON.stringify(target.module)}), ${JSON.stringify(target.callable)}); assert callable(app), "not a WSGI callable"`;
      const argv = ['python', '-c', code];
      results.push(
        await check(
          `app import ${target.module}:${target.callable} (${service.name})`,
          argv,
          `python -c 'import ${target.module}; ${target.module}.${target.callable}'`,
          inContainer(argv),
        ),
      );
    }
  }
  const pyFiles = listPyFiles(bundleDir);
  if (pyFiles.length > 0) {
    const argv = ['/usr/bin/python3', '-m', 'py_compile', ...pyFiles];
    results.push(
      await check('py_compile', argv, `/usr/bin/python3 -m py_compile (${pyFiles.length} files)`, () =>
        run(argv, {
          cwd: bundleDir,
          env: { ...process.env, PYTHONPYCACHEPREFIX: join(workDir, 'pycache') },
          timeoutMs: 60000,
        }),
      ),
    );
  }
  const smokeScript = join(bundleDir, 'scripts', 'smoke.sh');
  if (existsSync(smokeScript)) {
    const argv = ['sh', '-n', smokeScript];
    results.push(await check('sh -n scripts/smoke.sh', argv, argv.join(' '), () => run(argv)));
  }
  return results;
}

function listPyFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSafe(dir)) {
    if (entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listPyFiles(path, `${prefix}${entry.name}/`));
    else if (entry.name.endsWith('.py')) out.push(`${prefix}${entry.name}`);
  }
  return out;
}

function readdirSafe(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

export interface BatchBundle {
  id: string;
  dir: string;
  plan: DeploymentPlan;
}

const COMPOSE_BATCH = `import sys
from compose.cli.main import main
for f in sys.argv[1:]:
    sys.argv = ["docker-compose", "-f", f, "config", "-q"]
    try:
        main()
        code = 0
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else 1
    print("@@result %d %s" % (code, f), flush=True)
`;

/** Lines "@@result CODE KEY" from a batch run → the keys that failed, with the output printed before each. */
function batchFailures(output: string): { total: number; failed: { key: string; detail: string }[] } {
  const failed: { key: string; detail: string }[] = [];
  let total = 0;
  let pending: string[] = [];
  for (const line of output.split('\n')) {
    const match = /^@@result (\d+) (.*)$/.exec(line);
    if (!match) {
      pending.push(line);
      continue;
    }
    total++;
    if (match[1] !== '0') failed.push({ key: match[2]!, detail: tail(pending.join('\n'), 15) });
    pending = [];
  }
  return { total, failed };
}

/**
 * The same real tools over many bundles at once (the property-based designs): one docker-compose
 * process (its own CLI entry point per file), one container-lite running nginx -t, uwsgi --strict and
 * sh -n per bundle, one py_compile over every Python file; then the bundles' own flake8, black --check
 * and pytest (scripts/lib/selfChecksBatch.ts). One result per tool.
 */
export async function checkBundlesBatch(bundles: BatchBundle[], workDir: string): Promise<CheckResult[]> {
  requireTools([
    'docker-compose',
    'nginx',
    'uwsgi',
    'python3',
    'pytest',
    'flake8',
    'black',
    'unshare',
    'setpriv',
  ]);
  mkdirSync(workDir, { recursive: true });
  const results: CheckResult[] = [];
  const byDir = new Map(bundles.map((bundle) => [bundle.dir, bundle.id]));
  const summarize = (
    name: string,
    command: string,
    output: string,
    status: number,
    keyToId: (key: string) => string,
  ) => {
    const { total, failed } = batchFailures(output);
    const ok = status === 0 && failed.length === 0 && total > 0;
    const detail = ok
      ? ''
      : failed.length > 0
        ? failed.map((failure) => `${keyToId(failure.key)} (${failure.key}):\n${failure.detail}`).join('\n')
        : tail(output || `exit ${status}`, 30);
    results.push({ name: `${name} (${total - failed.length}/${total} bundles)`, ok, command, detail });
  };

  const composeScript = join(workDir, 'compose-batch.py');
  writeFileSync(composeScript, COMPOSE_BATCH);
  const composeFiles = bundles.map((bundle) => join(bundle.dir, 'docker-compose.yml'));
  const compose = await run(['/usr/bin/python3', composeScript, ...composeFiles], { timeoutMs: 10 * 60000 });
  // Its messages go to stderr, apart from the result lines: rerun the failing files alone to show them.
  for (const failure of batchFailures(compose.stdout).failed) {
    const again = await run(['docker-compose', '-f', failure.key, 'config', '-q'], { timeoutMs: 60000 });
    compose.stdout = compose.stdout.replace(
      new RegExp(`^@@result (\\d+) ${failure.key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'),
      (line) => `${again.output}\n${line}`,
    );
  }
  summarize(
    'docker-compose config -q',
    'docker-compose -f F config -q (one process, its CLI per file)',
    compose.stdout,
    compose.status,
    (key) => byDir.get(dirname(key)) ?? key,
  );

  // One container-lite with every bundle's files under /bundles/<n>/ and every service name in /etc/hosts.
  const stageDir = join(workDir, 'batch-image');
  const names = new Set<string>();
  const nginxConfs: string[] = [];
  const uwsgiInis: string[] = [];
  const smokeScripts: string[] = [];
  const idByPath = new Map<string, string>();
  bundles.forEach((bundle, index) => {
    const inside = `/bundles/${index}`;
    cpSync(bundle.dir, join(stageDir, inside), { recursive: true });
    for (const service of bundle.plan.services) {
      names.add(service.name);
      const conf = service.copies.find((copy) => copy.to === '/etc/nginx/nginx.conf');
      if (conf) nginxConfs.push(`${inside}/${conf.from}`);
      const ini = service.copies.find((copy) => copy.from.endsWith('.ini'));
      if (ini && service.command[0] === 'uwsgi') uwsgiInis.push(`${inside}/${ini.from}`);
    }
    if (existsSync(join(bundle.dir, 'scripts', 'smoke.sh'))) smokeScripts.push(`${inside}/scripts/smoke.sh`);
    idByPath.set(inside, bundle.id);
  });
  const idOf = (key: string) => idByPath.get(/^\/bundles\/\d+/.exec(key)?.[0] ?? '') ?? key;
  const hosts = hostsFile(
    new Map(
      [...names].map((name, index) => [name, `10.89.${1 + Math.floor(index / 250)}.${2 + (index % 250)}`]),
    ),
  );
  const spec: ContainerSpec = {
    name: 'checks',
    netns: null,
    fsDir: join(workDir, 'batch-container'),
    stageDir,
    hosts,
    users: [NGINX_IMAGE_USER],
    provision: provision(
      { image: 'web', workdir: '/', mounts: [] } as unknown as PlannedService,
      readImageFacts(''),
      [NGINX_IMAGE_USER],
    ),
    volumes: [],
    workdir: '/',
    env: {},
    runAs: null,
    command: [],
    logFile: '/dev/null',
  };
  mkdirSync(spec.fsDir, { recursive: true });
  const loop = (files: string[], command: string) =>
    `for f in ${files.map((file) => `'${file}'`).join(' ')}; do out=$(${command} 2>&1); code=$?; printf '%s\\n@@result %s %s\\n' "$out" "$code" "$f"; done`;
  const nginxRun = await runOnce(spec, ['/bin/sh', '-c', loop(nginxConfs, 'nginx -t -c "$f"')], 10 * 60000);
  summarize(
    'nginx -t',
    'nginx -t -c nginx.conf (in one nginx container-lite, service names in /etc/hosts)',
    nginxRun.output,
    nginxRun.status,
    idOf,
  );
  if (uwsgiInis.length > 0) {
    const uwsgiRun = await runOnce(
      spec,
      ['/bin/sh', '-c', loop(uwsgiInis, 'uwsgi --plugin python3 --ini "$f" --strict --get strict')],
      10 * 60000,
    );
    summarize(
      'uwsgi --strict',
      'uwsgi --plugin python3 --ini uwsgi.ini --strict --get strict',
      uwsgiRun.output,
      uwsgiRun.status,
      idOf,
    );
  }
  const shRun = await runOnce(spec, ['/bin/sh', '-c', loop(smokeScripts, 'sh -n "$f"')], 10 * 60000);
  summarize('sh -n scripts/smoke.sh', 'sh -n scripts/smoke.sh', shRun.output, shRun.status, idOf);

  const pyFiles = bundles.flatMap((bundle) => listPyFiles(bundle.dir).map((file) => join(bundle.dir, file)));
  const py = await run(['/usr/bin/python3', '-m', 'py_compile', ...pyFiles], {
    env: { ...process.env, PYTHONPYCACHEPREFIX: join(workDir, 'pycache') },
    timeoutMs: 10 * 60000,
  });
  results.push({
    name: `py_compile (${pyFiles.length} files)`,
    ok: py.status === 0,
    command: '/usr/bin/python3 -m py_compile FILES',
    detail: py.status === 0 ? '' : tail(py.output, 30),
  });
  results.push(...(await selfChecksBatch(bundles, join(workDir, 'self-checks'))));
  return results;
}
