import { appServerExposed } from './rules/app-server-exposed';
import { cycle } from './rules/cycle';
import { djangoDevServer } from './rules/django-dev-server';
import { flaskDevServer } from './rules/flask-dev-server';
import { invalidConnection } from './rules/invalid-connection';
import { invalidContainerName } from './rules/invalid-container-name';
import { invalidEmail } from './rules/invalid-email';
import { invalidLabel } from './rules/invalid-label';
import { invalidPath } from './rules/invalid-path';
import { invalidPort } from './rules/invalid-port';
import { invalidPythonName } from './rules/invalid-python-name';
import { invalidReplicas } from './rules/invalid-replicas';
import { invalidRoute } from './rules/invalid-route';
import { invalidServerName } from './rules/invalid-server-name';
import { invalidSize } from './rules/invalid-size';
import { replicasPublishPort } from './rules/replicas-publish-port';
import { replicasUnixSocket } from './rules/replicas-unix-socket';
import { noEntryPoint } from './rules/no-entry-point';
import { portConflict } from './rules/port-conflict';
import { proxyPassToUwsgiSocket } from './rules/proxy-pass-to-uwsgi-socket';
import { routeConflict } from './rules/route-conflict';
import { socketConflict } from './rules/socket-conflict';
import { sqliteSameContainer } from './rules/sqlite-same-container';
import { sqliteReplicas } from './rules/sqlite-replicas';
import { sqliteSingleContainer } from './rules/sqlite-single-container';
import { staticNeedsNginx } from './rules/static-needs-nginx';
import { unixSocketAcrossPods } from './rules/unix-socket-across-pods';
import { unreachableNode } from './rules/unreachable-node';
import { uwsgiPassNeedsSocket } from './rules/uwsgi-pass-needs-socket';
import { workersOutOfRange } from './rules/workers-out-of-range';
import { wsgiAppSameContainer } from './rules/wsgi-app-same-container';
import { wsgiNeedsApp } from './rules/wsgi-needs-app';
import { plainHttp } from './rules/plain-http';
import { tlsNeedsDomain } from './rules/tls-needs-domain';
import { tlsNeedsEmail } from './rules/tls-needs-email';
import type { Rule } from './types';

/** Every rule, in the order of docs/rules.md. Adding a rule: one file in rules/ and one line here. */
export const RULES: readonly Rule[] = [
  uwsgiPassNeedsSocket,
  proxyPassToUwsgiSocket,
  appServerExposed,
  flaskDevServer,
  djangoDevServer,
  wsgiNeedsApp,
  wsgiAppSameContainer,
  staticNeedsNginx,
  sqliteSameContainer,
  sqliteSingleContainer,
  routeConflict,
  portConflict,
  socketConflict,
  invalidConnection,
  noEntryPoint,
  unreachableNode,
  cycle,
  invalidServerName,
  invalidRoute,
  invalidPythonName,
  invalidPort,
  invalidPath,
  invalidContainerName,
  workersOutOfRange,
  invalidSize,
  invalidLabel,
  invalidEmail,
  tlsNeedsDomain,
  tlsNeedsEmail,
  plainHttp,
  invalidReplicas,
  replicasUnixSocket,
  replicasPublishPort,
  sqliteReplicas,
  unixSocketAcrossPods,
];

/** Rule metadata (summary, why, fix summary) by id, for panels that explain a diagnostic. */
export const RULE_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.id, rule]));
