import type { BalanceMethod } from '../../model/design';
import { HSTS_MAX_AGE, STAPLING_DIRECTIVES, TLS_DIRECTIVES } from './tlsSettings';
import type { WebRun, PlannedLocation, PlannedNginxServer, PlannedTls } from '../planTypes';
import { ACME_WEBROOT } from '../plan/tls';
import { upstreamEndpoints } from '../plan/copies';
import {
  block,
  comment,
  directive,
  formatArg,
  formatNginx,
  fragment,
  lit,
  user,
  type NginxNode,
} from '../serializers/nginx';
import type { Lang } from '../../i18n/lang';
import { NGINX_COMMENTS, type NginxComments } from './nginxComments';

/** The nginx health endpoint the container's HEALTHCHECK calls (an exact match wins over every route). */
export const NGINX_HEALTH_PATH = '/nginx-health';

const SECURITY_HEADERS: [string, string][] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=()'],
  [
    'Content-Security-Policy',
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'self'",
  ],
];

const GZIP_TYPES = [
  'text/plain',
  'text/css',
  'application/json',
  'application/javascript',
  'text/javascript',
  'application/xml',
  'image/svg+xml',
];

/**
 * Whether nginx runs where Docker's embedded DNS server (127.0.0.11) answers: only under Compose. OCSP
 * stapling needs a resolver for the CA's responder, so elsewhere (a host, a Pod) nginx does not staple.
 */
export interface NginxSurroundings {
  dockerDns: boolean;
}

/** One upstream block per upstream the run's locations proxy to, sorted by name. */
function upstreamBlocks(run: WebRun, parts: NginxParts): NginxNode[] {
  const upstreams = new Map<string, NginxNode>();
  for (const server of run.servers)
    for (const location of server.locations)
      if (location.kind === 'proxy' && !upstreams.has(location.upstream))
        upstreams.set(location.upstream, upstreamBlock(location, parts));
  return [...upstreams.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, node]) => node);
}

/** The whole nginx.conf of one nginx container (not a snippet); `user`: the one its workers run as. */
export function renderNginxConf(
  run: WebRun,
  user: string,
  lang: Lang,
  surroundings: NginxSurroundings = { dockerDns: true },
): string {
  const parts = NGINX_PARTS[lang];
  const http: NginxNode[] = [
    parts.HTTP_SETTINGS,
    ...upstreamBlocks(run, parts),
    ...run.servers.flatMap((server) => serverBlocks(server, parts, surroundings)),
  ];

  const { comments } = parts;
  return formatNginx([
    comment(comments.generated),
    comment(comments.workersUser(user)),
    parts.MAIN_SETTINGS,
    block('http', [], http),
  ]);
}

/**
 * A site file for a host's sites-available/: the upstreams and server blocks alone, which the stock
 * nginx.conf includes inside its http block. Formatted inside an http block, then lifted out of it.
 */
export function renderNginxSite(run: WebRun, heading: readonly string[], lang: Lang): string {
  const parts = NGINX_PARTS[lang];
  const http: NginxNode[] = [
    ...heading.map(comment),
    ...upstreamBlocks(run, parts),
    ...run.servers.flatMap((server) => serverBlocks(server, parts, { dockerDns: false })),
  ];
  const lines = formatNginx([block('http', [], http)])
    .trimEnd()
    .split('\n');
  const inner = lines.slice(1, -1).map((line) => (line.startsWith('    ') ? line.slice(4) : line));
  return `${inner.join('\n')}\n`;
}

/** The ACME location; the webroot is generator text (a fixed path, or one made of the host-safe site name). */
const acmeLocation = (c: NginxComments, webroot: string): NginxNode =>
  fragment(
    2,
    comment(c.acme),
    block(
      'location',
      [lit('^~'), lit('/.well-known/acme-challenge/')],
      [
        directive('root', lit(webroot)),
        directive('default_type', lit('text/plain')),
        directive('try_files', lit('$uri'), lit('=404')),
      ],
    ),
  );

