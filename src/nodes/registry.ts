import { clientDescriptor, type ClientProps } from './client/descriptor';
import { flaskDescriptor, type FlaskProps } from './flask/descriptor';
import { gunicornDescriptor, type GunicornProps } from './gunicorn/descriptor';
import { nginxDescriptor, type NginxProps } from './nginx/descriptor';
import { reactStaticDescriptor, type ReactStaticProps } from './react-static/descriptor';
import { sqliteDescriptor, type SqliteProps } from './sqlite/descriptor';
import type { KindDescriptor, NodeKind } from './types';
import { uwsgiDescriptor, type UwsgiProps } from './uwsgi/descriptor';

export { NODE_KINDS, type NodeKind, type PropSpec, type PropValue, type Protocol } from './types';

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
