/**
 * nginx configs: a tokenizer and parser for nginx syntax (quotes, escapes, comments, blocks,
 * includes among the given files), then the parts a design models: servers, listens, server names,
 * upstreams and locations. Every other directive goes to the report with its file and line.
 */
import {
  ImportError,
  MAX_CONFIG_DEPTH,
  checkSize,
  dirOf,
  joinPath,
  type ReportEntry,
  type SourceFile,
} from './types';

export interface NginxDirective {
  name: string;
  args: string[];
  file: string;
  line: number;
  /** The block's directives; undefined for a simple directive ending in `;`. */
  block?: NginxDirective[];
}

interface Token {
  text: string;
  line: number;
  /** True for `;`, `{` and `}` outside quotes. */
  punct: boolean;
}

/** nginx drops a backslash before a quote, a backslash, t, r or n (a regex's `\.` keeps it). */
function unescape(next: string): string {
  const known: Record<string, string> = { '"': '"', "'": "'", '\\': '\\', t: '\t', r: '\r', n: '\n' };
  return known[next] ?? `\\${next}`;
}

/** Split nginx text into words and punctuation; quotes and backslash escapes as nginx reads them. */
export function tokenizeNginx(file: string, text: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i]!;
    if (ch === '\n') {
      line++;
      i++;
    } else if (ch === ' ' || ch === '\t' || ch === '\r') i++;
    else if (ch === '#') {
      while (i < n && text[i] !== '\n') i++;
    } else if (ch === ';' || ch === '{' || ch === '}') {
      tokens.push({ text: ch, line, punct: true });
      i++;
    } else if (ch === '"' || ch === "'") {
      const start = line;
      let value = '';
      i++;
      while (i < n && text[i] !== ch) {
        if (text[i] === '\\' && i + 1 < n) {
          const next = text[i + 1]!;
          value += unescape(next);
          if (next === '\n') line++;
          i += 2;
          continue;
        }
        if (text[i] === '\n') line++;
        value += text[i];
        i++;
      }
      if (i >= n)
        throw new ImportError(file, start, `unterminated ${ch === '"' ? 'double' : 'single'} quote`);
      i++;
      tokens.push({ text: value, line: start, punct: false });
    } else {
      let value = '';
      while (i < n) {
        const c = text[i]!;
        if (c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === ';' || c === '{' || c === '}') break;
        if (c === '\\' && i + 1 < n) {
          value += unescape(text[i + 1]!);
          i += 2;
          continue;
        }
        if (c === '$' && text[i + 1] === '{') {
          // ${variable} inside a word: its braces are not blocks.
          const close = text.indexOf('}', i);
          if (close < 0) throw new ImportError(file, line, 'unterminated ${ in a value');
          value += text.slice(i, close + 1);
          i = close + 1;
          continue;
        }
        value += c;
        i++;
      }
      tokens.push({ text: value, line, punct: false });
    }
  }
  return tokens;
}

/** Parse one file into directives (includes not yet followed). */
export function parseNginx(file: string, text: string): NginxDirective[] {
  const tokens = tokenizeNginx(file, text);
  let pos = 0;
  const parseBlock = (depth: number, openLine: number | null): NginxDirective[] => {
    if (depth > MAX_CONFIG_DEPTH)
      throw new ImportError(file, openLine ?? 0, `blocks nest deeper than ${MAX_CONFIG_DEPTH} levels`);
    const list: NginxDirective[] = [];
    while (pos < tokens.length) {
      const token = tokens[pos]!;
      if (token.punct && token.text === '}') {
        if (openLine === null) throw new ImportError(file, token.line, 'unexpected "}"');
        pos++;
        return list;
      }
      if (token.punct) throw new ImportError(file, token.line, `unexpected "${token.text}"`);
      const directive: NginxDirective = { name: token.text, args: [], file, line: token.line };
      pos++;
      for (;;) {
        const next = tokens[pos];
        if (!next) throw new ImportError(file, token.line, `"${token.text}" has no ending ";" or "{"`);
        pos++;
        if (!next.punct) directive.args.push(next.text);
        else if (next.text === ';') break;
        else if (next.text === '{') {
          directive.block = parseBlock(depth + 1, next.line);
          break;
        } else
          throw new ImportError(
            file,
            token.line,
            `"${token.text}" has no ending ";" before the "}" on line ${next.line}`,
          );
      }
      list.push(directive);
    }
    if (openLine !== null) throw new ImportError(file, openLine, 'a block opened here is never closed');
    return list;
  };
  return parseBlock(0, null);
}