/** The parts of every nginx.conf and server block, with their comments in one language. */
function serverParts(c: NginxComments) {
  const MAIN_SETTINGS = fragment(
    0,
    directive('worker_processes', lit('auto')),
    directive('pid', lit('/var/run/nginx.pid')),
    directive('error_log', lit('/var/log/nginx/error.log'), lit('warn')),
    block('events', [], [directive('worker_connections', lit('1024'))]),
  );

  const HTTP_SETTINGS = fragment(
    1,
    directive('include', lit('/etc/nginx/mime.types')),
    directive('default_type', lit('application/octet-stream')),
    comment(c.serverTokens),
    directive('server_tokens', lit('off')),
    directive('sendfile', lit('on')),
    directive('tcp_nopush', lit('on')),
    directive('keepalive_timeout', lit('65')),
    directive(
      'log_format',
      lit('main'),
      lit(
        '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"',
      ),
    ),
    directive('access_log', lit('/var/log/nginx/access.log'), lit('main')),
    comment(c.upstreams),
  );

  // HTTP upstreams keep idle connections open (proxy_http_version 1.1 and an empty Connection header in
  // the location); the uwsgi protocol closes each connection itself.
  const UPSTREAM_KEEPALIVE = fragment(2, directive('keepalive', lit('16')));

  const BODY_SIZE_COMMENT = fragment(2, comment(c.bodySize));

  const SECURITY_HEADER_LINES = fragment(
    2,
    comment(c.securityHeaders),
    ...SECURITY_HEADERS.map(([name, value]) => directive('add_header', lit(name), lit(value), lit('always'))),
  );
  return { MAIN_SETTINGS, HTTP_SETTINGS, UPSTREAM_KEEPALIVE, BODY_SIZE_COMMENT, SECURITY_HEADER_LINES };
}

const tlsDirective = (name: keyof typeof TLS_DIRECTIVES) =>
  directive(name, ...TLS_DIRECTIVES[name].map((arg) => lit(arg)));
const staplingDirective = (name: keyof typeof STAPLING_DIRECTIVES) =>
  directive(name, ...STAPLING_DIRECTIVES[name].map((arg) => lit(arg)));

/** The parts of an HTTPS server block, with their comments in one language. */
function httpsParts(c: NginxComments) {
  const HTTPS_LISTEN_COMMENT = fragment(2, comment(c.httpsListen));

  const TLS_SETTINGS = fragment(
    2,
    comment(c.tlsProtocols),
    tlsDirective('ssl_protocols'),
    tlsDirective('ssl_ciphers'),
    tlsDirective('ssl_ecdh_curve'),
    ...c.serverCiphers.map(comment),
    tlsDirective('ssl_prefer_server_ciphers'),
    tlsDirective('ssl_conf_command'),
    ...c.sessions.map(comment),
    tlsDirective('ssl_session_cache'),
    tlsDirective('ssl_session_timeout'),
    tlsDirective('ssl_session_tickets'),
  );

  const STAPLING = fragment(
    2,
    comment(c.stapling),
    staplingDirective('ssl_stapling'),
    staplingDirective('ssl_stapling_verify'),
    comment(c.resolver),
    staplingDirective('resolver'),
    staplingDirective('resolver_timeout'),
  );

  const HSTS = fragment(
    2,
    comment(c.hsts),
    directive('add_header', lit('Strict-Transport-Security'), lit(HSTS_MAX_AGE), lit('always')),
  );

  const ACME_LOCATION = acmeLocation(c, ACME_WEBROOT);
  return { HTTPS_LISTEN_COMMENT, TLS_SETTINGS, STAPLING, HSTS, ACME_LOCATION };
}

