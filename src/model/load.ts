import {
  KINDS,
  isApp,
  isClient,
  isNodeKind,
  isProxy,
  isWsgiServer,
  type NodeKind,
  type PropSpec,
  type PropValue,
} from '../nodes/registry';
import { passFor } from './connections';
import { printableText } from './fields';
import { defaultContainers } from './defaultContainers';
import { READABLE_FORMATS, migrateToCurrent, newerFormatProblem } from './migrations';
import {
  BALANCE_METHODS,
  FORMAT,
  MAX_CONTAINERS,
  MAX_EDGES,
  MAX_FILE_BYTES,
  MAX_JSON_DEPTH,
  MAX_NODES,
  type BalanceMethod,
  type ContainerSettings,
  type Design,
  type DesignEdge,
  type DesignNode,
  type EdgeProps,
  type Position,
} from './design';

export interface LoadError {
  /** Where the problem is, like `nodes[2].props.workers` (empty for the whole file). */
  path: string;
  message: string;
}

export type LoadResult = { ok: true; design: Design } | { ok: false; errors: LoadError[] };

const TOP_KEYS = new Set(['$schema', 'format', 'name', 'containers', 'nodes', 'edges']);
const CONTAINER_KEYS = new Set(['replicas']);
const NODE_KEYS = new Set(['id', 'kind', 'container', 'position', 'props']);
const EDGE_KEYS = new Set(['id', 'source', 'target', 'props']);
const MAX_ID_LENGTH = 100;

/** Byte length of a string as UTF-8, without allocating an encoder. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The deepest array/object nesting in a JSON text, counted without parsing it. */
export function jsonDepth(text: string, stopAt = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92 /* \ */) i++;
      else if (ch === 34 /* " */) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 123 || ch === 91) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > stopAt) return deepest;
      }
    } else if (ch === 125 || ch === 93) depth--;
  }
  return deepest;
}

