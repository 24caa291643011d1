import type { NodeTypes } from '@xyflow/react';
import { ClientView } from './client/view';
import { FlaskView } from './flask/view';
import { GunicornView } from './gunicorn/view';
import { NginxView } from './nginx/view';
import { ReactStaticView } from './react-static/view';
import type { NodeKind } from './registry';
import { SqliteView } from './sqlite/view';
import { UwsgiView } from './uwsgi/view';

/** React Flow node types keyed by kind, so each node renders as `.react-flow__node-<kind>`. */
export const NODE_VIEWS = {
  client: ClientView,
  nginx: NginxView,
  gunicorn: GunicornView,
  uwsgi: UwsgiView,
  flask: FlaskView,
  sqlite: SqliteView,
  'react-static': ReactStaticView,
} satisfies { [K in NodeKind]: NodeTypes[string] };