/** The parts of the locations, with their comments in one language. */
function locationParts(c: NginxComments) {
  const GZIP_ON = fragment(
    2,
    comment(c.gzip),
    directive('gzip', lit('on')),
    directive('gzip_vary', lit('on')),
    directive('gzip_proxied', lit('any')),
    directive('gzip_min_length', lit('1024')),
    directive('gzip_types', ...GZIP_TYPES.map(lit)),
  );
  const GZIP_OFF = fragment(2, directive('gzip', lit('off')));

  const HEALTH_LOCATION = fragment(
    2,
    comment(c.health),
    block(
      'location',
      [lit('='), lit(NGINX_HEALTH_PATH)],
      [
        directive('access_log', lit('off')),
        directive('default_type', lit('text/plain')),
        directive('return', lit('200'), lit('ok')),
      ],
    ),
  );

  const UWSGI_HEAD = fragment(3, comment(c.uwsgiPass), directive('include', lit('/etc/nginx/uwsgi_params')));
  const UWSGI_TAIL = fragment(
    3,
    directive('uwsgi_read_timeout', lit('60s')),
    comment(c.uwsgiRetry),
    directive('uwsgi_next_upstream', lit('error'), lit('timeout'), lit('http_503')),
    directive('uwsgi_next_upstream_tries', lit('3')),
    directive('uwsgi_param', lit('HTTP_X_FORWARDED_PROTO'), lit('$scheme')),
  );

  const PROXY_COMMENT_DEV = fragment(3, comment(c.proxyDev));
  const PROXY_COMMENT = fragment(3, comment(c.proxyPass));
  const PROXY_SETTINGS = fragment(
    3,
    directive('proxy_http_version', lit('1.1')),
    directive('proxy_set_header', lit('Connection'), lit('')),
    directive('proxy_set_header', lit('Host'), lit('$host')),
    directive('proxy_set_header', lit('X-Real-IP'), lit('$remote_addr')),
    directive('proxy_set_header', lit('X-Forwarded-For'), lit('$proxy_add_x_forwarded_for')),
    directive('proxy_set_header', lit('X-Forwarded-Proto'), lit('$scheme')),
    directive('proxy_set_header', lit('X-Forwarded-Host'), lit('$host')),
    directive('proxy_read_timeout', lit('60s')),
    directive('proxy_redirect', lit('off')),
    ...c.proxyRetry.map(comment),
    directive('proxy_next_upstream', lit('error'), lit('timeout'), lit('http_502'), lit('http_503')),
    directive('proxy_next_upstream_tries', lit('3')),
  );
  return {
    GZIP_ON,
    GZIP_OFF,
    HEALTH_LOCATION,
    UWSGI_HEAD,
    UWSGI_TAIL,
    PROXY_COMMENT_DEV,
    PROXY_COMMENT,
    PROXY_SETTINGS,
  };
}

/** The parts of upstreams and static files, with their comments in one language. */
function upstreamParts(c: NginxComments) {
  // A copy that fails this often within fail_timeout is skipped for fail_timeout.
  const SERVER_HEALTH = [lit('max_fails=3'), lit('fail_timeout=10s')];

  const BALANCE_DIRECTIVES: Record<BalanceMethod, NginxNode | null> = {
    'round-robin': null,
    'least-conn': fragment(2, comment(c.leastConn), directive('least_conn')),
    'ip-hash': fragment(2, comment(c.ipHash), directive('ip_hash')),
  };

  const COPIES_COMMENT = fragment(2, comment(c.copies));
  const ONE_SERVER_COMMENT = fragment(2, ...c.oneServer.map(comment));
  // A lone server is listed twice so nginx has a second try for the GET a stopping worker dropped.
  const ONE_SERVER_HEALTH = [lit('max_fails=0')];

  const FILES_SETTINGS = fragment(
    3,
    // No add_header here: one in a location drops every add_header of the server (the security headers).
    comment(c.filesCache),
    directive('expires', lit('30d')),
    directive('access_log', lit('off')),
  );
  return {
    SERVER_HEALTH,
    ONE_SERVER_COMMENT,
    ONE_SERVER_HEALTH,
    BALANCE_DIRECTIVES,
    COPIES_COMMENT,
    FILES_SETTINGS,
  };
}