/** Parse a design file: either a design with defaults applied, or errors that name the field. */
export function parseDesign(text: string): LoadResult {
  if (typeof text !== 'string') return fail('', 'the file is not text');
  const bytes = utf8Length(text);
  if (bytes > MAX_FILE_BYTES) {
    return fail('', `the file is ${(bytes / 1024 / 1024).toFixed(1)} MB; designs are limited to 5 MB`);
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (jsonDepth(body, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    return fail('', `the JSON nests deeper than ${MAX_JSON_DEPTH} levels; a design never does`);
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail('', `the file is not valid JSON (${detail})`);
  }
  return loadDesign(value);
}

/**
 * Load an already-parsed value: parse → migrate → check. A file of an older format is first migrated to
 * the current one (migrations.ts), then checked against it with defaults applied.
 */
export function loadDesign(value: unknown): LoadResult {
  if (!isPlainObject(value)) return fail('', `a design is a JSON object, not ${describe(value)}`);
  const format = value.format;
  if (format === undefined) return fail('format', `missing: a design starts with "format": "${FORMAT}"`);
  if (typeof format !== 'string' || !READABLE_FORMATS.includes(format))
    return fail('format', newerFormatProblem(format) ?? `expected "${FORMAT}", found ${describe(format)}`);
  // Counted before migrating: a migration looks at every node, so the limits come first.
  const { nodes, edges } = value;
  if (Array.isArray(nodes) && nodes.length > MAX_NODES)
    return fail('nodes', `${nodes.length} nodes; a design is limited to ${MAX_NODES}`);
  if (Array.isArray(edges) && edges.length > MAX_EDGES)
    return fail('edges', `${edges.length} edges; a design is limited to ${MAX_EDGES}`);
  const migrated = migrateToCurrent(value);
  if (!migrated.ok) return fail(migrated.path, migrated.message);
  return checkDesign(migrated.file);
}

/** Check a value of the current format and apply defaults. */
function checkDesign(value: Record<string, unknown>): LoadResult {
  const errors: LoadError[] = [];
  const err = (path: string, message: string) => {
    if (errors.length < 50) errors.push({ path, message });
  };

  for (const key of Object.keys(value)) {
    if (!TOP_KEYS.has(key))
      err(key, `unknown field (a design has format, name, containers, nodes and edges)`);
  }
  if (value.$schema !== undefined && typeof value.$schema !== 'string')
    err('$schema', `expected a string, found ${describe(value.$schema)}`);

  let name = 'untitled';
  if (value.name !== undefined) {
    if (typeof value.name !== 'string') err('name', `expected a string, found ${describe(value.name)}`);
    else name = value.name;
  }

  const listedContainers = checkContainers(value.containers, err);
  if (listedContainers === null) return { ok: false, errors };

  const rawNodes = value.nodes;
  const rawEdges = value.edges ?? [];
  if (!Array.isArray(rawNodes)) {
    err(
      'nodes',
      rawNodes === undefined
        ? 'missing: a design has a "nodes" array'
        : `expected an array, found ${describe(rawNodes)}`,
    );
  }
  if (!Array.isArray(rawEdges)) err('edges', `expected an array, found ${describe(rawEdges)}`);
  if (!Array.isArray(rawNodes) || !Array.isArray(rawEdges)) return { ok: false, errors };

  const nodes: DesignNode[] = [];
  const explicitContainer = new Set<string>();
  const seenIds = new Map<string, string>();
  rawNodes.forEach((raw, index) => {
    const at = `nodes[${index}]`;
    if (!isPlainObject(raw)) return err(at, `expected a node object, found ${describe(raw)}`);
    for (const key of Object.keys(raw)) {
      if (!NODE_KEYS.has(key))
        err(`${at}.${key}`, 'unknown field (a node has id, kind, container, position and props)');
    }
    const id = checkId(raw.id, `${at}.id`, err);
    if (id !== null) {
      const previous = seenIds.get(id);
      if (previous) err(`${at}.id`, `duplicate id "${id}" (also ${previous})`);
      else seenIds.set(id, at);
    }
    const kind = raw.kind;
    if (!isNodeKind(kind)) {
      err(
        `${at}.kind`,
        kind === undefined
          ? `missing (one of ${Object.keys(KINDS).join(', ')})`
          : `unknown kind ${typeof kind === 'string' ? `"${truncate(kind)}"` : describe(kind)} (one of ${Object.keys(KINDS).join(', ')})`,
      );
      return;
    }
    let container: string | undefined;
    if (raw.container !== undefined) {
      if (typeof raw.container !== 'string')
        err(`${at}.container`, `expected a string, found ${describe(raw.container)}`);
      else if (isClient({ kind }))
        err(`${at}.container`, 'a client is outside the deployment and has no container');
      else container = raw.container;
    }
    let position: Position | undefined;
    if (raw.position !== undefined) position = checkPosition(raw.position, `${at}.position`, err);
    const props = checkProps(kind, raw.props, `${at}.props`, err);
    if (id === null || props === null) return;
    if (container !== undefined) explicitContainer.add(id);
    const node = { id, kind, props } as unknown as DesignNode;
    if (container !== undefined) node.container = container;
    if (position !== undefined) node.position = position;
    nodes.push(node);
  });

  const byId = new Map(nodes.map((node) => [node.id, node]));
  const edges: DesignEdge[] = [];
  const edgeIds = new Set<string>();
  const pairs = new Map<string, string>();
  rawEdges.forEach((raw, index) => {
    const at = `edges[${index}]`;
    if (!isPlainObject(raw)) return err(at, `expected an edge object, found ${describe(raw)}`);
    for (const key of Object.keys(raw)) {
      if (!EDGE_KEYS.has(key))
        err(`${at}.${key}`, 'unknown field (an edge has id, source, target and props)');
    }
    let id: string | null = null;
    if (raw.id === undefined) {
      let n = index + 1;
      while (edgeIds.has(`e${n}`) || rawEdges.some((e) => isPlainObject(e) && e.id === `e${n}`)) n++;
      id = `e${n}`;
    } else id = checkId(raw.id, `${at}.id`, err);
    if (id !== null) {
      if (edgeIds.has(id) || seenIds.has(id)) err(`${at}.id`, `duplicate id "${id}"`);
      edgeIds.add(id);
    }
    const source = endpoint(raw.source, `${at}.source`);
    const target = endpoint(raw.target, `${at}.target`);
    if (id === null || !source || !target) return;
    const pairKey = `${source.id}\u0000${target.id}`;
    const twin = pairs.get(pairKey);
    if (twin) err(at, `connects ${source.id} → ${target.id} again (already ${twin})`);
    pairs.set(pairKey, at);
    const props = checkEdgeProps(raw.props, source, target, `${at}.props`, err);
    if (props === null) return;
    edges.push({ id, source: source.id, target: target.id, props });
  });

  function endpoint(raw: unknown, path: string): DesignNode | null {
    if (typeof raw !== 'string') {
      err(
        path,
        raw === undefined ? 'missing: the id of a node' : `expected a node id, found ${describe(raw)}`,
      );
      return null;
    }
    const node = byId.get(raw);
    if (!node) {
      if (!seenIds.has(raw)) err(path, `no node has the id "${truncate(raw)}"`);
      return null;
    }
    return node;
  }

  if (errors.length > 0) return { ok: false, errors };
  for (const [id, container] of defaultContainers(nodes, edges)) byId.get(id)!.container = container;
  // Every container gets an entry: the file's own (with their settings, empty frames too), then those
  // only nodes name, with the defaults.
  const containers: Record<string, ContainerSettings> = Object.fromEntries(listedContainers);
  const named = nodes.flatMap((node) =>
    node.container === undefined || listedContainers.has(node.container) ? [] : [node.container],
  );
  const added = Object.fromEntries(named.map((name): [string, ContainerSettings] => [name, { replicas: 1 }]));
  return {
    ok: true,
    design: { format: FORMAT, name, containers: { ...containers, ...added }, nodes, edges },
  };
}

/**
 * The file's `containers`: a map of name → { replicas }. A missing or non-number `replicas` is refused
 * here; a number outside 1–32 or not whole loads, and the `invalid-replicas` rule reports it. Names are
 * checked by the `invalid-container-name` rule, like the nodes' containers.
 */
function checkContainers(
  raw: unknown,
  err: (path: string, message: string) => void,
): Map<string, ContainerSettings> | null {
  const containers = new Map<string, ContainerSettings>();
  if (raw === undefined) return containers;
  if (!isPlainObject(raw)) {
    err('containers', `expected an object of containers by name, found ${describe(raw)}`);
    return null;
  }
  const entries = Object.entries(raw);
  if (entries.length > MAX_CONTAINERS) {
    err('containers', `${entries.length} containers; a design is limited to ${MAX_CONTAINERS}`);
    return null;
  }
  let ok = true;
  for (const [name, settings] of entries) {
    const at = `containers.${truncate(name)}`;
    if (!isPlainObject(settings)) {
      ok = false;
      err(at, `expected an object like {"replicas": 2}, found ${describe(settings)}`);
      continue;
    }
    for (const key of Object.keys(settings)) {
      if (!CONTAINER_KEYS.has(key)) {
        ok = false;
        err(`${at}.${truncate(key)}`, 'unknown field (a container has replicas)');
      }
    }
    const replicas = settings.replicas === undefined ? 1 : settings.replicas;
    if (typeof replicas !== 'number' || !Number.isFinite(replicas)) {
      ok = false;
      err(`${at}.replicas`, `expected a number of copies (1 to 32), found ${describe(replicas)}`);
      continue;
    }
    containers.set(name, { replicas });
  }
  return ok ? containers : null;
}

function checkId(raw: unknown, path: string, err: (path: string, message: string) => void): string | null {
  if (typeof raw !== 'string') {
    err(
      path,
      raw === undefined
        ? 'missing: every node and edge has a string id'
        : `expected a string id, found ${describe(raw)}`,
    );
    return null;
  }
  if (raw.length === 0 || raw.length > MAX_ID_LENGTH) {
    err(path, `an id has 1 to ${MAX_ID_LENGTH} characters`);
    return null;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(raw)) {
    err(path, 'an id must not contain control characters or line breaks');
    return null;
  }
  return raw;
}

function checkPosition(
  raw: unknown,
  path: string,
  err: (path: string, message: string) => void,
): Position | undefined {
  if (!isPlainObject(raw)) {
    err(path, `expected {"x": number, "y": number}, found ${describe(raw)}`);
    return undefined;
  }
  for (const key of Object.keys(raw))
    if (key !== 'x' && key !== 'y') err(`${path}.${key}`, 'unknown field (a position has x and y)');
  const { x, y } = raw;
  if (typeof x !== 'number' || !Number.isFinite(x) || Math.abs(x) > 1e7)
    err(`${path}.x`, `expected a finite number, found ${describe(x)}`);
  if (typeof y !== 'number' || !Number.isFinite(y) || Math.abs(y) > 1e7)
    err(`${path}.y`, `expected a finite number, found ${describe(y)}`);
  if (typeof x !== 'number' || typeof y !== 'number') return undefined;
  return { x, y };
}

/** Check one prop value against its spec; returns an error message or null. */
export function checkPropType(spec: PropSpec, value: unknown): string | null {
  switch (spec.type) {
    case 'string':
      return typeof value === 'string' ? null : `expected a string, found ${describe(value)}`;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? null
        : `expected a number, found ${describe(value)}`;
    case 'boolean':
      return typeof value === 'boolean' ? null : `expected true or false, found ${describe(value)}`;
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && value >= spec.min && value <= spec.max
        ? null
        : `expected a whole number from ${spec.min} to ${spec.max}, found ${describe(value)}`;
    case 'enum':
      return spec.options.some((option) => option.value === value)
        ? null
        : `expected one of ${spec.options.map((option) => `"${option.value}"`).join(', ')}, found ${describe(value)}`;
    case 'workers':
      if (spec.allowAuto && value === 'auto') return null;
      return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= 100000
        ? null
        : `expected ${spec.allowAuto ? '"auto" or ' : ''}a whole number, found ${describe(value)}`;
  }
}

function checkProps(
  kind: NodeKind,
  raw: unknown,
  path: string,
  err: (path: string, message: string) => void,
): Record<string, PropValue> | null {
  const specs = KINDS[kind].props as Record<string, PropSpec>;
  if (raw !== undefined && !isPlainObject(raw)) {
    err(path, `expected an object of props, found ${describe(raw)}`);
    return null;
  }
  const given = raw ?? {};
  let ok = true;
  for (const key of Object.keys(given)) {
    if (!Object.prototype.hasOwnProperty.call(specs, key)) {
      ok = false;
      const known = Object.keys(specs);
      err(
        `${path}.${key}`,
        `unknown prop of ${kind} (${known.length ? `known: ${known.join(', ')}` : 'it has none'})`,
      );
    }
  }
  const props: Record<string, PropValue> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const value = given[name];
    if (value === undefined) {
      props[name] = spec.default;
      continue;
    }
    const problem = checkPropType(spec, value);
    if (problem) {
      ok = false;
      err(`${path}.${name}`, problem);
    } else props[name] = value as PropValue;
  }
  return ok ? props : null;
}

function checkEdgeProps(
  raw: unknown,
  source: DesignNode,
  target: DesignNode,
  path: string,
  err: (path: string, message: string) => void,
): EdgeProps | null {
  if (raw !== undefined && !isPlainObject(raw)) {
    err(path, `expected an object of props, found ${describe(raw)}`);
    return null;
  }
  const given = raw ?? {};
  // Every edge leaving a proxy has a route; `pass` exists where nginx may choose its directive.
  const fromNginx = isProxy(source);
  const targetPass = fromNginx ? (passFor(target) ?? null) : null;
  const choosesPass = targetPass !== null;
  const balances = fromNginx && (isWsgiServer(target) || isApp(target));
  let ok = true;
  for (const key of Object.keys(given)) {
    const known =
      (key === 'route' && fromNginx) || (key === 'pass' && choosesPass) || (key === 'balance' && balances);
    if (!known) {
      ok = false;
      err(`${path}.${key}`, EDGE_PROP_PLACES[key] ?? 'unknown prop (edges have route, pass and balance)');
    }
  }
  const props: EdgeProps = {};
  if (fromNginx) {
    if (given.route === undefined) props.route = '/';
    else if (typeof given.route !== 'string') {
      ok = false;
      err(`${path}.route`, `expected a string, found ${describe(given.route)}`);
    } else props.route = given.route;
  }
  if (choosesPass) {
    if (given.pass === undefined) props.pass = targetPass;
    else if (given.pass !== 'uwsgi_pass' && given.pass !== 'proxy_pass') {
      ok = false;
      err(`${path}.pass`, `expected "uwsgi_pass" or "proxy_pass", found ${describe(given.pass)}`);
    } else props.pass = given.pass;
  }
  if (balances && given.balance !== undefined) {
    if (!BALANCE_METHODS.includes(given.balance as BalanceMethod)) {
      ok = false;
      err(
        `${path}.balance`,
        `expected "round-robin", "least-conn" or "ip-hash", found ${describe(given.balance)}`,
      );
    } else props.balance = given.balance as BalanceMethod;
  }
  return ok ? props : null;
}

/** Where each edge prop applies, for the error when it is set elsewhere. */
const EDGE_PROP_PLACES: Record<string, string> = {
  route: '"route" applies only to edges leaving an nginx',
  pass: '"pass" applies only to nginx → uWSGI edges',
  balance: '"balance" applies only to nginx edges to a WSGI server or app',
};

function fail(path: string, message: string): LoadResult {
  return { ok: false, errors: [{ path, message }] };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function truncate(text: string): string {
  const printable = printableText(text);
  return printable.length > 60 ? `${printable.slice(0, 60)}…` : printable;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string "${truncate(value)}"`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

/** A load error as one line; `reason` puts the loader's English reason in the reader's language. */
export function formatLoadError(error: LoadError, reason: (message: string) => string = sameReason): string {
  const message = reason(error.message);
  return error.path ? `${error.path}: ${message}` : message;
}

const sameReason = (message: string) => message;
