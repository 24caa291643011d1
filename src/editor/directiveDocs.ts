/**
 * Hover documentation for the directives StackSketch writes: what each one does and why the bundle
 * uses it. Pure data plus a lookup, so the tests and the editor share one table.
 */
import type { Lang } from '../i18n/lang';
import { GUNICORN_DOCS_KO, NGINX_DOCS_KO, UWSGI_DOCS_KO } from './directiveDocs.ko';

export type DirectiveFamily = 'nginx' | 'gunicorn' | 'uwsgi';

export interface DirectiveDoc {
  /** What the directive does. */
  what: string;
  /** Why the generated file sets it (the reasoning behind the value). */
  why: string;
}

export const NGINX_DOCS: Record<string, DirectiveDoc> = {
  uwsgi_pass: {
    what: 'Forwards the request to a uWSGI server using the binary **uwsgi protocol**.',
    why: 'It only works when uWSGI listens with `socket` (not `http-socket`). Pointed at an `http-socket`, uWSGI cannot parse the packets, closes the connection and nginx answers **502 Bad Gateway** ("upstream prematurely closed connection"). Always paired with `include uwsgi_params`.',
  },
  proxy_pass: {
    what: 'Forwards the request over **HTTP** to an upstream server (Gunicorn, uWSGI `http-socket`, or the Flask dev server).',
    why: 'nginx is the reverse proxy: clients only ever talk to nginx on the published port, the app server stays inside the network. nginx buffers slow clients so the few sync workers of Gunicorn are never tied up by them. Do not use it against a uWSGI `socket` (that speaks the uwsgi protocol, not HTTP).',
  },
  include: {
    what: 'Inserts another configuration file at this point.',
    why: '`mime.types` maps file extensions to Content-Type headers; `uwsgi_params` passes the request (method, path, headers) as WSGI environment variables: without it uWSGI receives no `REQUEST_METHOD`/`PATH_INFO` and the app cannot route the request.',
  },
  uwsgi_params: {
    what: 'The file shipped with nginx that lists the `uwsgi_param` variables (REQUEST_METHOD, PATH_INFO, QUERY_STRING, ...) sent to uWSGI.',
    why: 'nginx does not understand Python; uWSGI builds the WSGI environ from these parameters, so `uwsgi_pass` needs them.',
  },
  keepalive: {
    what: 'Keeps up to this many idle connections to the upstream open per nginx worker.',
    why: 'Reusing connections to the app server saves a TCP (or socket) handshake per request. Needs `proxy_http_version 1.1` and an empty `Connection` header for HTTP upstreams.',
  },
  keepalive_timeout: {
    what: 'How long an idle client connection stays open.',
    why: 'Short enough that idle browsers do not hold connections forever, long enough to reuse one connection for a page and its assets.',
  },
  server_tokens: {
    what: 'Whether nginx prints its version in the `Server` header and error pages.',
    why: '`off` hides the exact version, which otherwise tells an attacker which known vulnerabilities to try.',
  },
  try_files: {
    what: 'Serves the first of the listed paths that exists; the last argument is the fallback.',
    why: 'For a React single-page app, `try_files $uri $uri/ /index.html` sends unknown paths (client-side routes like /items/3) to index.html so a reload does not give 404.',
  },
  client_max_body_size: {
    what: 'The largest request body nginx accepts; bigger uploads get **413 Request Entity Too Large**.',
    why: 'A limit protects the app from huge uploads; nginx enforces it before anything reaches Python.',
  },
  gzip: {
    what: 'Compresses responses on the fly.',
    why: 'Text (HTML, CSS, JavaScript, JSON) shrinks several times, which speeds up pages on slow links. nginx does it so the Python workers do not spend CPU on it.',
  },
  gzip_types: {
    what: 'The Content-Types compressed besides text/html.',
    why: 'JavaScript, CSS and JSON are where the bytes are; images are already compressed.',
  },
  gzip_min_length: {
    what: 'Responses shorter than this are sent uncompressed.',
    why: 'Compressing tiny responses costs more than it saves.',
  },
  gzip_vary: {
    what: 'Adds `Vary: Accept-Encoding`.',
    why: 'Caches then keep compressed and uncompressed copies apart.',
  },
  gzip_proxied: {
    what: 'Which proxied responses may be compressed.',
    why: '`any` compresses API answers coming back from the app server too.',
  },
  listen: {
    what: 'The port (and address) this server block accepts connections on.',
    why: 'nginx is the only service whose port is published: it is the front door, the app servers are reachable only through it.',
  },
  server_name: {
    what: 'The host names this server block answers for (matched against the Host header).',
    why: '`localhost` or `_` (any name) for a local run; put the real domain here in production.',
  },
  root: {
    what: 'The folder static files are served from.',
    why: 'The React build is copied there by the multi-stage Dockerfile: nginx serves the files itself, fast and without Python.',
  },
  index: {
    what: 'The file served for a request that ends in `/`.',
    why: 'index.html is the entry page of the React build.',
  },
  location: {
    what: 'A block of settings for requests whose path starts with the given prefix.',
    why: 'Each edge leaving nginx becomes one location: its route decides which requests go to which service.',
  },
  upstream: {
    what: 'A named group of servers that `proxy_pass`/`uwsgi_pass` can point to.',
    why: 'Lets nginx keep connections alive to the app server and makes the target explicit in one place.',
  },
  server: {
    what: 'A virtual server: inside `http` it answers requests, inside `upstream` it names one backend.',
    why: 'The address of an upstream `server` is the Compose service name: Docker resolves it to the app container.',
  },
  proxy_set_header: {
    what: 'Sets a request header sent to the upstream.',
    why: 'Host, X-Real-IP, X-Forwarded-For and X-Forwarded-Proto tell Flask the original host, client and scheme; the app trusts them through `ProxyFix`, so redirects and logs are right behind the proxy.',
  },
  proxy_http_version: {
    what: 'HTTP version used towards the upstream.',
    why: '1.1 is needed for keep-alive connections to the upstream.',
  },
  proxy_read_timeout: {
    what: 'How long nginx waits for the upstream to send data.',
    why: 'Kept in line with the app server timeout, so nginx does not give up before the worker does.',
  },
  uwsgi_read_timeout: {
    what: 'How long nginx waits for uWSGI to send data.',
    why: 'Kept in line with the app server, so slow requests end with a clear error instead of a hung connection.',
  },
  add_header: {
    what: 'Adds a response header.',
    why: 'Security headers (X-Content-Type-Options nosniff, X-Frame-Options, Referrer-Policy) are cheap defences every site should send; `always` adds them to error pages too.',
  },
  worker_processes: {
    what: 'How many nginx worker processes run.',
    why: '`auto` starts one per CPU core: nginx is event driven, so one worker per core is enough.',
  },
  worker_connections: {
    what: 'Simultaneous connections per nginx worker.',
    why: 'Each proxied request uses two (client and upstream); the default of 1024 is plenty for a small stack.',
  },
  events: {
    what: 'Connection-processing settings.',
    why: 'Required block of a complete nginx.conf, even when it only sets `worker_connections`.',
  },
  http: {
    what: 'The block for every HTTP server, with settings they share.',
    why: 'This bundle ships the whole nginx.conf (not a snippet), so the container needs nothing else.',
  },
  sendfile: {
    what: 'Lets the kernel copy files straight to the socket.',
    why: 'Faster static files (the React build) with less CPU.',
  },
  tcp_nopush: {
    what: 'Sends response headers and the start of a file in one packet (with sendfile).',
    why: 'Fewer packets for static files.',
  },
  default_type: {
    what: 'Content-Type for files whose extension is not in mime.types.',
    why: '`application/octet-stream` makes browsers download unknown files instead of guessing.',
  },
  access_log: {
    what: 'Where requests are logged.',
    why: 'In a container, logs go to stdout/stderr (`/dev/stdout`) so `docker compose logs` shows them.',
  },
  error_log: {
    what: 'Where errors are logged, and from which level.',
    why: 'To stderr in a container, so `docker compose logs web` shows why a hop fails (e.g. a 502).',
  },
  pid: {
    what: 'The file nginx writes its master process id to.',
    why: 'A path the nginx user can write inside the container.',
  },
  expires: {
    what: 'Sets Cache-Control/Expires for the response.',
    why: 'Hashed build assets never change, so browsers may keep them for long; index.html must not be cached.',
  },
  log_format: {
    what: 'Names a format for access log lines.',
    why: 'The `main` format records client, request, status, size, referrer and user agent: enough to trace a failing hop.',
  },
  uwsgi_param: {
    what: 'Sets one variable of the request environment sent to uWSGI.',
    why: '`HTTP_X_FORWARDED_PROTO $scheme` tells the app whether the client used http or https, so the URLs it builds are right.',
  },
  tcp_nodelay: {
    what: 'Sends small packets at once instead of waiting to fill them.',
    why: 'Lower latency for keep-alive connections.',
  },
  return: {
    what: 'Stops processing and sends a status code (and body or redirect).',
    why: 'Used for simple health answers and redirects without touching the app.',
  },
};

