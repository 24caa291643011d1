import type { PlannedApp, PlannedService, PythonProcess, PythonRun } from '../planTypes';
import { formatIni, type IniSection } from '../serializers/ini';
import { pyComment, pyDottedName, pyIdentifier, pyInt, pyString, pyStringTuple } from '../serializers/python';

/** Pinned versions: every build installs exactly these (transitive dependencies included). */
export const PINNED = {
  flask: [
    'Flask==3.0.3',
    'Werkzeug==3.0.6',
    'Jinja2==3.1.4',
    'itsdangerous==2.2.0',
    'click==8.1.7',
    'blinker==1.8.2',
    'MarkupSafe==2.1.5',
  ],
  gunicorn: ['gunicorn==23.0.0', 'packaging==24.1'],
  uwsgi: ['uWSGI==2.0.28'],
};

function requirementsText(server: string[]): string {
  return [
    '# Exact versions, so every build of this image installs the same code.',
    ...PINNED.flask,
    ...server,
    '',
  ].join('\n');
}

/** Fixed text per process kind, so built once rather than per service. */
const REQUIREMENTS = {
  gunicorn: requirementsText(PINNED.gunicorn),
  uwsgi: requirementsText(PINNED.uwsgi),
  'flask-dev': requirementsText([]),
};

export function renderRequirements(process: PythonProcess): string {
  return REQUIREMENTS[process.kind];
}

/** The constant parts of the Flask app, joined once (a 200-app design writes them 200 times). */
const FLASK_APP_IMPORTS = [
  '',
  '',
  'def _create_app():',
  '    # Imports live in here so the module exposes only its WSGI callable (any name is safe).',
  '    import logging',
  '    import os',
  '    import secrets',
  '    import sqlite3',
  '    import threading',
  '',
  '    from flask import Flask, jsonify, request',
  '    from werkzeug.middleware.proxy_fix import ProxyFix',
  '',
].join('\n');
const FLASK_APP_BODY = [
  '',
  '    app = Flask(__name__)',
  '    secret_key = os.environ.get("SECRET_KEY", "")',
  '    if not secret_key:',
  '        # Never a key in the code: without one, a random per-process key (sessions do not survive restarts).',
  '        logging.getLogger(__name__).warning("SECRET_KEY is not set; using a random key (set it in .env)")',
  '        secret_key = secrets.token_hex(32)',
  '    app.config.update(SECRET_KEY=secret_key, DEBUG=False)',
  '    # nginx is the one proxy in front: trust exactly one hop of X-Forwarded-* headers.',
  '    app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)',
  '',
  '    schema_ready = []',
  '',
  '    def connect():',
  '        folder = os.path.dirname(database)',
  '        if folder and not os.path.isdir(folder):',
  '            os.makedirs(folder, exist_ok=True)',
  "        # timeout + busy_timeout: wait for another worker's write lock instead of failing at once.",
  '        connection = sqlite3.connect(database, timeout=5.0)',
  '        connection.row_factory = sqlite3.Row',
  '        connection.execute("PRAGMA busy_timeout = 5000")',
  '        if not schema_ready:',
  '            # WAL lets readers and one writer work at the same time.',
  '            connection.execute("PRAGMA journal_mode = WAL")',
  '            connection.execute(',
  '                "CREATE TABLE IF NOT EXISTS items ("',
  '                "id INTEGER PRIMARY KEY AUTOINCREMENT, "',
  '                "name TEXT NOT NULL, "',
  '                "created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)"',
  '            )',
  '            connection.commit()',
  '            schema_ready.append(True)',
  '        return connection',
  '',
  '    # One connection per worker thread, opened on first use and kept: opening the file, mapping',
  '    # the WAL index and setting the pragmas on every request cost more than the query itself.',
  '    per_thread = threading.local()',
  '',
  '    def get_db():',
  '        connection = getattr(per_thread, "connection", None)',
  '        if connection is None:',
  '            connection = per_thread.connection = connect()',
  '        return connection',
  '',
  '    @app.teardown_appcontext',
  '    def end_request(_error):',
  '        # A request that failed half-way must not keep its write lock into the next one.',
  '        connection = getattr(per_thread, "connection", None)',
  '        if connection is not None and connection.in_transaction:',
  '            connection.rollback()',
  '',
  '    def health():',
  '        if database is not None:',
  '            try:',
  '                get_db().execute("SELECT 1").fetchone()',
  '            except (sqlite3.Error, OSError) as error:',
  '                return jsonify(status="error", detail=str(error)), 503',
  '        return jsonify(status="ok")',
  '',
  '    def list_items():',
  '        rows = get_db().execute(',
  '            "SELECT id, name, created_at FROM items ORDER BY id DESC LIMIT 100"',
  '        ).fetchall()',
  '        return jsonify(items=[dict(row) for row in rows])',
  '',
  '    def create_item():',
  '        payload = request.get_json(silent=True)',
  '        name = payload.get("name") if isinstance(payload, dict) else None',
  '        if not isinstance(name, str) or not name.strip() or len(name) > 200:',
  '            return jsonify(error="send JSON like {\\"name\\": \\"...\\"} (1 to 200 characters)"), 400',
  '        connection = get_db()',
  '        cursor = connection.execute("INSERT INTO items (name) VALUES (?)", (name.strip(),))',
  '        connection.commit()',
  '        return jsonify(id=cursor.lastrowid, name=name.strip()), 201',
  '',
  '    for index, base in enumerate(api_bases):',
  '        app.add_url_rule(base + "health", "health_%d" % index, health, methods=["GET"])',
  '        if database is not None:',
  '            app.add_url_rule(base + "items", "list_items_%d" % index, list_items, methods=["GET"])',
  '            app.add_url_rule(base + "items", "create_item_%d" % index, create_item, methods=["POST"])',
  '    return app',
  '',
  '',
].join('\n');