/** Files nginx ships with (not expected among the user's files); uwsgi_params is what uwsgi_pass needs. */
const STOCK_INCLUDES =
  /(^|\/)(uwsgi_params|proxy_params|fastcgi_params|fastcgi\.conf|scgi_params|mime\.types|snippets\/[^/]+)$/;

/** certbot's TLS settings, which `certbot --nginx` includes in the HTTPS servers it manages. */
export const CERTBOT_TLS_OPTIONS = /(^|\/)letsencrypt\/options-ssl-nginx\.conf$/;

function globToRegExp(pattern: string): RegExp {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]');
  return new RegExp(`(^|/)${escaped}$`);
}

/**
 * Follow `include` among the given files: relative to the including file, or by the tail of an
 * absolute path (`/etc/nginx/conf.d/*.conf` matches a given `conf.d/site.conf`). Cycles and `../`
 * paths out of the given files are refused. Returns the expanded tree and the files it pulled in.
 */
export function expandIncludes(
  root: SourceFile,
  files: ReadonlyMap<string, string>,
  report: ReportEntry[],
): { directives: NginxDirective[]; included: Set<string> } {
  const included = new Set<string>();
  const expand = (file: string, text: string, chain: string[], depth: number): NginxDirective[] => {
    const directives = parseNginx(file, text);
    const walk = (list: NginxDirective[], level: number): NginxDirective[] =>
      list.flatMap((directive) => {
        if (directive.block) return [{ ...directive, block: walk(directive.block, level + 1) }];
        if (directive.name !== 'include') return [directive];
        const target = directive.args[0] ?? '';
        if (STOCK_INCLUDES.test(target) || CERTBOT_TLS_OPTIONS.test(target)) return [directive];
        const matches = resolveInclude(file, directive, target, files);
        if (matches.length === 0) {
          report.push({
            file,
            line: directive.line,
            message: `nginx: include "${target}" is not among the given files (left out)`,
          });
          return [];
        }
        return matches.flatMap((path) => {
          if (chain.includes(path))
            throw new ImportError(file, directive.line, `include cycle: ${[...chain, path].join(' → ')}`);
          if (depth + level > MAX_CONFIG_DEPTH)
            throw new ImportError(
              file,
              directive.line,
              `includes nest deeper than ${MAX_CONFIG_DEPTH} levels`,
            );
          included.add(path);
          return expand(path, files.get(path)!, [...chain, path], depth + level + 1);
        });
      });
    return walk(directives, 0);
  };
  checkSize(root);
  return { directives: expand(root.path, root.text, [root.path], 0), included };
}

function resolveInclude(
  file: string,
  directive: NginxDirective,
  target: string,
  files: ReadonlyMap<string, string>,
): string[] {
  const given = [...files.keys()];
  if (!target.startsWith('/')) {
    const joined = joinPath(dirOf(file), target);
    if (joined === null)
      throw new ImportError(
        file,
        directive.line,
        `include "${target}" points outside the given files (refused)`,
      );
    const exact = globToRegExp(joined);
    const local = given.filter((path) =>
      target.includes('*')
        ? exact.test(path) && path.split('/').length === joined.split('/').length
        : path === joined,
    );
    if (local.length > 0) return local.sort();
  }
  if (target.split('/').includes('..'))
    throw new ImportError(file, directive.line, `include "${target}" climbs with ".." (refused)`);
  // An absolute path (or a path relative to nginx's prefix): match the given files by its tail.
  // sites-enabled holds links to sites-available: a given sites-available file stands for its link.
  const found = matchTail(target, given);
  return found.length > 0 || !target.includes('sites-enabled')
    ? found
    : matchTail(target.replace('sites-enabled', 'sites-available'), given);
}