export const GUNICORN_DOCS: Record<string, DirectiveDoc> = {
  bind: {
    what: 'The address Gunicorn listens on: `host:port` or `unix:/path.sock`.',
    why: '`0.0.0.0:PORT` so nginx in another container can reach it over the Compose network (the port is not published to the host); a unix socket needs a volume shared with nginx.',
  },
  workers: {
    what: 'The number of worker processes; each handles one request at a time (sync workers).',
    why: 'The usual guide is **2 × CPU cores + 1**: while one worker waits on I/O another can use the CPU. More workers only add memory use and contention.',
  },
  threads: {
    what: 'Threads per worker. Above 1 Gunicorn uses the threaded worker.',
    why: 'Threads help when requests wait on I/O; 1 keeps the simple sync model.',
  },
  timeout: {
    what: 'A worker silent for longer than this many seconds is killed and restarted.',
    why: 'Frees workers stuck on a hung request; nginx buffering keeps slow clients from triggering it.',
  },
  worker_tmp_dir: {
    what: 'Where workers keep their heartbeat file.',
    why: 'In Docker `/tmp` may be on a slow overlay disk, which can make workers look hung: `/dev/shm` is memory backed.',
  },
  wsgi_app: {
    what: 'The WSGI application to load, as `module:callable`.',
    why: 'Points at the Flask object exposed by wsgi.py.',
  },
  accesslog: {
    what: 'Where Gunicorn logs each request (`None`: not at all; `-`: stdout).',
    why: 'nginx in front already logs every request; a second access log here cost a third of the throughput in the benchmark.',
  },
  errorlog: {
    what: 'Where Gunicorn logs its own messages; `-` is stderr.',
    why: 'Container logs go to stderr so `docker compose logs` shows worker crashes.',
  },
  loglevel: {
    what: 'How much Gunicorn logs.',
    why: '`info` shows worker starts and restarts without request noise.',
  },
  graceful_timeout: {
    what: 'Seconds workers get to finish requests after a restart or stop signal.',
    why: 'A `docker compose down` then does not cut requests in the middle.',
  },
  keepalive: {
    what: 'Seconds to keep an idle connection open.',
    why: 'Behind nginx a few seconds lets nginx reuse connections.',
  },
  forwarded_allow_ips: {
    what: 'Which proxies may set X-Forwarded-* headers.',
    why: 'nginx runs in another container, so its address is not 127.0.0.1: trust the proxy network only.',
  },
  chdir: {
    what: 'Changes to this folder before loading the app.',
    why: 'So `module:callable` imports from the app folder.',
  },
  umask: {
    what: 'File mode mask for files (and the socket) Gunicorn creates.',
    why: 'A unix socket must be writable by the nginx user in the other container.',
  },
  worker_class: {
    what: 'The worker type (sync, gthread, ...).',
    why: 'Sync workers are simplest and safe behind a buffering proxy like nginx.',
  },
  max_requests: {
    what: 'Restart a worker after this many requests.',
    why: 'Caps the effect of slow memory leaks.',
  },
  max_requests_jitter: {
    what: 'Random extra to max_requests.',
    why: 'Workers do not all restart at the same moment.',
  },
  capture_output: {
    what: 'Sends the app’s print/stdout to the error log.',
    why: 'Nothing the app prints is lost in a container.',
  },
  proc_name: {
    what: 'Process title shown by ps/top.',
    why: 'Makes the workers easy to spot.',
  },
};

