import { clientDescriptor } from './client/descriptor';
import { djangoDescriptor } from './django/descriptor';
import { flaskDescriptor } from './flask/descriptor';
import { gunicornDescriptor } from './gunicorn/descriptor';
import { nginxDescriptor } from './nginx/descriptor';
import { reactStaticDescriptor } from './react-static/descriptor';
import { sqliteDescriptor } from './sqlite/descriptor';
import type { KindDescriptor, Listener, NodeShape, Role } from './types';
import { uwsgiDescriptor } from './uwsgi/descriptor';

export type { Category, Listener, NodeShape, PropSpec, PropValue, Protocol, Role } from './types';

/**
 * Every node kind, in the palette's order: adding a kind is its folder (src/nodes/<kind>/) and one
 * line here (see docs/architecture.md). NODE_KINDS, NodeKind and the props types derive from it. The
 * kind's plan part and Korean words load with other chunks, so planParts.ts and koText.ts list them
 * (keyed by NodeKind: a kind missing there fails typecheck).
 */
const DESCRIPTORS = {
  client: clientDescriptor,
  nginx: nginxDescriptor,
  gunicorn: gunicornDescriptor,
  uwsgi: uwsgiDescriptor,
  flask: flaskDescriptor,
  django: djangoDescriptor,
  sqlite: sqliteDescriptor,
  'react-static': reactStaticDescriptor,
};

export type NodeKind = keyof typeof DESCRIPTORS;

/** Every kind, in registry order (the palette's order). */
export const NODE_KINDS = Object.keys(DESCRIPTORS) as readonly NodeKind[];

type PropsOf<D> = D extends KindDescriptor<string, infer P> ? P : never;

/** Each kind's props type, as its descriptor declares it. */
export type KindPropsMap = { [K in NodeKind]: PropsOf<(typeof DESCRIPTORS)[K]> };

/** Every kind's descriptor, keyed by kind. */
export const KINDS: { readonly [K in NodeKind]: KindDescriptor<K, KindPropsMap[K]> } = DESCRIPTORS;

export function descriptorOf<K extends NodeKind>(kind: K): KindDescriptor<K, KindPropsMap[K]> {
  return KINDS[kind];
}

export function isNodeKind(value: unknown): value is NodeKind {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(KINDS, value);
}

type KindOf = { kind: NodeKind };

/** Whether a node (or a kind) plays a role in the stack: the question code outside src/nodes asks. */
export function hasRole(node: KindOf | NodeKind, role: Role): boolean {
  return KINDS[typeof node === 'string' ? node : node.kind].roles.includes(role);
}

export const isClient = (node: KindOf): boolean => hasRole(node, 'client');
export const isProxy = (node: KindOf): boolean => hasRole(node, 'proxy');
export const isWsgiServer = (node: KindOf): boolean => hasRole(node, 'wsgi-server');
export const isApp = (node: KindOf): boolean => hasRole(node, 'app');
export const isDatabase = (node: KindOf): boolean => hasRole(node, 'database');
export const isStatic = (node: KindOf): boolean => hasRole(node, 'static');

/** The kinds that play a role, in registry order (the palette's order). */
export function kindsWithRole(role: Role): NodeKind[] {
  return NODE_KINDS.filter((kind) => hasRole(kind, role));
}

export type NodeWithProps = { kind: NodeKind; props: object };

/** Where a node listens inside its container (null: it accepts no network connections). */
export function listenerOf(node: NodeWithProps): Listener | null {
  const listener = KINDS[node.kind].listener as ((props: object) => Listener) | undefined;
  return listener ? listener(node.props) : null;
}

/** Where an app's own development server listens (null: the kind has none). */
export function devServerOf(node: NodeWithProps): Listener | null {
  const devServer = KINDS[node.kind].devServer as ((props: object) => Listener) | undefined;
  return devServer ? devServer(node.props) : null;
}

/** The node's main line on every picture: the kind's own title (a client's label) or the kind's label. */
export function titleOf(node: NodeWithProps): string {
  const title = KINDS[node.kind].title as ((props: object) => string) | undefined;
  return title ? title(node.props) : KINDS[node.kind].label;
}

/** The node's one-line key setting ("" when its kind has none): the same on every picture. */
export function summaryOf(node: NodeWithProps): string {
  const summary = KINDS[node.kind].summary as ((props: object) => string) | undefined;
  return summary ? summary(node.props) : '';
}

/** Whether clients reach the node over HTTPS (an nginx with TLS on). */
export function servesHttps(node: NodeWithProps): boolean {
  const secure = KINDS[node.kind].servesHttps as ((props: object) => boolean) | undefined;
  return secure ? secure(node.props) : false;
}

/** The title and the key setting on one line ("Gunicorn :8000"), as the Mermaid chart labels a node. */
export function oneLineLabelOf(node: NodeWithProps): string {
  return KINDS[node.kind].summary ? `${titleOf(node)} ${summaryOf(node)}` : titleOf(node);
}

/**
 * The text of a node card: the kind's label, the name (a titled kind's title, else the id), the key
 * setting, and the id on the kind's line when the name is a title.
 */
export function cardLinesOf(node: NodeWithProps & { id: string }): {
  kind: string;
  /** The id, shown on the kind's line when the name is the node's title. */
  id: string | null;
  name: string;
  summary: string;
  /** The card shows a lock: clients reach the node over HTTPS. */
  secure: boolean;
} {
  const titled = KINDS[node.kind].title !== undefined;
  return {
    kind: KINDS[node.kind].label,
    id: titled ? node.id : null,
    name: titled ? titleOf(node) : node.id,
    summary: summaryOf(node),
    secure: servesHttps(node),
  };
}

/** How diagrams draw the node. */
export function shapeOf(node: KindOf): NodeShape {
  return KINDS[node.kind].shape ?? 'box';
}

/** One value for every kind (React Flow's node types, keyed by kind). */
export function forEveryKind<T>(value: T): { [K in NodeKind]: T } {
  return Object.fromEntries(NODE_KINDS.map((kind) => [kind, value])) as { [K in NodeKind]: T };
}