function matchTail(target: string, given: string[]): string[] {
  const segments = target.split('/').filter(Boolean);
  // A glob's folder must match too: `conf.d/*.conf` never stands for every .conf file given.
  const fewest = segments[segments.length - 1]?.includes('*') ? Math.min(2, segments.length) : 1;
  for (let keep = Math.min(segments.length, 3); keep >= fewest; keep--) {
    const pattern = globToRegExp(segments.slice(-keep).join('/'));
    const found = given.filter((path) => pattern.test(path));
    if (found.length > 0) return found.sort();
  }
  return [];
}

export interface NginxListen {
  port: number | null;
  host: string | null;
  unix: string | null;
  ssl: boolean;
  line: number;
}

export interface NginxPass {
  directive: 'proxy_pass' | 'uwsgi_pass';
  /** The address as written: `http://app:8000`, `unix:/run/x.sock`, an upstream name. */
  target: string;
  file: string;
  line: number;
}

export interface NginxLocation {
  /** "" (prefix), "=", "~", "~*", "^~", or "@" for a named location. */
  modifier: string;
  path: string;
  file: string;
  line: number;
  pass: NginxPass | null;
  uwsgiParams: boolean;
  root: string | null;
  alias: string | null;
  index: string[];
  tryFiles: string[] | null;
  /** `return 301|308 https://…`: the plain side of an HTTPS server sending everything to HTTPS. */
  redirect: NginxRedirect | null;
}

export interface NginxRedirect {
  code: string;
  target: string;
  file: string;
  line: number;
  /** The directive that holds it (`return`, or certbot's `if ($host = …) { return … }`). */
  directive: NginxDirective;
}

/** What an HTTPS server says about its certificate and TLS, read once the certificate's origin is known. */
export interface NginxTls {
  certificate: NginxDirective | null;
  key: NginxDirective | null;
  /** `ssl_*` settings, `http2`, `resolver`, certbot's options include: the design's own, or reported. */
  settings: NginxDirective[];
  /** `add_header Strict-Transport-Security …`. */
  hsts: NginxDirective | null;
}

export interface NginxServer {
  file: string;
  line: number;
  listens: NginxListen[];
  serverNames: string[];
  root: string | null;
  index: string[];
  clientMaxBodySize: string | null;
  gzip: boolean | null;
  locations: NginxLocation[];
  tls: NginxTls;
  /** Server-level redirects to https (`return 301 https://…`, certbot's `if ($host = …)` per name). */
  redirects: NginxRedirect[];
}

export interface NginxUpstream {
  name: string;
  file: string;
  line: number;
  servers: { address: string; line: number }[];
  /** The balancing method written in the block (`least_conn`, `ip_hash`); absent: round-robin. */
  balance?: 'least-conn' | 'ip-hash';
}

export interface NginxConfig {
  file: string;
  servers: NginxServer[];
  upstreams: NginxUpstream[];
  /** Files pulled in by `include`. */
  included: Set<string>;
}

const note = (report: ReportEntry[], d: NginxDirective, message: string) =>
  report.push({ file: d.file, line: d.line, message: `nginx: ${message}` });

const notModelled = (report: ReportEntry[], d: NginxDirective, where: string) =>
  note(report, d, `"${d.name}"${where ? ` in ${where}` : ''} is not modelled (left out)`);

