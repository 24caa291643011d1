/**
 * The bundles' own checks (`make lint`, `make test`) over many bundles at once (the property-based
 * designs): flake8 and black --check in one process each over every app folder's Python files, with
 * the shipped config (one run per distinct config), and pytest once per distinct app folder.
 *
 * pytest sessions cannot share a process: every app folder has its own `tests` package, conftest.py
 * and top-level modules (`wsgi`, its app package), and the app reads DATABASE_PATH when imported. So one
 * Python process per worker loads pytest and Flask once and forks a fresh child per app folder, which
 * runs pytest there as `python3 -m pytest` would; two such workers run side by side.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DeploymentPlan } from '../../src/exporters/planTypes';
import { run, tail } from './proc';

export interface SelfCheckBundle {
  id: string;
  dir: string;
  plan: DeploymentPlan;
}

export interface SelfCheckResult {
  name: string;
  ok: boolean;
  command: string;
  detail: string;
}

/** An app folder that ships its own tests and lint config (setup.cfg beside its code), and its design. */
export interface AppFolder {
  id: string;
  dir: string;
}

const PYTEST_WORKERS = 2;

export function appFolders(bundles: readonly SelfCheckBundle[]): AppFolder[] {
  return bundles.flatMap((bundle) =>
    [...new Set(bundle.plan.services.map((service) => join(bundle.dir, service.buildDir)))]
      .filter((dir) => existsSync(join(dir, 'setup.cfg')))
      .map((dir) => ({ id: bundle.id, dir })),
  );
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    groups.set(name, [...(groups.get(name) ?? []), item]);
  }
  return groups;
}

function filesUnder(dir: string, skip: (name: string) => boolean = () => false): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !skip(entry.name))
    .flatMap((entry) =>
      entry.isDirectory() ? filesUnder(join(dir, entry.name), skip) : [join(dir, entry.name)],
    )
    .sort();
}