/** The parts every nginx.conf shares, with their comments in one language. */
function nginxParts(c: NginxComments) {
  return { comments: c, ...serverParts(c), ...httpsParts(c), ...locationParts(c), ...upstreamParts(c) };
}
type NginxParts = ReturnType<typeof nginxParts>;

// Formatted once per language (a 200-container design writes them 200 times).
const NGINX_PARTS: Readonly<Record<Lang, NginxParts>> = {
  en: nginxParts(NGINX_COMMENTS.en),
  ko: nginxParts(NGINX_COMMENTS.ko),
};

function upstreamBlock(location: Extract<PlannedLocation, { kind: 'proxy' }>, parts: NginxParts): NginxNode {
  const {
    SERVER_HEALTH,
    ONE_SERVER_COMMENT,
    ONE_SERVER_HEALTH,
    BALANCE_DIRECTIVES,
    COPIES_COMMENT,
    UPSTREAM_KEEPALIVE,
  } = parts;
  const address = location.address;
  const servers =
    address.kind === 'unix'
      ? [`unix:${pathValue(address.path)}`]
      : upstreamEndpoints(address).map(({ host, port }) => `${hostValue(host)}:${portValue(port)}`);
  const children: NginxNode[] = [];
  if (servers.length === 1) {
    const server = directive('server', lit(servers[0]!), ...ONE_SERVER_HEALTH);
    children.push(ONE_SERVER_COMMENT, server, server);
  } else {
    const method = BALANCE_DIRECTIVES[location.balance ?? 'round-robin'];
    if (method) children.push(method);
    children.push(COPIES_COMMENT);
    for (const server of servers) children.push(directive('server', lit(server), ...SERVER_HEALTH));
  }
  if (location.pass === 'proxy_pass') children.push(UPSTREAM_KEEPALIVE);
  return block('upstream', [lit(location.upstream)], children);
}

/** User values joined into one argument are checked on their own first (the serializer re-checks). */
function pathValue(path: string): string {
  formatCheck('path', path);
  return path;
}
function hostValue(host: string): string {
  formatCheck('host', host);
  return host;
}
function portValue(port: number): string {
  formatCheck('port', String(port));
  return String(port);
}
function formatCheck(kind: 'path' | 'host' | 'port', value: string): void {
  // Throws with the value named when it fails its field validator.
  formatArg(user(kind, value));
}

function serverBlock(server: PlannedNginxServer, parts: NginxParts): NginxNode {
  return block(
    'server',
    [],
    [directive('listen', user('port', server.listen)), serverNames(server), ...siteDirectives(server, parts)],
  );
}

function serverNames(server: PlannedNginxServer): NginxNode {
  return directive('server_name', ...server.serverName.split(' ').map((name) => user('serverName', name)));
}

/** What a server that serves the site says after its listen and server_name: limits, headers, locations. */
function siteDirectives(
  server: PlannedNginxServer,
  parts: NginxParts,
  extra: readonly NginxNode[] = [],
): NginxNode[] {
  const { BODY_SIZE_COMMENT, SECURITY_HEADER_LINES, GZIP_ON, GZIP_OFF, HEALTH_LOCATION } = parts;
  const children: NginxNode[] = [
    BODY_SIZE_COMMENT,
    directive('client_max_body_size', user('size', server.clientMaxBodySize)),
    SECURITY_HEADER_LINES,
    ...extra,
    server.gzip ? GZIP_ON : GZIP_OFF,
    HEALTH_LOCATION,
  ];
  for (const location of server.locations) children.push(locationBlock(location, parts));
  return children;
}