/** Read one nginx config (main file or site file) with its includes into the modelled parts. */
export function readNginx(
  root: SourceFile,
  files: ReadonlyMap<string, string>,
  report: ReportEntry[],
): NginxConfig {
  const { directives, included } = expandIncludes(root, files, report);
  const config: NginxConfig = { file: root.path, servers: [], upstreams: [], included };
  const inherited = { gzip: null as boolean | null, size: null as string | null };

  const readTop = (list: NginxDirective[], where: string) => {
    for (const d of list) {
      if (d.name === 'http' && d.block) readTop(d.block, 'http');
      else if (d.name === 'server' && d.block) config.servers.push(readServer(d, inherited, report));
      else if (d.name === 'upstream' && d.block) config.upstreams.push(readUpstream(d, report));
      else if (d.name === 'gzip') inherited.gzip = d.args[0] === 'on';
      else if (d.name === 'client_max_body_size') inherited.size = d.args[0] ?? null;
      else if (d.name === 'include')
        note(report, d, `include "${d.args[0]}" (stock nginx file) is not modelled`);
      else notModelled(report, d, where);
    }
  };
  readTop(directives, '');
  return config;
}

function readUpstream(d: NginxDirective, report: ReportEntry[]): NginxUpstream {
  const upstream: NginxUpstream = { name: d.args[0] ?? '', file: d.file, line: d.line, servers: [] };
  for (const child of d.block ?? []) {
    if (child.name === 'server') {
      upstream.servers.push({ address: child.args[0] ?? '', line: child.line });
      if (child.args.length > 1)
        note(report, child, `upstream server options "${child.args.slice(1).join(' ')}" are not modelled`);
    } else if (child.name === 'least_conn') upstream.balance = 'least-conn';
    else if (child.name === 'ip_hash') upstream.balance = 'ip-hash';
    else notModelled(report, child, `upstream ${upstream.name}`);
  }
  return upstream;
}

function readListen(d: NginxDirective): NginxListen {
  const value = d.args[0] ?? '';
  const ssl = d.args.slice(1).includes('ssl');
  if (value.startsWith('unix:')) return { port: null, host: null, unix: value.slice(5), ssl, line: d.line };
  const match = /^(?:(\[[^\]]*\]|[^:]+):)?(\d+)$/.exec(value);
  if (match) return { port: Number(match[2]), host: match[1] ?? null, unix: null, ssl, line: d.line };
  // `listen 127.0.0.1;` or `listen localhost;`: the port is 80.
  return { port: /^\d+$/.test(value) ? Number(value) : 80, host: value, unix: null, ssl, line: d.line };
}

/** Listen flags the design writes (`ssl` and `http2` on its HTTPS port). */
const LISTEN_FLAGS = ['ssl', 'http2', 'default_server'];

/** Keep a server's certificate, TLS settings and HSTS header aside for the resolver; true when taken. */
function readTlsDirective(d: NginxDirective, tls: NginxTls): boolean {
  if (d.block) return false;
  if (d.name === 'ssl_certificate') tls.certificate = d;
  else if (d.name === 'ssl_certificate_key') tls.key = d;
  else if (
    d.name === 'ssl' ||
    d.name.startsWith('ssl_') ||
    d.name === 'http2' ||
    d.name === 'resolver' ||
    d.name === 'resolver_timeout' ||
    (d.name === 'include' && CERTBOT_TLS_OPTIONS.test(d.args[0] ?? ''))
  )
    tls.settings.push(d);
  else if (d.name === 'add_header' && d.args[0]?.toLowerCase() === 'strict-transport-security') tls.hsts = d;
  else return false;
  return true;
}

/**
 * `return 301|308 https://…`, alone or as the only directive of an `if` block (certbot's
 * `if ($host = example.com) { return 301 https://$host$request_uri; }`); null for anything else.
 */
