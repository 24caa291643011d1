/**
 * Fault proofs of a generated stack (npm run test:bundle): the design is started with the
 * container-lite (stack.ts) and loaded through nginx by loadClient.ts, run inside the stack's own
 * host-side network namespace (never any other address), while one fault is injected at a time.
 * Every load is bounded in requests and time.
 */
import { join } from 'node:path';
import type { Design } from '../../src/model/design';
import type { RunningContainer } from './containerLite';
import type { LoadResult, LoadSpec } from './loadClient';
import { pythonStopSeconds, STOP_MARGIN_SECONDS } from '../../src/exporters/targets/shared';
import { run } from './proc';
import { startDesign, type Stack } from './stack';

const LOAD_CLIENT = join(import.meta.dirname, 'loadClient.ts');

export interface FaultCheck {
  label: string;
  ok: boolean;
  detail: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Run one bounded load from the host side of the stack's network. */
export async function loadThrough(stack: Stack, spec: LoadSpec): Promise<LoadResult> {
  const argv = stack.hostSideCommand([
    process.execPath,
    '--import',
    'tsx',
    LOAD_CLIENT,
    JSON.stringify(spec),
  ]);
  // The load stops sending after durationMs; its last requests may take their whole timeout.
  const result = await run(argv, { timeoutMs: spec.durationMs + (spec.timeoutMs ?? 15000) + 15000 });
  const line = result.stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(line) as LoadResult;
  } catch {
    throw new Error(`load client gave no result (exit ${result.status}): ${result.output.slice(0, 500)}`);
  }
}

export function failedRequests(result: LoadResult, ok = [200]): number {
  const good = ok.reduce((sum, status) => sum + (result.statuses[status] ?? 0), 0);
  return result.sent - good;
}

function describe(result: LoadResult): string {
  return `sent ${result.sent}, statuses ${JSON.stringify(result.statuses)}, errors ${result.errors} ${result.errorSamples.join('; ')} (GETs sent again after their connection closed: ${result.retried}), instances ${JSON.stringify(result.instances)}`;
}

/** The python containers of the stack (one per copy), in name order. */
export function appContainers(stack: Stack): RunningContainer[] {
  const names = new Set(stack.plan.services.filter((s) => s.image === 'python').map((s) => s.name));
  return stack.containers
    .filter((c) => names.has(c.spec.name))
    .sort((a, b) => (a.spec.name < b.spec.name ? -1 : 1));
}

function webContainer(stack: Stack): RunningContainer {
  const names = new Set(stack.plan.services.filter((s) => s.image === 'web').map((s) => s.name));
  return stack.containers.find((c) => names.has(c.spec.name))!;
}

function paths(stack: Stack): { health: string; items: string | null; database: string | null } {
  const health = stack.plan.probes.find((probe) => probe.path.endsWith('health'))!.path;
  const items = stack.plan.probes.find((probe) => probe.method === 'POST')?.path ?? null;
  const python = stack.plan.services.find((s) => s.runs.kind === 'python');
  const database = python?.runs.kind === 'python' ? (python.runs.apps[0]?.database ?? null) : null;
  return { health, items, database };
}

/** The worker PIDs of a WSGI master running as PID 1 of its container. */
async function workers(container: RunningContainer): Promise<number[]> {
  const result = await container.exec(['sh', '-c', 'cat /proc/1/task/1/children'], null, 5000);
  return result.stdout.split(/\s+/).filter(Boolean).map(Number);
}

async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return true;
    await sleep(200);
  }
  return false;
}

const GET_LOAD = { method: 'GET' as const, concurrency: 20, count: 3000, durationMs: 4000 };

/**
 * How long a stop of this container may take: its server's graceful timeout plus the margin the
 * bundle gives it (Compose stop_grace_period, Kubernetes terminationGracePeriodSeconds).
 */
function stopBudgetMs(stack: Stack, container: RunningContainer): number {
  const service = stack.plan.services.find((s) => s.name === container.spec.name);
  const seconds = service?.runs.kind === 'python' ? pythonStopSeconds(service.runs) : 10;
  return (seconds + STOP_MARGIN_SECONDS) * 1000;
}

/** A GET load during a stop: a request may wait the whole stop budget for its answer. */
function stopLoad(budgetMs: number, url: string): LoadSpec {
  return { ...GET_LOAD, url, timeoutMs: budgetMs + 5000 };
}

/** Load while `fault` runs after `delayMs`; returns the load's result and the fault's own verdict. */
async function underLoad<T>(
  stack: Stack,
  spec: LoadSpec,
  delayMs: number,
  fault: () => Promise<T>,
): Promise<{ load: LoadResult; fault: T }> {
  const pending = loadThrough(stack, spec);
  await sleep(delayMs);
  const outcome = await fault();
  return { load: await pending, fault: outcome };
}