/** A server block, or with HTTPS the plain HTTP server (redirecting, or serving) and the HTTPS one. */
function serverBlocks(
  server: PlannedNginxServer,
  parts: NginxParts,
  surroundings: NginxSurroundings,
): NginxNode[] {
  const { SECURITY_HEADER_LINES, HEALTH_LOCATION, ACME_LOCATION, HTTPS_LISTEN_COMMENT, TLS_SETTINGS } = parts;
  const tls = server.tls;
  if (!tls) return [serverBlock(server, parts)];
  const acme =
    tls.mode === 'letsencrypt'
      ? [tls.acmeWebroot ? acmeLocation(parts.comments, tls.acmeWebroot) : ACME_LOCATION]
      : [];
  const http = tls.redirectHttp
    ? block(
        'server',
        [],
        [
          directive('listen', user('port', server.listen)),
          serverNames(server),
          SECURITY_HEADER_LINES,
          HEALTH_LOCATION,
          ...acme,
          redirectLocation(tls.port, parts),
        ],
      )
    : block(
        'server',
        [],
        [
          directive('listen', user('port', server.listen)),
          serverNames(server),
          ...siteDirectives(server, parts, acme),
        ],
      );
  const https = block(
    'server',
    [],
    [
      HTTPS_LISTEN_COMMENT,
      directive('listen', user('port', tls.port), lit('ssl'), lit('http2')),
      serverNames(server),
      directive('ssl_certificate', user('path', tls.certificate)),
      directive('ssl_certificate_key', user('path', tls.key)),
      TLS_SETTINGS,
      ...(tls.stapling && surroundings.dockerDns ? [parts.STAPLING] : []),
      ...siteDirectives(server, parts, tls.hsts ? [parts.HSTS] : []),
    ],
  );
  return [http, https];
}

/** Plain HTTP answers 301 to the same path on https (the exact-match health and ACME paths win). */
function redirectLocation(port: PlannedTls['port'], parts: NginxParts): NginxNode {
  const target = port === 443 ? 'https://$host$request_uri' : `https://$host:${portValue(port)}$request_uri`;
  return block(
    'location',
    [lit('/')],
    [comment(parts.comments.redirect), directive('return', lit('301'), lit(target))],
  );
}

/** An app's static files from their shared folder: route and alias both end in "/" (no alias traversal). */
function filesLocation(location: Extract<PlannedLocation, { kind: 'files' }>, parts: NginxParts): NginxNode {
  return block(
    'location',
    [user('route', location.route)],
    [
      comment(parts.comments.collectedFiles),
      directive('alias', lit(`${pathValue(location.alias.replace(/\/$/, ''))}/`)),
      parts.FILES_SETTINGS,
    ],
  );
}

function locationBlock(location: PlannedLocation, parts: NginxParts): NginxNode {
  if (location.kind === 'static') {
    const fallback = location.spaFallback ? `${location.base}index.html` : '=404';
    return block(
      'location',
      [user('route', location.route)],
      [
        comment(location.spaFallback ? parts.comments.spaFallback : parts.comments.plainFiles),
        directive('root', lit(location.root)),
        directive('index', lit('index.html')),
        directive(
          'try_files',
          lit('$uri'),
          lit('$uri/'),
          location.spaFallback ? user('route', fallback) : lit(fallback),
        ),
      ],
    );
  }
  if (location.kind === 'files') return filesLocation(location, parts);
  if (location.pass === 'uwsgi_pass') {
    return block(
      'location',
      [user('route', location.route)],
      [parts.UWSGI_HEAD, directive('uwsgi_pass', lit(location.upstream)), parts.UWSGI_TAIL],
    );
  }
  return block(
    'location',
    [user('route', location.route)],
    [
      location.role === 'dev-server' ? parts.PROXY_COMMENT_DEV : parts.PROXY_COMMENT,
      directive('proxy_pass', lit(`http://${location.upstream}`)),
      parts.PROXY_SETTINGS,
    ],
  );
}
