/**
 * The config file this kind writes into the bundle (nginx.conf; also a site's nginx*.conf or *.nginx
 * file): the editor colours it with the kind's grammar and explains its directives on hover, in
 * English and Korean (what each one does and why the bundle sets it).
 */
import type { KindConfigFile } from '../configFiles';
import { nginxConfiguration, nginxGrammar } from './configGrammar';
import { directivesKo } from './configFile.ko';

export const configFile: KindConfigFile = {
  program: 'nginx',
  matches: (baseName) => baseName === 'nginx.conf' || /\.nginx$|nginx.*\.conf$/.test(baseName),
  syntax: 'statements',
  grammar: { id: 'nginx', tokens: nginxGrammar, configuration: nginxConfiguration },
  directives: {
    en: {
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
    },
    ko: directivesKo,
  },
};