export const UWSGI_DOCS: Record<string, DirectiveDoc> = {
  socket: {
    what: 'Listens with the binary **uwsgi protocol** (on a unix socket path or `host:port`).',
    why: 'This is what nginx’s `uwsgi_pass` speaks. A unix socket is fast for two processes on one machine; across containers it lives on a shared volume.',
  },
  'http-socket': {
    what: 'Listens with plain **HTTP** (what a browser or `proxy_pass` sends).',
    why: 'Handy for testing uWSGI alone; behind nginx it must be paired with `proxy_pass`. With `uwsgi_pass` nginx answers **502**: the two sides speak different protocols.',
  },
  'chmod-socket': {
    what: 'File mode of the unix socket uWSGI creates.',
    why: 'nginx runs as another user (in another container): it needs write permission on the socket or every request fails with 502 (permission denied).',
  },
  'chown-socket': {
    what: 'Owner of the unix socket.',
    why: 'An alternative to a permissive chmod-socket.',
  },
  master: {
    what: 'Starts a master process that manages the workers.',
    why: 'The master restarts dead workers and handles signals; without it uWSGI is much harder to run reliably.',
  },
  vacuum: {
    what: 'Removes the socket and pid files on exit.',
    why: 'A stale socket file left behind can stop the next start.',
  },
  'die-on-term': {
    what: 'Makes SIGTERM shut uWSGI down (by default it means "reload").',
    why: '`docker stop` sends SIGTERM: without this the container would reload instead of stopping, and be killed after a timeout.',
  },
  'worker-reload-mercy': {
    what: 'How many seconds a worker may take to finish its requests on a graceful reload, recycling or stop before it is killed.',
    why: "A stuck worker would otherwise hold a stop for uWSGI's default 60 s (past `docker stop`'s patience); the bundle gives the container this long plus a margin.",
  },
  'reload-mercy': {
    what: 'How many seconds the master waits for all workers during a reload or shutdown.',
    why: 'Bounds the whole stop, like `worker-reload-mercy` bounds one worker.',
  },
  'need-app': {
    what: 'Exits at start when the application cannot be loaded.',
    why: 'Otherwise uWSGI keeps running with "no app loaded" and answers every request with an error: better to fail loudly.',
  },
  strict: {
    what: 'Refuses unknown options in the config.',
    why: 'A misspelled option otherwise is ignored silently (like `--strict` in the checks StackSketch runs).',
  },
  processes: {
    what: 'The number of worker processes.',
    why: 'Like Gunicorn workers: about 2 × CPU cores + 1 is the usual guide; each process has its own memory.',
  },
  workers: {
    what: 'Alias of `processes`: the number of worker processes.',
    why: 'About 2 × CPU cores + 1 is the usual guide.',
  },
  threads: {
    what: 'Threads per process; total concurrency is processes × threads.',
    why: 'Threads help while requests wait on I/O (such as SQLite or network calls).',
  },
  'enable-threads': {
    what: 'Enables the Python GIL and threads in the app.',
    why: 'Without it threads the app starts itself never run.',
  },
  plugins: {
    what: 'Loads uWSGI plugins (e.g. python3).',
    why: 'Distribution builds of uWSGI need the python3 plugin to load a Python app; the pip build has it built in.',
  },
  module: {
    what: 'The Python module holding the WSGI application (e.g. `wsgi`).',
    why: 'uWSGI imports it like `import wsgi`.',
  },
  callable: {
    what: 'The name of the WSGI callable in the module.',
    why: 'Flask’s object is usually named `app`; uWSGI looks for `application` unless told.',
  },
  'wsgi-file': {
    what: 'A Python file to load as the WSGI application.',
    why: 'An alternative to `module`.',
  },
  chdir: {
    what: 'Changes to this folder before loading the app.',
    why: 'So the app module is found.',
  },
  pythonpath: {
    what: 'Adds a folder to Python’s import path.',
    why: 'The app’s modules in /app import each other without being installed as a package.',
  },
  uid: {
    what: 'The user the workers run as.',
    why: 'Never run the app as root.',
  },
  gid: {
    what: 'The group the workers run as.',
    why: 'Never run the app as root.',
  },
  harakiri: {
    what: 'Kills a worker stuck on one request for longer than this many seconds.',
    why: 'Frees workers on hung requests (Gunicorn’s timeout).',
  },
  'buffer-size': {
    what: 'Largest request header block uWSGI accepts.',
    why: 'The 4 KB default can reject requests with big cookies.',
  },
  'lazy-apps': {
    what: 'Loads the app in each worker instead of the master.',
    why: 'Avoids sharing database connections across forked workers.',
  },
  'single-interpreter': {
    what: 'Uses one Python interpreter per worker.',
    why: 'Simpler and what most apps expect.',
  },
  'thunder-lock': {
    what: 'Serialises accept() between workers.',
    why: 'Spreads load evenly across processes.',
  },
  'post-buffering': {
    what: 'Buffers request bodies bigger than this to disk.',
    why: 'Protects workers from slow uploads.',
  },
  'disable-logging': {
    what: 'Turns off the request log.',
    why: 'nginx already logs each request.',
  },
  'log-4xx': {
    what: 'Logs 4xx responses even with request logging off.',
    why: 'Client errors stay visible.',
  },
  'log-5xx': {
    what: 'Logs 5xx responses even with request logging off.',
    why: 'Server errors stay visible.',
  },
  pidfile: { what: 'Writes the master pid to this file.', why: 'Lets `uwsgi --stop FILE` stop the server.' },
  stats: {
    what: 'Serves live statistics (workers, requests) on this address.',
    why: 'Real-time monitoring, like in the seed notes.',
  },
  'manage-script-name': {
    what: 'Honours SCRIPT_NAME from nginx.',
    why: 'Needed when the app is mounted under a prefix.',
  },
  mount: { what: 'Mounts the app under a path prefix.', why: 'Serves the app below a route such as /api.' },
  http: {
    what: 'Starts uWSGI’s own HTTP router in front of the workers.',
    why: 'Not needed behind nginx: nginx is the router.',
  },
};

