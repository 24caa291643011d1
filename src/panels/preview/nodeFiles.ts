import type { Design, DesignNode } from '../../model/design';
import { isApp, isClient, isDatabase, isProxy, isStatic, isWsgiServer } from '../../nodes/registry';

/** The bundle files that come from one node, the main one first. Pure. */
export interface NodeFiles {
  main: string | null;
  paths: string[];
}

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** The Python file of a Flask module ("app" → app.py, "api.main" → api/main.py). */
function moduleFile(module: string): string {
  return `${module.split('.').join('/')}.py`;
}

/** The app module's file of an app node (its `module` prop), else the default app.py. */
function appModuleFile(node: DesignNode): string {
  const module = (node.props as { module?: unknown }).module;
  return typeof module === 'string' ? moduleFile(module) : 'app.py';
}

/** A regular expression for a file named after the node's kind (gunicorn.conf.py, uwsgi.ini). */
function namedAfterKind(node: DesignNode): RegExp {
  return new RegExp(`^${node.kind.replace(/[^a-z0-9]/g, '.')}.*\\.(py|ini)$`);
}

function candidates(design: Design, node: DesignNode, paths: readonly string[]): string[] {
  const folder = node.container ? `${node.container}/` : '';
  const inFolder = (predicate: (rest: string) => boolean) =>
    paths.filter((path) => folder !== '' && path.startsWith(folder) && predicate(path.slice(folder.length)));
  const named = (...names: string[]) => names.map((name) => `${folder}${name}`);
  const nginxConf = () => inFolder((rest) => /^nginx.*\.conf$/.test(rest));
  if (isClient(node)) return ['README.md', 'scripts/smoke.sh', 'docker-compose.yml'];
  if (isProxy(node)) return [...nginxConf(), ...named('Dockerfile', '.dockerignore'), 'docker-compose.yml'];
  if (isStatic(node)) {
    const frontend = inFolder((rest) => rest.startsWith('frontend/'));
    // The App component when there is one, else the entry module.
    const app = frontend.filter((path) => /\/src\/App\.[jt]sx?$/.test(path));
    const entry = frontend.filter((path) => /\/src\/main\.[jt]sx?$/.test(path));
    return [...app, ...entry, ...named('Dockerfile'), ...frontend, ...nginxConf()];
  }
  if (isWsgiServer(node))
    return [
      ...inFolder((rest) => namedAfterKind(node).test(rest)),
      ...named('wsgi.py', 'requirements.txt', 'Dockerfile', 'health-check.py'),
      'docker-compose.yml',
    ];
  if (isApp(node))
    return [
      ...named(appModuleFile(node), 'app.py', 'wsgi.py', 'requirements.txt', 'Dockerfile'),
      '.env.example',
    ];
  if (isDatabase(node)) {
    // The code that opens the database is the app that uses it.
    const users = design.edges
      .filter((edge) => edge.target === node.id)
      .map((edge) => design.nodes.find((candidate) => candidate.id === edge.source))
      .filter((user): user is DesignNode => user !== undefined && isApp(user));
    return [
      ...users.map((user) => `${user.container ? `${user.container}/` : ''}${appModuleFile(user)}`),
      ...named('app.py'),
      'docker-compose.yml',
    ];
  }
  return [];
}

export function filesForNode(design: Design, nodeId: string, paths: readonly string[]): NodeFiles {
  const node = design.nodes.find((candidate) => candidate.id === nodeId);
  if (!node) return { main: null, paths: [] };
  const existing = new Set(paths);
  const result = [...new Set(candidates(design, node, paths))].filter((path) => existing.has(path));
  return { main: result[0] ?? null, paths: result };
}

/** A short label for a file in the "Files for" row. */
export function shortName(path: string): string {
  return baseName(path);
}
