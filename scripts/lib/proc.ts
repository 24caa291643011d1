import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';

/** Quote one word for /bin/sh. */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_./:=@%+,-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

export function shellLine(argv: readonly string[]): string {
  return argv.map(shellQuote).join(' ');
}

export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr as one text, for failure reports. */
  output: string;
}

/** Run a command to completion (no shell), capturing its output. A missing binary is status 127. */
export function runSync(argv: readonly string[], options: SpawnSyncOptions = {}): RunResult {
  const result = spawnSync(argv[0]!, argv.slice(1), {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...options,
  });
  const stdout = String(result.stdout ?? '');
  const stderr = String(result.stderr ?? (result.error ? result.error.message : ''));
  const status = result.error ? 127 : (result.status ?? 128 + 9);
  return { status, stdout, stderr, output: `${stdout}${stdout && stderr ? '\n' : ''}${stderr}`.trim() };
}

/** Run a command asynchronously (so the event loop and signal handlers keep running). */
export function run(
  argv: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(argv[0]!, argv.slice(1), {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            stderr += `\n(timed out after ${options.timeoutMs} ms)`;
            child.kill('SIGKILL');
          }, options.timeoutMs);
    child.on('error', (error) => {
      if (timer) clearTimeout(timer);
      resolve({ status: 127, stdout, stderr: error.message, output: error.message });
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      const status = code ?? (signal ? 128 + 9 : 1);
      resolve({ status, stdout, stderr, output: `${stdout}${stdout && stderr ? '\n' : ''}${stderr}`.trim() });
    });
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Poll `attempt` until it returns true or `timeoutMs` passes (bounded retries, short steps). */
export async function waitFor(
  attempt: () => Promise<boolean>,
  timeoutMs: number,
  stepMs = 150,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await attempt()) return true;
    if (Date.now() + stepMs > deadline) return false;
    await sleep(stepMs);
  }
}

/** Last lines of a text, for logs printed after a failure. */
export function tail(text: string, lines = 40): string {
  const all = text.trimEnd().split('\n');
  return (all.length > lines ? [`… (${all.length - lines} earlier lines)`, ...all.slice(-lines)] : all).join(
    '\n',
  );
}