export function docsFor(family: DirectiveFamily): Record<string, DirectiveDoc> {
  return family === 'nginx' ? NGINX_DOCS : family === 'gunicorn' ? GUNICORN_DOCS : UWSGI_DOCS;
}

/** Which family of directives a bundle file holds, from its name. */
export function directiveFamilyOf(path: string): DirectiveFamily | null {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (base === 'nginx.conf' || /nginx.*\.conf$/.test(base)) return 'nginx';
  if (/^gunicorn.*\.py$/.test(base)) return 'gunicorn';
  if (/uwsgi.*\.ini$/.test(base)) return 'uwsgi';
  return null;
}

export interface DirectiveHover {
  family: DirectiveFamily;
  name: string;
  doc: DirectiveDoc;
  /** The word's columns on the line (1-based, end exclusive), for the hover range. */
  startColumn: number;
  endColumn: number;
  /** The value written on this line, when the word is the directive of the line. */
  value: string | null;
}

function wordAt(line: string, column: number, pattern: RegExp): { word: string; start: number } | null {
  const index = column - 1;
  for (const match of line.matchAll(pattern)) {
    const start = match.index;
    if (index >= start && index <= start + match[0].length) return { word: match[0], start };
  }
  return null;
}

/** The documented directive under the cursor (column is 1-based, like Monaco's), or null. */
export function directiveAt(path: string, line: string, column: number): DirectiveHover | null {
  const family = directiveFamilyOf(path);
  if (!family) return null;
  // Comments explain themselves; ini also comments with ';' (nginx uses it to end statements).
  const code = family === 'uwsgi' ? line.replace(/(^|\s)[#;].*$/, '$1') : line.replace(/#.*$/, '');
  const found = wordAt(code, column, family === 'uwsgi' ? /[A-Za-z][\w-]*/g : /[A-Za-z_][\w]*/g);
  if (!found) return null;
  const doc = docsFor(family)[found.word];
  if (!doc) return null;
  let value: string | null = null;
  if (family === 'nginx') {
    const statement = /^\s*([a-z_]+)\s+([^;{]*)/.exec(code);
    if (statement && statement[1] === found.word) value = statement[2]!.trim() || null;
  } else {
    const assignment = /^\s*([\w-]+)\s*=\s*(.*?)\s*$/.exec(code);
    if (assignment && assignment[1] === found.word) value = assignment[2] || null;
  }
  return {
    family,
    name: found.word,
    doc,
    startColumn: found.start + 1,
    endColumn: found.start + 1 + found.word.length,
    value,
  };
}

const FAMILY_LABEL: Record<DirectiveFamily, string> = {
  nginx: 'nginx',
  gunicorn: 'Gunicorn',
  uwsgi: 'uWSGI',
};

const KOREAN_DOCS: Record<DirectiveFamily, Record<string, DirectiveDoc>> = {
  nginx: NGINX_DOCS_KO,
  gunicorn: GUNICORN_DOCS_KO,
  uwsgi: UWSGI_DOCS_KO,
};

/** The hover's Markdown in the UI's language. */
export function hoverMarkdown(hover: DirectiveHover, lang: Lang = 'en'): string {
  const korean = lang === 'ko' ? KOREAN_DOCS[hover.family][hover.name] : undefined;
  const doc = korean ?? hover.doc;
  const words = korean ? { here: '여기서', why: '이유' } : { here: 'Here', why: 'Why' };
  const head = `**${hover.name}** (${FAMILY_LABEL[hover.family]})`;
  const value = hover.value ? `\n\n${words.here}: \`${hover.value.replace(/`/g, "'")}\`` : '';
  return `${head}\n\n${doc.what}${value}\n\n*${words.why}:* ${doc.why}`;
}
