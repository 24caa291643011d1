import type { PlannedApp } from '../../exporters/planTypes';
import { pyDottedName, pyIdentifier, pyString } from '../../exporters/serializers/python';
import { shQuote } from '../../exporters/serializers/shell';
import { checkRoute } from '../../model/fields';
import { docText } from '../docText';
import type { KindPlanPart } from '../planParts';
import { PYTHON_LINE_LENGTH, assignDesignName, fitLine, pySequence } from '../pythonTooling';
import { walSwitchLines } from '../sqliteWal';
import { flaskSelfChecks } from './checks';
import type { FlaskProps } from './descriptor';
import type { Lang } from '../../i18n/lang';
import { FLASK_COMMENTS, type FlaskComments } from './comments';

/** `# ` comment lines at an indentation. */
const commentLines = (indent: string, lines: readonly string[]): string[] =>
  lines.map((line) => `${indent}# ${line}`);

/** The constant parts of the Flask app, joined once per language (a 200-app design writes them 200 times). */
const appImports = (comments: FlaskComments): string =>
  [
    '',
    '',
    'def _create_app():',
    ...commentLines('    ', [comments.imports]),
    '    import logging',
    '    import os',
    '    import secrets',
    '    import socket',
    '    import sqlite3',
    '    import threading',
    '    import time',
    '',
    '    from flask import Flask, jsonify, request',
    '    from werkzeug.middleware.proxy_fix import ProxyFix',
    '',
  ].join('\n');
const appBody = (comments: FlaskComments): string =>
  [
    '    secret_key = os.environ.get("SECRET_KEY", "")',
    '    if not secret_key:',
    ...commentLines('        ', comments.noSecretKey),
    '        logging.getLogger(__name__).warning(',
    '            "SECRET_KEY is not set; using a random key (set it in .env)"',
    '        )',
    '        secret_key = secrets.token_hex(32)',
    '    app.config.update(SECRET_KEY=secret_key, DEBUG=False)',
    ...commentLines('    ', [comments.proxyFix]),
    '    app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)',
    '',
    ...commentLines('    ', [comments.instance]),
    '    instance = os.environ.get("INSTANCE") or socket.gethostname()',
    '',
    '    schema_ready = []',
    '',
    '    def use_wal(connection):',
    ...commentLines('        ', comments.walRetry),
    ...walSwitchLines({
      indent: '        ',
      execute: 'connection.execute',
      error: 'sqlite3.OperationalError',
      done: 'return',
    }),
    '',
    '    def connect():',
    '        folder = os.path.dirname(database)',
    '        if folder and not os.path.isdir(folder):',
    '            os.makedirs(folder, exist_ok=True)',
    ...commentLines('        ', [comments.busyTimeout]),
    '        connection = sqlite3.connect(database, timeout=5.0)',
    '        connection.row_factory = sqlite3.Row',
    '        connection.execute("PRAGMA busy_timeout = 5000")',
    '        if not schema_ready:',
    ...commentLines('            ', [comments.wal]),
    '            use_wal(connection)',
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
    ...commentLines('    ', comments.perThread),
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
    ...commentLines('        ', [comments.rollback]),
    '        connection = getattr(per_thread, "connection", None)',
    '        if connection is not None and connection.in_transaction:',
    '            connection.rollback()',
    '',
    '    def health():',
    '        if database is not None:',
    '            try:',
    '                get_db().execute("SELECT 1").fetchone()',
    '            except (sqlite3.Error, OSError) as error:',
    '                return (',
    '                    jsonify(status="error", detail=str(error), instance=instance),',
    '                    503,',
    '                )',
    '        return jsonify(status="ok", instance=instance)',
    '',
    '    def list_items():',
    '        query = "SELECT id, name, created_at FROM items ORDER BY id DESC LIMIT 100"',
    '        rows = get_db().execute(query).fetchall()',
    '        return jsonify(items=[dict(row) for row in rows])',
    '',
    '    bad_input = \'send JSON like {"name": "..."} (1 to 200 characters)\'',
    '',
    '    def create_item():',
    '        payload = request.get_json(silent=True)',
    '        name = payload.get("name") if isinstance(payload, dict) else None',
    '        if not isinstance(name, str) or not name.strip() or len(name) > 200:',
    '            return jsonify(error=bad_input), 400',
    '        connection = get_db()',
    '        insert = "INSERT INTO items (name) VALUES (?)"',
    '        cursor = connection.execute(insert, (name.strip(),))',
    '        connection.commit()',
    '        return jsonify(id=cursor.lastrowid, name=name.strip()), 201',
    '',
    '    for index, base in enumerate(api_bases):',
    '        app.add_url_rule(base + "health", "health_%d" % index, health)',
    '        if database is not None:',
    '            items = base + "items"',
    '            app.add_url_rule(items, "list_items_%d" % index, list_items)',
    '            create = "create_item_%d" % index',
    '            app.add_url_rule(items, create, create_item, methods=["POST"])',
    '    return app',
    '',
    '',
  ].join('\n');