export function httpsRedirect(d: NginxDirective): NginxRedirect | null {
  if (d.name === 'if') {
    const inner = d.block?.length === 1 ? d.block[0]! : null;
    const redirect = inner?.name === 'return' ? httpsRedirect(inner) : null;
    return redirect ? { ...redirect, directive: d } : null;
  }
  const [code = '', target = ''] = d.args;
  if (d.name !== 'return' || d.block || !['301', '308'].includes(code) || !/^https:\/\//.test(target))
    return null;
  return { code, target, file: d.file, line: d.line, directive: d };
}

function readServer(
  d: NginxDirective,
  inherited: { gzip: boolean | null; size: string | null },
  report: ReportEntry[],
): NginxServer {
  const server: NginxServer = {
    file: d.file,
    line: d.line,
    listens: [],
    serverNames: [],
    root: null,
    index: [],
    clientMaxBodySize: inherited.size,
    gzip: inherited.gzip,
    locations: [],
    tls: { certificate: null, key: null, settings: [], hsts: null },
    redirects: [],
  };
  for (const child of d.block ?? []) {
    if (readTlsDirective(child, server.tls)) continue;
    const redirect = child.name === 'return' || child.name === 'if' ? httpsRedirect(child) : null;
    if (redirect) {
      server.redirects.push(redirect);
      continue;
    }
    switch (child.name) {
      case 'listen':
        server.listens.push(readListen(child));
        if (child.args.slice(1).some((arg) => !LISTEN_FLAGS.includes(arg)))
          note(report, child, `listen options "${child.args.slice(1).join(' ')}" are not modelled`);
        break;
      case 'server_name':
        server.serverNames.push(...child.args);
        break;
      case 'root':
        server.root = child.args[0] ?? null;
        break;
      case 'index':
        server.index = child.args;
        break;
      case 'client_max_body_size':
        server.clientMaxBodySize = child.args[0] ?? null;
        break;
      case 'gzip':
        server.gzip = child.args[0] === 'on';
        break;
      case 'location':
        if (child.block) readLocation(child, server, report, 0);
        else notModelled(report, child, 'server');
        break;
      default:
        notModelled(report, child, 'server');
    }
  }
  return server;
}

function readLocation(d: NginxDirective, server: NginxServer, report: ReportEntry[], depth: number): void {
  const [first = '', second] = d.args;
  let modifier = '';
  let path = first;
  if (['=', '~', '~*', '^~'].includes(first) && second !== undefined) {
    modifier = first;
    path = second;
  } else if (first.startsWith('@')) modifier = '@';
  else if (/^(=|~\*|~|\^~)./.test(first)) {
    // `location =/x` without a space
    modifier = /^(=|~\*|~|\^~)/.exec(first)![1]!;
    path = first.slice(modifier.length);
  }
  const location: NginxLocation = {
    modifier,
    path,
    file: d.file,
    line: d.line,
    pass: null,
    uwsgiParams: false,
    root: null,
    alias: null,
    index: [],
    tryFiles: null,
    redirect: null,
  };
  const where = `location ${d.args.join(' ')}`;
  for (const child of d.block ?? []) {
    const redirect = child.name === 'return' ? httpsRedirect(child) : null;
    if (redirect && !location.redirect) {
      location.redirect = redirect;
      continue;
    }
    switch (child.name) {
      case 'proxy_pass':
      case 'uwsgi_pass':
        location.pass = {
          directive: child.name,
          target: child.args[0] ?? '',
          file: child.file,
          line: child.line,
        };
        break;
      case 'include':
        if (/(^|\/)uwsgi_params$/.test(child.args[0] ?? '')) location.uwsgiParams = true;
        else notModelled(report, child, where);
        break;
      case 'root':
        location.root = child.args[0] ?? null;
        break;
      case 'alias':
        location.alias = child.args[0] ?? null;
        break;
      case 'index':
        location.index = child.args;
        break;
      case 'try_files':
        location.tryFiles = child.args;
        break;
      case 'location':
        if (child.block && depth < MAX_CONFIG_DEPTH) {
          note(report, child, `location nested in "${where}" is read as a location of its server`);
          readLocation(child, server, report, depth + 1);
        } else notModelled(report, child, where);
        break;
      default:
        notModelled(report, child, where);
    }
  }
  server.locations.push(location);
}
