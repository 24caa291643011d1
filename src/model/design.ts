import type { KindPropsMap, NodeKind } from '../nodes/registry';

export const FORMAT = 'stacksketch/v1';
/** Files above this size are refused before parsing. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_NODES = 2000;
export const MAX_EDGES = 10000;
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

export interface EdgeProps {
  /** Location prefix; set on every edge leaving an nginx. */
  route?: string;
  /** Only on nginx → uWSGI edges. */
  pass?: PassDirective;
}

export interface DesignEdge {
  id: string;
  source: string;
  target: string;
  props: EdgeProps;
}

export interface Design {
  format: typeof FORMAT;
  name: string;
  nodes: DesignNode[];
  edges: DesignEdge[];
}

export function isKind<K extends NodeKind>(node: DesignNode, kind: K): node is NodeOfKind<K> {
  return node.kind === kind;
}
