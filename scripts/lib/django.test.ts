/**
 * The generated Django project, checked by the real tools: Debian's Django 3.2 (`check --deploy`,
 * `makemigrations --check`, migrate, collectstatic), pytest, flake8 and black with the shipped config,
 * and a real run under Gunicorn and uWSGI answering HTTP. Missing tools fail the test, naming them
 * (scripts/setup-system.sh installs them); nothing is skipped.
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  djangoStartCommand,
  renderDjangoProject,
  type DjangoProjectInput,
  type DjangoServer,
} from '../../src/nodes/django/project';
import { run, runSync, waitFor, type RunResult } from './proc';

const PYTHON = '/usr/bin/python3';
const UWSGI_PLUGIN = '/usr/lib/uwsgi/plugins/python3_plugin.so';

let scratch = '';
/** Environment of every command: Debian's python as `python` (what the container command calls). */
let env: NodeJS.ProcessEnv = {};

function writeProject(folder: string, input: DjangoProjectInput): void {
  for (const [path, text] of Object.entries(renderDjangoProject(input))) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
}

function expectOk(result: RunResult, what: string): void {
  if (result.status !== 0) throw new Error(`${what} failed (status ${result.status}):\n${result.output}`);
}

function manage(folder: string, ...args: string[]): Promise<RunResult> {
  return run([PYTHON, 'manage.py', ...args], { cwd: folder, env, timeoutMs: 30_000 });
}

/** The check ids `check --deploy` reports, sorted. */
function checkIds(output: string): string[] {
  return [...output.matchAll(/\(([a-z_]+\.[EWI]\d+)\)/g)].map((match) => match[1]!).sort();
}

const CASES = {
  /** The default project behind nginx on http://localhost. */
  plain: {
    project: 'mysite',
    databasePath: '', // set in beforeAll (inside the scratch folder)
    staticRoute: '/static/',
    serverNames: ['localhost'],
    behindProxy: true,
    tls: null,
  },
  /** HTTPS, a sub-route API, wildcard names, a port, a long database path and another app label. */
  https: {
    project: 'shop_site',
    appLabel: 'shop_items',
    apiBases: ['/shop/api/', '/api/'],
    databasePath: '',
    staticRoute: '/shop/static/',
    staticRoot: '',
    serverNames: ['shop.example.com *.example.com', 'localhost'],
    publicPort: 8443,
    behindProxy: true,
    tls: { redirectHttp: true, hsts: true },
  },
  /** No database, nginx answering any host name. */
  nodb: {
    project: 'plain',
    databasePath: null,
    staticRoute: '/assets/',
    serverNames: ['_'],
    behindProxy: true,
    tls: null,
  },
} satisfies Record<string, DjangoProjectInput>;
type CaseName = keyof typeof CASES;
const folderOf = (name: CaseName) => join(scratch, name);

