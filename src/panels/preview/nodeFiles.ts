import type { Design, DesignNode } from '../../model/design';

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

function candidates(design: Design, node: DesignNode, paths: readonly string[]): string[] {
  const folder = node.container ? `${node.container}/` : '';
  const inFolder = (predicate: (rest: string) => boolean) =>
    paths.filter((path) => folder !== '' && path.startsWith(folder) && predicate(path.slice(folder.length)));
  const named = (...names: string[]) => names.map((name) => `${folder}${name}`);
  switch (node.kind) {
    case 'client':
      return ['README.md', 'scripts/smoke.sh', 'docker-compose.yml'];
    case 'nginx':
      return [
        ...inFolder((rest) => /^nginx.*\.conf$/.test(rest)),
        ...named('Dockerfile', '.dockerignore'),
        'docker-compose.yml',
      ];
    case 'react-static': {
      const frontend = inFolder((rest) => rest.startsWith('frontend/'));
      // The App component when there is one, else the entry module.
      const app = frontend.filter((path) => /\/src\/App\.[jt]sx?$/.test(path));
      const entry = frontend.filter((path) => /\/src\/main\.[jt]sx?$/.test(path));
      return [
        ...app,
        ...entry,
        ...named('Dockerfile'),
        ...frontend,
        ...inFolder((rest) => /^nginx.*\.conf$/.test(rest)),
      ];
    }
    case 'gunicorn':
      return [
        ...inFolder((rest) => /^gunicorn.*\.py$/.test(rest)),
        ...named('wsgi.py', 'requirements.txt', 'Dockerfile', 'health-check.py'),
        'docker-compose.yml',
      ];
    case 'uwsgi':
      return [
        ...inFolder((rest) => /uwsgi.*\.ini$/.test(rest)),
        ...named('wsgi.py', 'requirements.txt', 'Dockerfile', 'health-check.py'),
        'docker-compose.yml',
      ];
    case 'flask':
      return [
        ...named(moduleFile(node.props.module), 'app.py', 'wsgi.py', 'requirements.txt', 'Dockerfile'),
        '.env.example',
      ];
    case 'sqlite': {
      // The code that opens the database is the app that uses it.
      const users = design.edges
        .filter((edge) => edge.target === node.id)
        .map((edge) => design.nodes.find((candidate) => candidate.id === edge.source))
        .filter((user): user is Extract<DesignNode, { kind: 'flask' }> => user?.kind === 'flask');
      return [
        ...users.map(
          (user) => `${user.container ? `${user.container}/` : ''}${moduleFile(user.props.module)}`,
        ),
        ...named('app.py'),
        'docker-compose.yml',
      ];
    }
  }
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