/** The Flask app module: /health and SQLite-backed /items under each API base. */
const FLASK_APP_IMPORTS: Readonly<Record<Lang, string>> = {
  en: appImports(FLASK_COMMENTS.en),
  ko: appImports(FLASK_COMMENTS.ko),
};
const FLASK_APP_BODY: Readonly<Record<Lang, string>> = {
  en: appBody(FLASK_COMMENTS.en),
  ko: appBody(FLASK_COMMENTS.ko),
};

function renderFlaskApp(app: PlannedApp, exposeAsApp: boolean, lang: Lang): string {
  const comments = FLASK_COMMENTS[lang];
  const callable = pyIdentifier(app.callable);
  pyDottedName(app.module);
  const db = app.database;
  // Design values (the node id, the routes) go into comments, where a long one can say noqa.
  const lines = [
    '"""A Flask app generated by StackSketch (its routes are listed below).',
    '',
    'Production defaults: debug off, SECRET_KEY from the environment, ProxyFix for the one',
    'nginx hop, SQLite in WAL mode with a busy timeout so concurrent workers wait instead',
    'of failing, one connection per worker thread kept between requests.',
    '"""',
    '',
    ...commentLines('', comments.routesHeading(docText(app.node))).map(fitLine),
  ];
  for (const base of app.apiBases) {
    lines.push(fitLine(`#   GET  ${base}health   ${comments.healthRoute}`));
    if (db)
      lines.push(
        fitLine(`#   GET  ${base}items    ${comments.listRoute}`),
        fitLine(`#   POST ${base}items    ${comments.createRoute}`),
      );
  }
  lines.push(
    FLASK_APP_IMPORTS[lang],
    pySequence('    ', 'api_bases = ', app.apiBases.map(pyString), '()'),
    ...(db
      ? [
          fitLine(`    default_database = ${pyString(db)}`),
          '    database = os.environ.get("DATABASE_PATH", default_database)',
        ]
      : ['    database = None']),
    '',
    ...flaskConstructor(app, comments),
    FLASK_APP_BODY[lang],
    assignDesignName(callable, '_create_app()'),
  );
  if (exposeAsApp && callable !== 'app')
    lines.push(fitLine(`app = ${callable}  # what "gunicorn wsgi:app" loads`));
  // The final newline as a last empty line: join gives one flat string, not text + "\n" as a pair.
  lines.push('');
  return lines.join('\n');
}

/** Where Flask's static folder is served (the static route without its final "/"), or null: Flask's default. */
function staticUrlPath(app: PlannedApp): string | null {
  const route = app.settings.staticRoute;
  return typeof route === 'string' && route !== '' ? route.replace(/\/$/, '') : null;
}

function flaskConstructor(app: PlannedApp, comments: FlaskComments): string[] {
  const urlPath = staticUrlPath(app);
  if (urlPath === null) return ['    app = Flask(__name__)'];
  return [
    ...commentLines('    ', [comments.staticFolder]),
    fitLine(`    static_url_path = ${pyString(checkedRoute(urlPath))}`),
    '    app = Flask(__name__, static_url_path=static_url_path)',
  ];
}

/** A route already checked by invalid-route; refused again here so no other text reaches the code. */
function checkedRoute(path: string): string {
  const problem = checkRoute(`${path}/`);
  if (problem) throw new Error(`flask: refusing static route ${JSON.stringify(path)}: ${problem}`);
  return path;
}

/** The app's static folder, relative to the service folder: "static/" beside its module. */
function staticFolderOf(app: PlannedApp): string {
  const dir = app.file.includes('/') ? app.file.slice(0, app.file.lastIndexOf('/') + 1) : '';
  return `${dir}static`;
}

