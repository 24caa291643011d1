import type { DesignNode } from '../../model/design';
import { devServerOf } from '../../nodes/registry';
import { databasePart, wsgiServerPart } from '../../nodes/planParts';
import type { PythonProcess } from '../planTypes';
import { calleesWithRole, type Graph } from './graph';

/** The process a WSGI server node runs, as its kind's plan part describes it. */
export function serverProcess(server: DesignNode): PythonProcess {
  const { bind, protocol, settings } = wsgiServerPart(server.kind).process(server.props);
  return { node: server.id, kind: server.kind, role: 'wsgi-server', bind, protocol, settings };
}

/** An app on its own development server (no WSGI server imports it): plain HTTP on its dev port. */
export function devServerProcess(app: DesignNode): PythonProcess {
  const bind = devServerOf(app);
  if (!bind) throw new Error(`${app.kind} has no development server`);
  return { node: app.id, kind: app.kind, role: 'dev-server', bind, protocol: 'http', settings: {} };
}

/** A python service in the making: its one process, the app(s) it imports and the nodes it runs. */
export interface PythonDraft {
  service: string;
  container: string;
  process: PythonProcess;
  /** The app nodes (null: the server imports none, a default app is added) and their database files. */
  apps: { app: DesignNode | null; database: string | null; databases: string[] }[];
  nodes: string[];
}

/**
 * The apps a process runs: a dev server runs its own app; a WSGI server imports the first app it
 * calls (the wsgi-needs-app rule reports none or several; a default app keeps the bundle starting).
 */
export function pythonDraft(
  graph: Graph,
  container: string,
  service: string,
  process: PythonProcess,
): PythonDraft {
  const processNode = graph.byId.get(process.node)!;
  const appNodes =
    process.role === 'dev-server' ? [processNode] : calleesWithRole(graph, processNode.id, 'app').slice(0, 1);
  const nodes = [process.node];
  const apps = (appNodes.length > 0 ? appNodes : [null]).map((app) => {
    const databaseNodes = app ? calleesWithRole(graph, app.id, 'database') : [];
    if (app && !nodes.includes(app.id)) nodes.push(app.id);
    for (const db of databaseNodes) if (!nodes.includes(db.id)) nodes.push(db.id);
    const databases = databaseNodes.map((db) => databasePart(db.kind).file(db.props));
    return { app, database: databases[0] ?? null, databases };
  });
  return { service, container, process, apps, nodes };
}