/** The Flask app module: /health and SQLite-backed /items under each API base. */
export function renderFlaskApp(app: PlannedApp, exposeAsApp: boolean): string {
  const callable = pyIdentifier(app.callable);
  pyDottedName(app.module);
  const db = app.database;
  const lines = [
    `"""The Flask app of node ${docText(app.node)}, generated by StackSketch.`,
    '',
    'Routes (nginx passes the request URI unchanged, so they sit under the nginx route):',
  ];
  for (const base of app.apiBases) {
    lines.push(`    GET  ${base}health   liveness (and the database, when there is one)`);
    if (db)
      lines.push(
        `    GET  ${base}items    the stored items, newest first`,
        `    POST ${base}items    {"name": "..."} stores one item`,
      );
  }
  lines.push(
    '',
    'Production defaults: debug off, SECRET_KEY from the environment, ProxyFix for the one nginx hop,',
    'SQLite in WAL mode with a busy timeout so concurrent workers wait instead of failing, one',
    'connection per worker thread kept between requests.',
    '"""',
    FLASK_APP_IMPORTS,
    `    api_bases = ${pyStringTuple(app.apiBases)}`,
    db ? `    database = os.environ.get("DATABASE_PATH", ${pyString(db)})` : '    database = None',
    FLASK_APP_BODY,
    `${callable} = _create_app()`,
  );
  if (exposeAsApp && callable !== 'app') lines.push(`app = ${callable}  # what "gunicorn wsgi:app" loads`);
  // The final newline as a last empty line: join gives one flat string, not text + "\n" as a pair.
  lines.push('');
  return lines.join('\n');
}

export function renderWsgiEntry(app: PlannedApp): string {
  return [
    '"""WSGI entry point: Gunicorn loads `wsgi:app`; uWSGI imports the module directly (see uwsgi.ini)."""',
    '',
    `from ${pyDottedName(app.module)} import ${pyIdentifier(app.callable)} as app  # noqa: F401`,
    '',
  ].join('\n');
}