/** Every fault proof of one design; `replicated` designs also prove balancing and a killed copy. */
export async function faultProofs(
  id: string,
  design: Design,
  progress: (line: string) => void = () => {},
): Promise<{ checks: FaultCheck[]; figures: FaultFigures }> {
  const checks: FaultCheck[] = [];
  const figures: FaultFigures = { faultFailedRequests: 0, lostWrites: 0, reloadFailedRequests: 0 };
  const check = (label: string, ok: boolean, detail: string) =>
    checks.push({ label: `${id}: ${label}`, ok, detail });
  const stack = await startDesign(design, { progress });
  try {
    if (stack.startupProblems.length > 0) {
      check('starts', false, stack.startupProblems.join('\n'));
      return { checks, figures };
    }
    const { health, items, database } = paths(stack);
    const url = (path: string) => `${stack.entryUrl}${path}`;
    const apps = appContainers(stack);
    const copies = apps.map((c) => c.spec.name);
    const replicated = copies.length > 1;

    // Balancing: 60 GETs reach every copy (a single copy answers them all).
    const spread = await loadThrough(stack, {
      url: url(health),
      method: 'GET',
      concurrency: 4,
      count: 60,
      durationMs: 20000,
    });
    const seen = Object.keys(spread.instances);
    check(
      `60 GETs through nginx reach every copy (${seen.length} of ${copies.length})`,
      failedRequests(spread) === 0 && seen.length === copies.length,
      describe(spread),
    );

    // A worker killed under load: the master replaces it; with copies nginx retries elsewhere.
    const target = apps[0]!;
    const before = await workers(target);
    const killed = await underLoad(stack, { ...GET_LOAD, url: url(health) }, 1000, async () => {
      const victim = before.at(-1);
      if (victim !== undefined) await target.exec(['kill', '-9', String(victim)], null, 5000);
      return waitUntil(async () => {
        const now = await workers(target);
        return now.length >= before.length && victim !== undefined && !now.includes(victim);
      }, 15000);
    });
    const after = await loadThrough(stack, {
      url: url(health),
      method: 'GET',
      concurrency: 4,
      count: 40,
      durationMs: 10000,
    });
    // The GETs the killed worker held are passed again by nginx: to another copy, or with one copy to
    // the same address listed a second time in the upstream.
    check(
      `a worker killed (SIGKILL) under load is replaced by the master (${before.length} workers), no GET lost`,
      killed.fault && failedRequests(after) === 0 && failedRequests(killed.load) === 0,
      `during: ${describe(killed.load)}\nafter: ${describe(after)}`,
    );

    // Graceful reloads under load: 0 failed requests.
    const nginxReload = await underLoad(stack, { ...GET_LOAD, url: url(health) }, 1000, () =>
      webContainer(stack).exec(['nginx', '-s', 'reload'], null, 10000),
    );
    check(
      'nginx reload (nginx -s reload) under load: 0 failed requests',
      nginxReload.fault.status === 0 && failedRequests(nginxReload.load) === 0,
      `${nginxReload.fault.output}\n${describe(nginxReload.load)}`,
    );
    const appReload = await underLoad(stack, { ...GET_LOAD, url: url(health) }, 1000, () =>
      target.exec(['kill', '-HUP', '1'], null, 5000),
    );
    check(
      'app server graceful reload (SIGHUP to the master) under load: 0 failed requests',
      appReload.fault.status === 0 && failedRequests(appReload.load) === 0,
      describe(appReload.load),
    );
    figures.reloadFailedRequests = failedRequests(nginxReload.load) + failedRequests(appReload.load);

    // Writes: 20 clients × 25 POSTs through every worker and copy; every 201 is in the database.
    if (items && database) {
      const prefix = `w${Date.now().toString(36)}`;
      const writes = await loadThrough(stack, {
        url: url(items),
        method: 'POST',
        concurrency: 20,
        count: 500,
        durationMs: 60000,
        namePrefix: prefix,
      });
      const stored = await target.exec(
        [
          'python3',
          '-c',
          'import sqlite3, sys\nc = sqlite3.connect(sys.argv[1], timeout=10)\nfor (n,) in c.execute("SELECT name FROM items WHERE name LIKE ?", (sys.argv[2] + "-%",)): print(n)',
          database,
          prefix,
        ],
        null,
        20000,
      );
      const inDb = new Set(stored.stdout.split('\n').filter(Boolean));
      const lost = writes.created.filter((name) => !inDb.has(name));
      figures.lostWrites = lost.length;
      check(
        `20 clients × 25 concurrent POSTs: every 201 is stored (${writes.created.length} created, ${inDb.size} rows), no "database is locked"`,
        writes.created.length === 500 &&
          lost.length === 0 &&
          inDb.size === writes.created.length &&
          writes.locked === 0,
        `${describe(writes)}\nlost ${lost.length}, locked ${writes.locked}, db: ${stored.status === 0 ? `${inDb.size} rows` : stored.output}`,
      );
    }

    if (replicated) {
      // A copy killed outright under 50 connections: nginx skips it, every GET still answers 200.
      const victim = apps[1]!;
      const copyKilled = await underLoad(
        stack,
        { url: url(health), method: 'GET', concurrency: 50, count: 5000, durationMs: 4000 },
        1000,
        async () => {
          const pid = victim.initPid();
          if (pid !== null) process.kill(pid, 'SIGKILL');
          return waitUntil(() => victim.exited, 5000);
        },
      );
      figures.faultFailedRequests = failedRequests(copyKilled.load);
      check(
        `copy ${victim.spec.name} killed (SIGKILL) under 50 connections: every GET answers 200`,
        copyKilled.fault && failedRequests(copyKilled.load) === 0,
        describe(copyKilled.load),
      );
      // A copy stopped (SIGTERM) under load: in-flight requests finish, it exits within the graceful timeout.
      const stopping = apps[2]!;
      const budget = stopBudgetMs(stack, stopping);
      const stopped = await underLoad(stack, stopLoad(budget, url(health)), 1000, async () => {
        const started = Date.now();
        const pid = stopping.initPid();
        if (pid !== null) process.kill(pid, 'SIGTERM');
        await waitUntil(() => stopping.exited, budget);
        return Date.now() - started;
      });
      check(
        `copy ${stopping.spec.name} stopped (SIGTERM) under load: 0 failed requests, exited in ${Math.round(stopped.fault / 100) / 10} s`,
        stopping.exited && failedRequests(stopped.load) === 0,
        describe(stopped.load),
      );
    } else {
      // One copy stopped (SIGTERM) during requests: it exits within the graceful timeout, and every
      // request answered before the exit is complete (the rest get nginx's 502, not a broken answer).
      const budget = stopBudgetMs(stack, target);
      const stopped = await underLoad(stack, stopLoad(budget, url(health)), 1000, async () => {
        const started = Date.now();
        const pid = target.initPid();
        if (pid !== null) process.kill(pid, 'SIGTERM');
        await waitUntil(() => target.exited, budget);
        return Date.now() - started;
      });
      check(
        `SIGTERM during requests: the server exits cleanly within its stop grace period of ${budget / 1000} s (${Math.round(stopped.fault / 100) / 10} s), no broken answer`,
        target.exited && target.exitCode === 0 && stopped.load.errors === 0,
        `exit ${target.exitCode}; ${describe(stopped.load)}`,
      );
    }
  } finally {
    // A failed proof carries the end of each service's log: what nginx and the app server said.
    if (checks.some((c) => !c.ok)) {
      const tails = stack
        .logs()
        .map(
          ({ service, text }) =>
            `--- ${service} (last lines)\n${text.trimEnd().split('\n').slice(-60).join('\n')}`,
        )
        .join('\n');
      const first = checks.find((c) => !c.ok)!;
      first.detail = `${first.detail}\n${tails}`;
    }
    await stack.stop();
  }
  return { checks, figures };
}

/** With ip-hash, one client (the host side's one address) sticks to one copy for all 60 GETs. */
export async function stickinessProof(id: string, design: Design): Promise<FaultCheck> {
  const stack = await startDesign(design);
  try {
    const { health } = paths(stack);
    const result = await loadThrough(stack, {
      url: `${stack.entryUrl}${health}`,
      method: 'GET',
      concurrency: 4,
      count: 60,
      durationMs: 20000,
    });
    const seen = Object.keys(result.instances);
    return {
      label: `${id}: with ip-hash, 60 GETs from one client all reach one copy (${seen.join(', ')})`,
      ok: failedRequests(result) === 0 && seen.length === 1 && appContainers(stack).length > 1,
      detail: describe(result),
    };
  } finally {
    await stack.stop();
  }
}

export interface FaultFigures {
  /** Failed requests while one copy is killed under 50 connections (goal 0). */
  faultFailedRequests: number;
  /** Writes answered 201 but missing from the database (goal 0). */
  lostWrites: number;
  /** Failed requests during graceful reloads of nginx and the app server (goal 0). */
  reloadFailedRequests: number;
}
