/**
 * The real-tool checks of a written bundle (DESIGN.md §7): docker-compose config, nginx -t, gunicorn
 * --check-config, uwsgi --strict (plugin on the command line), the app import, py_compile, sh -n.
 * Commands that read container paths run in a one-shot container-lite (overlay root, hosts file with the
 * compose service names, the image's user), so nothing they do lands on the host.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import type { DeploymentPlan, PlannedService } from '../../src/exporters/planTypes';
import { runOnce, type ContainerSpec } from './containerLite';
import { run, tail } from './proc';
import { hostsFile, prepareService, provisionFor, type PreparedService } from './stack';
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

/** What the service's container imports: `module:callable`. */
function appTarget(service: PlannedService, stageDir: string): { module: string; callable: string } | null {
  const [program, ...args] = service.command;
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
    if (service.image === 'nginx') {
      const argv = ['nginx', '-t'];
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
    const [program, ...args] = service.command;
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