export function renderPackageInit(dir: string): string {
  // Joined: one flat string, as every generated file is when it is returned.
  return [
    '"""Package ',
    dir.replace(/\//g, '.'),
    ' (created so the module path of the app imports)."""\n',
  ].join('');
}

/** The constant parts of gunicorn.conf.py, joined once. */
const GUNICORN_SECRET_KEY = [
  '',
  pyComment('This file runs once, in the master, before the workers start: without SECRET_KEY in the'),
  pyComment("environment (.env), every worker would invent its own key and reject the others' sessions."),
  'if not os.environ.get("SECRET_KEY"):',
  '    os.environ["SECRET_KEY"] = secrets.token_hex(32)',
  '    print("SECRET_KEY is not set: using one random key for this run (set it in .env)", file=sys.stderr)',
].join('\n');
const GUNICORN_SETTINGS = [
  'graceful_timeout = 30',
  'keepalive = 5',
  pyComment('Worker heartbeat files in memory: /tmp on a container disk can stall workers.'),
  'worker_tmp_dir = "/dev/shm"',
  pyComment('nginx already logs every request; a second access log here costs throughput for nothing.'),
  'accesslog = None',
  pyComment('Errors to stderr, where `docker compose logs` reads them.'),
  'errorlog = "-"',
  'loglevel = "info"',
  pyComment('nginx is the only client: trust its X-Forwarded-* headers.'),
  'forwarded_allow_ips = "*"',
].join('\n');

export function renderGunicornConf(
  process: Extract<PythonProcess, { kind: 'gunicorn' }>,
  node: string,
): string {
  const bind = process.bind.kind === 'unix' ? `unix:${process.bind.path}` : `0.0.0.0:${process.bind.port}`;
  const lines = [
    `"""Gunicorn settings for node ${docText(node)}, generated by StackSketch.`,
    '',
    'Run: gunicorn --config gunicorn.conf.py wsgi:app',
    '"""',
  ];
  lines.push(
    '',
    ...(process.workers === 'auto' ? ['import multiprocessing'] : []),
    'import os',
    'import secrets',
    'import sys',
  );
  lines.push(GUNICORN_SECRET_KEY);
  lines.push(
    '',
    pyComment(
      process.bind.kind === 'unix'
        ? 'A unix socket on a volume shared with nginx (no TCP port at all).'
        : 'A TCP port on the Compose network; not published: only nginx reaches it.',
    ),
    `bind = ${pyString(bind)}`,
    pyComment(
      'Worker processes. The guide: 2 x CPU cores + 1, so one CPU-bound worker never starves the rest.',
    ),
    process.workers === 'auto'
      ? 'workers = multiprocessing.cpu_count() * 2 + 1'
      : `workers = ${pyInt(process.workers)}`,
    `threads = ${pyInt(process.threads)}`,
  );
  if (process.threads > 1) {
    lines.push(
      pyComment('More than one thread per worker needs the gthread worker class.'),
      'worker_class = "gthread"',
    );
  } else lines.push('worker_class = "sync"');
  lines.push(
    pyComment('A worker silent this long is killed and replaced: one stuck request cannot hold it forever.'),
    `timeout = ${pyInt(process.timeout)}`,
    GUNICORN_SETTINGS,
  );
  if (process.bind.kind === 'unix')
    lines.push(
      pyComment('umask 0: the socket is connectable by nginx; only the two containers mount its folder.'),
      'umask = 0',
    );
  lines.push('');
  return lines.join('\n');
}

export function renderUwsgiIni(
  process: Extract<PythonProcess, { kind: 'uwsgi' }>,
  app: PlannedApp,
  workdir: string,
): string {
  const address = process.bind.kind === 'unix' ? process.bind.path : `0.0.0.0:${process.bind.port}`;
  const entries: IniSection['entries'] = [
    {
      key: 'module',
      value: `${pyDottedName(app.module)}:${pyIdentifier(app.callable)}`,
      comment: 'The app to import (module:callable).',
    },
    { key: 'chdir', value: workdir },
    { key: 'pythonpath', value: workdir },
    { key: 'master', value: true, comment: 'A master process supervises and respawns the workers.' },
    { key: 'processes', value: process.processes },
    { key: 'threads', value: process.threads },
    { key: 'enable-threads', value: true },
    process.protocol === 'uwsgi'
      ? {
          key: 'socket',
          value: address,
          comment: 'The uwsgi protocol, for nginx uwsgi_pass (http-socket would answer 502 there).',
        }
      : { key: 'http-socket', value: address, comment: 'Plain HTTP, for nginx proxy_pass.' },
  ];
  if (process.bind.kind === 'unix')
    entries.push({
      key: 'chmod-socket',
      value: 666,
      comment:
        'nginx runs as another user in another container: it needs write permission on the socket. Only the two containers mount its folder.',
    });
  entries.push(
    { key: 'vacuum', value: true, comment: 'Remove the socket and pid files on exit.' },
    { key: 'die-on-term', value: true, comment: 'SIGTERM (docker stop) shuts down instead of reloading.' },
    {
      key: 'need-app',
      value: true,
      comment: 'Exit when the app fails to import, instead of serving errors.',
    },
    { key: 'strict', value: true, comment: 'An unknown option is an error, not silently ignored.' },
    { key: 'single-interpreter', value: true },
    { key: 'harakiri', value: 60, comment: 'A request running longer than this is killed.' },
    { key: 'buffer-size', value: 32768 },
  );
  return formatIni([
    {
      name: 'uwsgi',
      comments: [
        'uWSGI settings generated by StackSketch. Run: uwsgi --ini uwsgi.ini',
        'No "plugins" line: the pip-installed uWSGI has Python built in.',
      ],
      entries,
    },
  ]);
}

/** The constant parts of the healthcheck script, joined once. */
const HEALTH_CHECK_HEAD = [
  '"""Container healthcheck (Dockerfile HEALTHCHECK): exit 0 when the app answers its health route."""',
  '',
  'import socket',
  'import struct',
  'import sys',
  '',
].join('\n');
const HEALTH_CHECK_TAIL = [
  '',
  '',
  'def request_bytes():',
  '    if PROTOCOL == "http":',
  '        return ("GET %s HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n" % PATH).encode("ascii")',
  '    # The uwsgi protocol: a 4-byte header, then length-prefixed CGI variables.',
  '    variables = {',
  '        "REQUEST_METHOD": "GET",',
  '        "PATH_INFO": PATH,',
  '        "REQUEST_URI": PATH,',
  '        "QUERY_STRING": "",',
  '        "SERVER_NAME": "localhost",',
  '        "SERVER_PORT": "80",',
  '        "SERVER_PROTOCOL": "HTTP/1.0",',
  '        "HTTP_HOST": "localhost",',
  '    }',
  '    body = b"".join(',
  '        struct.pack("<H", len(k)) + k.encode() + struct.pack("<H", len(v)) + v.encode()',
  '        for k, v in variables.items()',
  '    )',
  '    return struct.pack("<BHB", 0, len(body), 0) + body',
  '',
  '',
  'def main():',
  '    try:',
  '        if UNIX_SOCKET:',
  '            connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)',
  '            connection.settimeout(5)',
  '            connection.connect(UNIX_SOCKET)',
  '        else:',
  '            connection = socket.create_connection(("127.0.0.1", PORT), timeout=5)',
  '        with connection:',
  '            connection.sendall(request_bytes())',
  '            status_line = connection.recv(64).split(b"\\r\\n")[0].split(b" ")',
  '    except OSError as error:',
  '        print("healthcheck: %s" % error, file=sys.stderr)',
  '        return 1',
  '    if len(status_line) > 1 and status_line[1] == b"200":',
  '        return 0',
  '    print("healthcheck: unexpected answer %r" % b" ".join(status_line), file=sys.stderr)',
  '    return 1',
  '',
  '',
  'if __name__ == "__main__":',
  '    sys.exit(main())',
  '',
].join('\n');

/** The container healthcheck: connects to the server the way nginx does and asks for the health route. */
export function renderHealthCheck(service: PlannedService, run: PythonRun): string {
  const listener = service.listens[0]!;
  const protocol = run.process.kind === 'uwsgi' && run.process.protocol === 'uwsgi' ? 'uwsgi' : 'http';
  const path = `${run.apps[0]!.apiBases[0]!}health`;
  return [
    HEALTH_CHECK_HEAD,
    listener.kind === 'unix' ? `UNIX_SOCKET = ${pyString(listener.path)}` : 'UNIX_SOCKET = None',
    `PORT = ${listener.kind === 'tcp' ? pyInt(listener.port) : 'None'}`,
    `PROTOCOL = ${pyString(protocol)}`,
    `PATH = ${pyString(path)}`,
    HEALTH_CHECK_TAIL,
  ].join('\n');
}

/** A node id inside a docstring: only harmless characters survive, the rest become "?". */
function docText(text: string): string {
  // Wrapped in single quotes: the kept characters include no quote of either kind.
  return `'${text.slice(0, 80).replace(/[^A-Za-z0-9 _.:-]/g, '?')}'`;
}