beforeAll(() => {
  const missing: string[] = [];
  if (runSync([PYTHON, '-c', 'import django, pytest']).status !== 0)
    missing.push('python3-django python3-pytest');
  for (const tool of ['flake8', 'black', 'gunicorn', 'uwsgi'])
    if (runSync([tool, '--version']).status === 127) missing.push(tool);
  if (!existsSync(UWSGI_PLUGIN)) missing.push('uwsgi-plugin-python3');
  if (missing.length > 0)
    throw new Error(`The Django checks need Debian's ${missing.join(', ')}: run scripts/setup-system.sh`);

  scratch = mkdtempSync(join(tmpdir(), 'stacksketch-django-'));
  const bin = join(scratch, 'bin');
  mkdirSync(bin);
  symlinkSync(PYTHON, join(bin, 'python'));
  env = { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, PYTHONDONTWRITEBYTECODE: '1' };
  delete env.DJANGO_SETTINGS_MODULE;
  delete env.DATABASE_PATH;
  delete env.STATIC_ROOT;
  delete env.ALLOWED_HOSTS;
  // A key as long and random as `make up` writes (check --deploy judges it too).
  env.SECRET_KEY = runSync([PYTHON, '-c', 'import secrets; print(secrets.token_urlsafe(50))']).stdout.trim();

  CASES.plain.databasePath = join(scratch, 'plain-data', 'app.db');
  CASES.https.databasePath = join(scratch, 'https-data', 'a-long-folder-name'.repeat(4), 'shop.db');
  CASES.https.staticRoot = join(scratch, 'https-static');
  for (const name of Object.keys(CASES) as CaseName[]) writeProject(folderOf(name), CASES[name]);
}, 60_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('the generated Django project under the real tools', () => {
  it('check --deploy: only the HTTPS warnings without TLS, nothing with it', async () => {
    const [plain, https, nodb] = await Promise.all(
      (['plain', 'https', 'nodb'] as const).map((name) => manage(folderOf(name), 'check', '--deploy')),
    );
    for (const result of [plain!, https!, nodb!]) expectOk(result, 'check --deploy');
    // Without TLS the site is plain HTTP on purpose, so Django's HTTPS advice cannot be followed:
    //   security.W004  no HSTS (SECURE_HSTS_SECONDS): HSTS over plain HTTP is ignored by browsers,
    //                  and would lock the site out of HTTP once it is served over HTTPS briefly;
    //   security.W008  no SECURE_SSL_REDIRECT: there is no HTTPS to redirect to;
    //   security.W016  CSRF cookie not Secure: a Secure cookie is never sent back over HTTP.
    // (W012, the session cookie, does not apply: the project has no sessions.)
    expect(checkIds(plain!.output)).toEqual(['security.W004', 'security.W008', 'security.W016']);
    expect(checkIds(nodb!.output)).toEqual(['security.W004', 'security.W008', 'security.W016']);
    // With TLS at nginx, cookies are Secure and nginx owns the redirect and HSTS (W004, W008 silenced).
    expect(checkIds(https!.output)).toEqual([]);
    expect(https!.output).toContain('no issues (2 silenced)');
  });

  it('the migration is what makemigrations writes; migrate and collectstatic work', async () => {
    mkdirSync(dirname(CASES.plain.databasePath), { recursive: true });
    mkdirSync(dirname(CASES.https.databasePath), { recursive: true });
    await Promise.all(
      (['plain', 'https', 'nodb'] as const).map(async (name) => {
        const folder = folderOf(name);
        const check = await manage(folder, 'makemigrations', '--check', '--dry-run');
        expectOk(check, `makemigrations --check (${name})`);
        expect(check.stdout).toContain('No changes detected');
      }),
    );
    await Promise.all(
      (['plain', 'https'] as const).map(async (name) => {
        const migrated = await manage(folderOf(name), 'migrate', '--noinput');
        expectOk(migrated, `migrate (${name})`);
        expect(migrated.stdout).toMatch(/Applying \w+\.0001_initial\.\.\. OK/);
        expect(existsSync(CASES[name].databasePath)).toBe(true);
      }),
    );
    const collected = await Promise.all(
      (['plain', 'https'] as const).map((name) => manage(folderOf(name), 'collectstatic', '--noinput')),
    );
    for (const result of collected) expectOk(result, 'collectstatic');
    expect(readFileSync(join(folderOf('plain'), 'staticfiles', 'items', 'app.css'), 'utf8')).toContain(
      'body',
    );
    expect(existsSync(join(CASES.https.staticRoot, 'shop_items', 'app.css'))).toBe(true);
  });

  it('its own pytest tests pass', async () => {
    const results = await Promise.all(
      (['plain', 'https', 'nodb'] as const).map((name) =>
        run([PYTHON, '-m', 'pytest', '-q'], { cwd: folderOf(name), env, timeoutMs: 30_000 }),
      ),
    );
    for (const result of results) expectOk(result, 'pytest');
    // health, static, SECRET_KEY, POST then GET, 8 bad inputs, 405: 13 per API base.
    expect(results[0]!.stdout).toMatch(/\b13 passed/);
    expect(results[1]!.stdout).toMatch(/\b24 passed/);
    expect(results[2]!.stdout).toMatch(/\b4 passed/);
  });

  it('flake8 and black --check find nothing with the shipped config', async () => {
    const folders = (['plain', 'https', 'nodb'] as const).map(folderOf);
    const results = await Promise.all(
      folders.flatMap((folder) => [
        run(['flake8', '.'], { cwd: folder, env, timeoutMs: 30_000 }),
        run(['black', '--check', '.'], { cwd: folder, env, timeoutMs: 30_000 }),
      ]),
    );
    for (const result of results) expectOk(result, 'flake8 / black --check');
  });

  it('serves the API under Gunicorn and uWSGI, migrating a fresh database before the workers start', async () => {
    const folder = folderOf('plain');
    for (const server of [{ kind: 'gunicorn' }, { kind: 'uwsgi' }] as const) {
      const port = await freePort();
      writeServerConfig(folder, server, port);
      const fresh = {
        DATABASE_PATH: join(scratch, server.kind, 'app.db'),
        STATIC_ROOT: join(scratch, server.kind, 'static'),
      };
      const served = await serve(folder, server, { ...env, ...fresh }, async (base) => {
        const health = await request('GET', `${base}/api/health`);
        expect(health.status).toBe(200);
        expect(JSON.parse(health.body)).toMatchObject({ status: 'ok' });
        const created = await request(
          'POST',
          `${base}/api/items`,
          JSON.stringify({ name: 'stacksketch-smoke-item' }),
        );
        expect(created.status).toBe(201);
        const listed = await request('GET', `${base}/api/items`);
        expect(listed.status).toBe(200);
        expect(listed.body).toContain('stacksketch-smoke-item');
        for (const bad of ['not json', '{}', JSON.stringify({ name: '' })])
          expect((await request('POST', `${base}/api/items`, bad)).status, bad).toBe(400);
      });
      // The container command migrated once, before the server started, then the server took over.
      expect(served.match(/Applying items\.0001_initial\.\.\. OK/g), served).toHaveLength(1);
      expect(served).toContain('1 static file copied');
    }
  });
});

/** One HTTP request on a connection of its own (Connection: close), as curl sends it. */
function request(method: string, url: string, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = body === undefined ? {} : { 'Content-Type': 'application/json' };
    const outgoing = httpRequest(url, { method, headers, agent: false, timeout: 10_000 }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error(`${method} ${url}: no answer in 10 s`)));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** What the bundle's gunicorn.conf.py / uwsgi.ini hold, reduced to a loopback port and two workers. */
function writeServerConfig(folder: string, server: DjangoServer, port: number): void {
  if (server.kind === 'gunicorn')
    writeFileSync(join(folder, 'gunicorn.conf.py'), `bind = "127.0.0.1:${port}"\nworkers = 2\n`);
  if (server.kind === 'uwsgi')
    writeFileSync(
      join(folder, 'uwsgi.ini'),
      [
        '[uwsgi]',
        'plugins = python3',
        'module = mysite.wsgi:application',
        `chdir = ${folder}`,
        `http-socket = 127.0.0.1:${port}`,
        'master = true',
        'processes = 2',
        'need-app = true',
        'strict = true',
        'die-on-term = true',
        '',
      ].join('\n'),
    );
}

/** Runs the container command, waits for health, runs `exercise`, stops the server; returns its output. */
async function serve(
  folder: string,
  server: DjangoServer,
  serverEnv: NodeJS.ProcessEnv,
  exercise: (base: string) => Promise<void>,
): Promise<string> {
  const config = readFileSync(
    join(folder, server.kind === 'gunicorn' ? 'gunicorn.conf.py' : 'uwsgi.ini'),
    'utf8',
  );
  const port = Number(/127\.0\.0\.1:(\d+)/.exec(config)![1]);
  const base = `http://127.0.0.1:${port}`;
  const argv = djangoStartCommand('mysite', server);
  const child = spawn(argv[0]!, argv.slice(1), {
    cwd: folder,
    env: serverEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  try {
    const up = await waitFor(async () => {
      try {
        return (await request('GET', `${base}/api/health`)).status === 200;
      } catch {
        return false;
      }
    }, 15_000);
    if (!up) throw new Error(`${server.kind} did not answer on ${base}:\n${output}`);
    await exercise(base);
  } finally {
    // The shell exec'd the server: this pid is the Gunicorn / uWSGI master; SIGINT is their quick stop.
    child.kill('SIGINT');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  return output;
}
