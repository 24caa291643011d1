import { clientDescriptor, type ClientProps } from './client/descriptor';
import { djangoDescriptor, type DjangoProps } from './django/descriptor';
import { flaskDescriptor, type FlaskProps } from './flask/descriptor';
import { gunicornDescriptor, type GunicornProps } from './gunicorn/descriptor';
import { nginxDescriptor, type NginxProps } from './nginx/descriptor';
import { reactStaticDescriptor, type ReactStaticProps } from './react-static/descriptor';
import { sqliteDescriptor, type SqliteProps } from './sqlite/descriptor';
import {
  NODE_KINDS,
  type KindDescriptor,
  type Listener,
  type NodeKind,
  type NodeShape,
  type Role,
} from './types';
import { uwsgiDescriptor, type UwsgiProps } from './uwsgi/descriptor';

export {
  NODE_KINDS,
  type Category,
  type Listener,
  type NodeShape,
  type NodeKind,
  type PropSpec,
  type PropValue,
  type Protocol,
  type Role,
} from './types';

export interface KindPropsMap {
  client: ClientProps;
  nginx: NginxProps;
  gunicorn: GunicornProps;
  uwsgi: UwsgiProps;
  flask: FlaskProps;
  django: DjangoProps;
  sqlite: SqliteProps;
  'react-static': ReactStaticProps;
}

/** Every node kind, keyed by kind: leaving one out fails to compile. */
export const KINDS: { readonly [K in NodeKind]: KindDescriptor<K, KindPropsMap[K]> } = {
  client: clientDescriptor,
  nginx: nginxDescriptor,
  gunicorn: gunicornDescriptor,
  uwsgi: uwsgiDescriptor,
  flask: flaskDescriptor,
  django: djangoDescriptor,
  sqlite: sqliteDescriptor,
  'react-static': reactStaticDescriptor,
};

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
