import type { DesignNode } from '../../model/design';
import { devServerOf } from '../../nodes/registry';
import { databasePart, wsgiServerPart } from '../../nodes/planParts';
import type { PythonProcess } from '../planTypes';
import { reuseWhenSame } from '../incremental';
import { calleesWithRole, type Graph } from './graph';

/** The process a WSGI server node runs, as its kind's plan part describes it (the same object while the node is). */
export const serverProcess = reuseWhenSame(
  (server: DesignNode): PythonProcess => {
    const { bind, protocol, settings } = wsgiServerPart(server.kind).process(server.props);
    return { node: server.id, kind: server.kind, role: 'wsgi-server', bind, protocol, settings };
  },
  (server) => server,
);

/** An app on its own development server (no WSGI server imports it): plain HTTP on its dev port. */
export const devServerProcess = reuseWhenSame(
  (app: DesignNode): PythonProcess => {
    const bind = devServerOf(app);
    if (!bind) throw new Error(`${app.kind} has no development server`);
    return { node: app.id, kind: app.kind, role: 'dev-server', bind, protocol: 'http', settings: {} };
  },
  (app) => app,
);

/** A python service in the making: its one process, the app(s) it imports and the nodes it runs. */
export interface PythonDraft {
  service: string;
  /**
   * The Compose services that run it: the service itself, or one per copy ("app-1", "app-2", …)
   * when its container has replicas, so nginx can list each copy in its upstream.
   */
  copies: string[];
  container: string;
  process: PythonProcess;
  /** The app nodes (null: the server imports none, a default app is added) and their database files. */
  apps: { app: DesignNode | null; database: string | null; databases: string[] }[];
  nodes: string[];
}

/**
 * A draft from its parts (the process node, the app it imports, null: none, and that app's databases),
 * the same object while they are the same nodes and names, so the steps after it (volumes, the python
 * service) find their inputs unchanged by identity. The parts come as separate arguments, so the check
 * is one identity comparison each (the databases: a short list of the same node objects).
 */
const draftFromParts = reuseWhenSame(
  (
    processNode: DesignNode,
    app: DesignNode | null,
    databaseNodes: readonly DesignNode[],
    container: string,
    service: string,
    process: PythonProcess,
    copies: readonly string[],
  ): PythonDraft => {
    const nodes = [processNode.id];
    if (app && !nodes.includes(app.id)) nodes.push(app.id);
    for (const db of databaseNodes) if (!nodes.includes(db.id)) nodes.push(db.id);
    const databases = databaseNodes.map((db) => databasePart(db.kind).file(db.props));
    return {
      service,
      copies: [...copies],
      container,
      process,
      apps: [{ app, database: databases[0] ?? null, databases }],
      nodes,
    };
  },
  (processNode) => processNode,
);

/**
 * The apps a process runs: a dev server runs its own app; a WSGI server imports the first app it
 * calls (the wsgi-needs-app rule reports none or several; a default app keeps the bundle starting).
 */
export function pythonDraft(
  graph: Graph,
  container: string,
  service: string,
  process: PythonProcess,
  copies: readonly string[] = [service],
): PythonDraft {
  const processNode = graph.byId.get(process.node)!;
  const app =
    process.role === 'dev-server' ? processNode : (calleesWithRole(graph, processNode.id, 'app')[0] ?? null);
  const databaseNodes = app ? calleesWithRole(graph, app.id, 'database') : [];
  return draftFromParts(processNode, app, databaseNodes, container, service, process, copies);
}
