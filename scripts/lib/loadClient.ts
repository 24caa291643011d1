/**
 * A bounded HTTP load generator, run as a child process inside the stack's host-side network
 * namespace (see faults.ts): `node --import tsx loadClient.ts '<json LoadSpec>'` prints one JSON
 * LoadResult. Node's http.Agent caps the open connections; requests are issued until `count` is
 * reached or `durationMs` has passed, whichever comes first.
 */
import { Agent, request } from 'node:http';

export interface LoadSpec {
  url: string;
  method: 'GET' | 'POST';
  /** Requests in flight at once (and the agent's connection limit). */
  concurrency: number;
  /** Stop after this many requests. */
  count: number;
  /** Stop starting requests after this long. */
  durationMs: number;
  /** POST: each request sends {"name": "<namePrefix>-<n>"}. */
  namePrefix?: string;
  /** Per-request timeout. */
  timeoutMs?: number;
}

export interface LoadResult {
  sent: number;
  statuses: Record<string, number>;
  /** Requests without an HTTP answer (reset, refused, timeout), with the first few reasons. */
  errors: number;
  errorSamples: string[];
  /** GETs sent again after their connection closed before any answer (see runLoad). */
  retried: number;
  /** Answers whose body mentions "database is locked". */
  locked: number;
  /** "instance" values of JSON answers, counted. */
  instances: Record<string, number>;
  /** POST: names answered 201. */
  created: string[];
  elapsedMs: number;
}

type Answer = { status: number | null; body: string; error?: string; name?: string };

function once(agent: Agent | false, spec: LoadSpec, index: number): Promise<Answer> {
  const url = new URL(spec.url);
  const name = spec.namePrefix ? `${spec.namePrefix}-${index}` : undefined;
  const payload = spec.method === 'POST' ? JSON.stringify({ name }) : undefined;
  return new Promise((resolve) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port || 80,
        path: url.pathname + url.search,
        method: spec.method,
        headers: payload
          ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
          : {},
        timeout: spec.timeoutMs ?? 15000,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, name }));
        res.on('error', (error) => resolve({ status: null, body, error: error.message, name }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({
        status: null,
        body: '',
        error: error.message,
        name,
      }),
    );
    req.end(payload);
  });
}

export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: spec.concurrency });
  const result: LoadResult = {
    sent: 0,
    statuses: {},
    errors: 0,
    errorSamples: [],
    retried: 0,
    locked: 0,
    instances: {},
    created: [],
    elapsedMs: 0,
  };
  const started = Date.now();
  let next = 0;
  const worker = async () => {
    while (next < spec.count && Date.now() - started < spec.durationMs) {
      const index = next++;
      result.sent++;
      let answer = await once(agent, spec, index);
      // An idempotent request whose connection was closed before any answer is sent again once,
      // on a new connection of its own (RFC 9112 §9.3.1 allows it; browsers do it for kept-alive
      // connections). nginx's reload closes old workers' connections, and on this machine about one
      // new connection in 3,000 is reset too. A timeout is not retried (the server may still be
      // working on it), a POST is never sent again, and every retry is counted.
      if (answer.status === null && answer.error !== 'timeout' && spec.method === 'GET') {
        result.retried++;
        answer = await once(false, spec, index);
      }
      if (answer.status === null) {
        result.errors++;
        if (result.errorSamples.length < 5) result.errorSamples.push(answer.error ?? 'no answer');
        continue;
      }
      result.statuses[answer.status] = (result.statuses[answer.status] ?? 0) + 1;
      if (/database is locked/i.test(answer.body)) result.locked++;
      if (answer.status === 201 && answer.name) result.created.push(answer.name);
      const instance = /"instance"\s*:\s*"([^"]*)"/.exec(answer.body)?.[1];
      if (instance !== undefined) result.instances[instance] = (result.instances[instance] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: spec.concurrency }, worker));
  result.elapsedMs = Date.now() - started;
  agent.destroy();
  return result;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').at(-1)!)) {
  const spec = JSON.parse(process.argv[2]!) as LoadSpec;
  void runLoad(spec).then((result) => process.stdout.write(`${JSON.stringify(result)}\n`));
}
