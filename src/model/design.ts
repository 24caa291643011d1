import type { KindPropsMap, NodeKind } from '../nodes/registry';

/** The format this StackSketch writes; older formats are migrated on load (see migrations.ts). */
export const FORMAT = 'stacksketch/v2';
/** Files above this size are refused before parsing. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_NODES = 2000;
export const MAX_EDGES = 10000;
export const MAX_CONTAINERS = 2000;
/** A container runs 1 to 32 copies (the `invalid-replicas` rule reports anything else). */
export const MIN_REPLICAS = 1;
export const MAX_REPLICAS = 32;
/** Deeper JSON than this is refused before parsing (no real design nests past 5 levels). */
export const MAX_JSON_DEPTH = 32;

export interface Position {
  x: number;
  y: number;
}

/** A node once loaded: every prop present (defaults applied) and a container for everything but clients. */
export type DesignNode = {
  [K in NodeKind]: {
    id: string;
    kind: K;
    /** The Docker Compose service the node runs in; undefined only for clients. */
    container?: string;
    position?: Position;
    props: KindPropsMap[K];
  };
}[NodeKind];

export type NodeOfKind<K extends NodeKind> = Extract<DesignNode, { kind: K }>;

export type PassDirective = 'uwsgi_pass' | 'proxy_pass';

/** How nginx spreads requests over the copies of a replicated container. */
export type BalanceMethod = 'round-robin' | 'least-conn' | 'ip-hash';
export const BALANCE_METHODS: readonly BalanceMethod[] = ['round-robin', 'least-conn', 'ip-hash'];

export interface EdgeProps {
  /** Location prefix; set on every edge leaving an nginx. */
  route?: string;
  /** Only on nginx → uWSGI edges. */
  pass?: PassDirective;
  /** Only on nginx edges to a WSGI server or app; unset means round-robin. */
  balance?: BalanceMethod;
}

export interface DesignEdge {
  id: string;
  source: string;
  target: string;
  props: EdgeProps;
}

/** A container's own settings (a file writes `{}` for the defaults). */
export interface ContainerSettings {
  /** How many copies of the container run; 1 unless set. */
  replicas: number;
}

export interface Design {
  format: typeof FORMAT;
  name: string;
  /**
   * Every container of the design, keyed by name: those its nodes name and those listed on their own
   * (empty frames). Loading fills it; edits that empty a container leave it to the editor (see
   * containers.ts); saving writes every entry, plus any container a node names, sorted by name.
   * Read it through containers.ts (`replicasOf`, `containerNames`): a key such as "constructor" must
   * not find Object's prototype.
   */
  containers: Record<string, ContainerSettings>;
  nodes: DesignNode[];
  edges: DesignEdge[];
}

export function isKind<K extends NodeKind>(node: DesignNode, kind: K): node is NodeOfKind<K> {
  return node.kind === kind;
}