const STATIC_CSS = `/* Served by nginx from the app's static folder; the app never sees the request. */
body {
  font-family: system-ui, sans-serif;
}
`;

/** Where the container copies the static folder for nginx: a named volume shared with it. */
const FLASK_STATIC_COPY = '/srv/static';

function renderWsgiEntry(app: PlannedApp, lang: Lang): string {
  const module = pyDottedName(app.module);
  const callable = pyIdentifier(app.callable);
  const oneLine = `from ${module} import ${callable} as app`;
  // Too long for one line: the parenthesized form black writes.
  const importLine =
    oneLine.length <= PYTHON_LINE_LENGTH
      ? oneLine
      : [fitLine(`from ${module} import (`), fitLine(`    ${callable} as app,`), ')'].join('\n');
  return [
    '"""WSGI entry point: Gunicorn loads `wsgi:app`; uWSGI imports the module (uwsgi.ini)."""',
    '',
    importLine,
    '',
    ...commentLines('', [FLASK_COMMENTS[lang].wsgiAll]),
    '__all__ = ["app"]',
    '',
  ].join('\n');
}

function code(text: string): string {
  return `\`${text.includes('`') ? text.replace(/`/g, "'") : text}\``;
}

function flaskAppExplanation(database: string | null): string {
  return `The Flask app (the cook: routes and logic). Debug off, \`SECRET_KEY\` from the environment, \`ProxyFix\` for the one nginx hop${database ? `, items stored in SQLite at ${code(database)} with WAL and a busy timeout so concurrent workers wait instead of failing` : ''}.`;
}

/** Flask: the app code (a small real API), and the Werkzeug development server when no server runs it. */
const FLASK_PINNED = [
  'Flask==3.0.3',
  'Werkzeug==3.0.6',
  'Jinja2==3.1.4',
  'itsdangerous==2.2.0',
  'click==8.1.7',
  'blinker==1.8.2',
  'MarkupSafe==2.1.5',
];

export const flaskPlan: KindPlanPart<FlaskProps> = {
  app: {
    entry: (props) => ({ module: props?.module ?? 'app', callable: props?.callable ?? 'app' }),
    requirements: FLASK_PINNED,
    selfChecks: flaskSelfChecks(FLASK_PINNED),
    renderApp: renderFlaskApp,
    renderWsgiEntry,
    explanation: (app) => flaskAppExplanation(app.database),
    devCommand: (app, port, host = '0.0.0.0') => [
      'flask',
      '--app',
      `${app.module}:${app.callable}`,
      'run',
      '--host',
      host,
      '--port',
      String(port),
    ],
    devSummary: 'the Flask development server',
    debianPackages: ['python3-flask'],
    staticFiles: (props) =>
      props.staticRoute
        ? { route: props.staticRoute, folder: `${FLASK_STATIC_COPY}/`, probeFile: 'app.css' }
        : null,
    collectFolder: (props) => (props.staticRoute ? FLASK_STATIC_COPY : null),
    extraFiles: (app) =>
      staticUrlPath(app) === null ? {} : { [`${staticFolderOf(app)}/app.css`]: STATIC_CSS },
    extraFilesExplanation: {
      en: "The app's static folder. nginx serves it under the static route itself, with long cache headers; the container copies it at start into a volume nginx mounts read-only.",
      ko: '앱의 정적 파일 폴더. nginx가 정적 경로 아래에서 긴 캐시 헤더와 함께 직접 서빙합니다. 컨테이너가 시작할 때 nginx가 읽기 전용으로 마운트하는 볼륨으로 복사합니다.',
    },
    staticSource: (app) => (staticUrlPath(app) === null ? null : staticFolderOf(app)),
    collectCommand: (app) =>
      staticUrlPath(app) === null ? null : ['cp', '-R', `${staticFolderOf(app)}/.`, `${FLASK_STATIC_COPY}/`],
    // The server's words follow the script as positional arguments, so the shell parses none of them.
    startCommand: (app, server) =>
      staticUrlPath(app) === null
        ? server
        : [
            'sh',
            '-c',
            `cp -R ${shQuote(staticFolderOf(app))}/. ${FLASK_STATIC_COPY}/ && exec "$@"`,
            'static',
            ...server,
          ],
  },
};