/** Every file of the folder, names and bytes: folders with the same fingerprint are the same app. */
export function folderFingerprint(dir: string): string {
  const hash = createHash('sha256');
  for (const file of filesUnder(dir)) {
    const bytes = readFileSync(file);
    hash.update(`${relative(dir, file)}\0${bytes.length}\0`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

/** The shipped lint and format config: setup.cfg (flake8) and pyproject.toml (black, pytest). */
function shippedConfig(dir: string): string {
  const read = (name: string) => (existsSync(join(dir, name)) ? readFileSync(join(dir, name), 'utf8') : '');
  return `${read('setup.cfg')}\0${read('pyproject.toml')}`;
}

/** The folder names setup.cfg's flake8 `exclude` lists (what `flake8 .` skips). */
export function flake8Excluded(setupCfg: string): Set<string> {
  const value = /^\[flake8\][^[]*?^exclude\s*=\s*(.*)$/m.exec(setupCfg)?.[1] ?? '';
  return new Set(
    value
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
  );
}

/** The Python files `flake8 .` and `black .` check in an app folder, as absolute paths. */
function lintedFiles(dir: string): string[] {
  const excluded = flake8Excluded(readFileSync(join(dir, 'setup.cfg'), 'utf8'));
  return filesUnder(dir, (name) => excluded.has(name)).filter((file) => file.endsWith('.py'));
}

/**
 * The lines of a tool's output that name a file inside each folder (paths are absolute), by folder;
 * lines naming no folder are under ''.
 */
export function linesByFolder(output: string, dirs: readonly string[]): Map<string, string[]> {
  const byFolder = new Map<string, string[]>();
  for (const line of output.split('\n').filter((text) => text.trim() !== '')) {
    const dir = dirs.find((candidate) => line.includes(`${candidate}/`)) ?? '';
    byFolder.set(dir, [...(byFolder.get(dir) ?? []), line]);
  }
  return byFolder;
}

/** A failing tool's output told per design: `id (folder):` and that folder's lines. */
function failureReport(output: string, folders: readonly AppFolder[]): string {
  const byFolder = linesByFolder(
    output,
    folders.map((folder) => folder.dir),
  );
  const idOf = new Map(folders.map((folder) => [folder.dir, folder.id]));
  return [...byFolder]
    .map(([dir, lines]) =>
      dir === '' ? tail(lines.join('\n'), 15) : `${idOf.get(dir)} (${dir}):\n${tail(lines.join('\n'), 15)}`,
    )
    .join('\n');
}

/** flake8 or black --check over every folder sharing one config, in one process. */
async function lintRun(
  tool: 'flake8' | 'black --check',
  folders: readonly AppFolder[],
  workDir: string,
): Promise<{ ok: boolean; files: number; detail: string }> {
  const files = folders.flatMap((folder) => lintedFiles(folder.dir));
  const config = folders[0]!.dir;
  const argv =
    tool === 'flake8'
      ? ['/usr/bin/flake8', '--config', join(config, 'setup.cfg'), ...files]
      : ['/usr/bin/black', '--check', '--config', join(config, 'pyproject.toml'), ...files];
  const result = await run(argv, {
    cwd: workDir,
    env: { ...process.env, BLACK_CACHE_DIR: join(workDir, 'black-cache') },
    timeoutMs: 10 * 60000,
  });
  // black names a file it would change on stderr ("would reformat FILE"), even with nothing else to say.
  const ok = result.status === 0 && files.length > 0;
  return { ok, files: files.length, detail: ok ? '' : failureReport(result.output, folders) };
}

/**
 * One Python per worker: pytest and Flask loaded once, then a forked `python3 -m pytest` per folder,
 * with the environment `make test` has (each app's conftest.py makes its own database file and key).
 */
const PYTEST_BATCH = `import os
import sys

import flask  # noqa: F401
import pytest

for folder in sys.argv[1:]:
    sys.stdout.flush()
    child = os.fork()
    if child == 0:
        os.dup2(1, 2)
        os.chdir(folder)
        sys.path.insert(0, folder)
        code = pytest.main(["-q", "-p", "no:cacheprovider"])
        sys.stdout.flush()
        os._exit(int(code))
    _, status = os.waitpid(child, 0)
    print("@@result %d %s" % (os.waitstatus_to_exitcode(status), folder), flush=True)
`;

/** Lines "@@result CODE FOLDER" → each folder's exit code and the output printed before it. */
export function pytestOutcomes(output: string): Map<string, { code: number; output: string }> {
  const outcomes = new Map<string, { code: number; output: string }>();
  let pending: string[] = [];
  for (const line of output.split('\n')) {
    const match = /^@@result (-?\d+) (.*)$/.exec(line);
    if (!match) {
      pending.push(line);
      continue;
    }
    outcomes.set(match[2]!, { code: Number(match[1]), output: pending.join('\n') });
    pending = [];
  }
  return outcomes;
}

async function pytestRuns(
  apps: readonly AppFolder[][],
  workDir: string,
): Promise<Map<string, { code: number; output: string }>> {
  const script = join(workDir, 'pytest-batch.py');
  writeFileSync(script, PYTEST_BATCH);
  const env = { ...process.env, PYTHONPYCACHEPREFIX: join(workDir, 'pycache') };
  const shares = Array.from({ length: PYTEST_WORKERS }, (_, worker) =>
    apps.filter((_, index) => index % PYTEST_WORKERS === worker).map((same) => same[0]!.dir),
  ).filter((share) => share.length > 0);
  const answers = await Promise.all(
    shares.map((share) => run(['/usr/bin/python3', script, ...share], { env, timeoutMs: 20 * 60000 })),
  );
  const outcomes = new Map(answers.flatMap((answer) => [...pytestOutcomes(answer.output)]));
  // A worker that died leaves its remaining folders without an outcome: its own output says why.
  answers.forEach((answer, worker) => {
    for (const dir of shares[worker]!)
      if (!outcomes.has(dir)) outcomes.set(dir, { code: -1, output: tail(answer.output, 30) });
  });
  return outcomes;
}

const secondsSince = (started: number) => ((Date.now() - started) / 1000).toFixed(0);

export async function selfChecksBatch(
  bundles: readonly SelfCheckBundle[],
  workDir: string,
): Promise<SelfCheckResult[]> {
  mkdirSync(workDir, { recursive: true });
  const folders = appFolders(bundles);
  if (folders.length === 0) return [];
  const results: SelfCheckResult[] = [];
  const configs = [...groupBy(folders, (folder) => shippedConfig(folder.dir)).values()];
  const configWords = configs.length === 1 ? 'one shipped config' : `${configs.length} shipped configs`;
  for (const tool of ['flake8', 'black --check'] as const) {
    const started = Date.now();
    const runs = [];
    for (const sameConfig of configs) runs.push(await lintRun(tool, sameConfig, workDir));
    const files = runs.reduce((sum, each) => sum + each.files, 0);
    results.push({
      name: `${tool} (${files} files of ${folders.length} app folders, ${configWords}, ${runs.length} process${runs.length === 1 ? '' : 'es'}, ${secondsSince(started)} s)`,
      ok: runs.every((each) => each.ok),
      command: `/usr/bin/${tool} --config ${tool === 'flake8' ? 'setup.cfg' : 'pyproject.toml'} FILES`,
      detail: runs.map((each) => each.detail).join('\n'),
    });
  }

  const apps = [...groupBy(folders, (folder) => folderFingerprint(folder.dir)).values()];
  const started = Date.now();
  const outcomes = await pytestRuns(apps, workDir);
  const failing = apps.filter((same) => outcomes.get(same[0]!.dir)?.code !== 0);
  results.push({
    name: `pytest (${apps.length - failing.length}/${apps.length} distinct apps of ${folders.length} app folders, ${PYTEST_WORKERS} workers, ${secondsSince(started)} s)`,
    ok: failing.length === 0,
    command: '/usr/bin/python3 -m pytest -q -p no:cacheprovider (in each app folder, a forked session each)',
    detail: failing
      .map((same) => {
        const outcome = outcomes.get(same[0]!.dir)!;
        const ids = same.map((folder) => folder.id).join(', ');
        return `${ids} (${same[0]!.dir}, exit ${outcome.code}):\n${tail(outcome.output, 30)}`;
      })
      .join('\n'),
  });
  return results;
}
