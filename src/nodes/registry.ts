import { clientDescriptor, type ClientProps } from './client/descriptor';
import { flaskDescriptor, type FlaskProps } from './flask/descriptor';
import { gunicornDescriptor, type GunicornProps } from './gunicorn/descriptor';
import { nginxDescriptor, type NginxProps } from './nginx/descriptor';
import { reactStaticDescriptor, type ReactStaticProps } from './react-static/descriptor';
import { sqliteDescriptor, type SqliteProps } from './sqlite/descriptor';
import { NODE_KINDS, type KindDescriptor, type Listener, type NodeKind, type Role } from './types';
import { uwsgiDescriptor, type UwsgiProps } from './uwsgi/descriptor';

export {
  NODE_KINDS,
  type Listener,
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

type NodeWithProps = { kind: NodeKind; props: object };

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

/** The directive nginx uses by default to reach a node that offers a choice (null: no choice, no `pass`). */
export function nginxPassOf(node: NodeWithProps): 'uwsgi_pass' | 'proxy_pass' | null {
  const nginxPass = KINDS[node.kind].nginxPass as
    ((props: object) => 'uwsgi_pass' | 'proxy_pass') | undefined;
  return nginxPass ? nginxPass(node.props) : null;
}
