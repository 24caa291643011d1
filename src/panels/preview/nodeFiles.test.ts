import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../../model/templates';
import { filesForNode } from './nodeFiles';

const BUNDLE = [
  'README.md',
  'docker-compose.yml',
  '.env.example',
  'Makefile',
  'design.json',
  'scripts/smoke.sh',
  'web/Dockerfile',
  'web/.dockerignore',
  'web/nginx.conf',
  'web/frontend/package.json',
  'web/frontend/src/App.jsx',
  'app/Dockerfile',
  'app/requirements.txt',
  'app/gunicorn.conf.py',
  'app/wsgi.py',
  'app/app.py',
];

describe('filesForNode', () => {
  const design = loadTemplate('react-nginx-gunicorn');
  const nodeOf = (kind: string) => design.nodes.find((node) => node.kind === kind)!.id;

  it('opens gunicorn.conf.py for the Gunicorn node', () => {
    const files = filesForNode(design, nodeOf('gunicorn'), BUNDLE);
    expect(files.main).toBe('app/gunicorn.conf.py');
    expect(files.paths).toEqual([
      'app/gunicorn.conf.py',
      'app/wsgi.py',
      'app/requirements.txt',
      'app/Dockerfile',
      'docker-compose.yml',
    ]);
  });

  it('opens nginx.conf for nginx and the React app for the static node', () => {
    expect(filesForNode(design, nodeOf('nginx'), BUNDLE).main).toBe('web/nginx.conf');
    const spa = filesForNode(design, nodeOf('react-static'), BUNDLE);
    expect(spa.main).toBe('web/frontend/src/App.jsx');
    expect(spa.paths).toContain('web/frontend/package.json');
    expect(spa.paths).not.toContain('app/app.py');
    // Without an App component the entry module is the main file.
    const withoutApp = BUNDLE.filter((path) => !path.endsWith('App.jsx')).concat('web/frontend/src/main.jsx');
    expect(filesForNode(design, nodeOf('react-static'), withoutApp).main).toBe('web/frontend/src/main.jsx');
  });

  it('opens the app module for Flask and for its SQLite database', () => {
    expect(filesForNode(design, nodeOf('flask'), BUNDLE).main).toBe('app/app.py');
    expect(filesForNode(design, nodeOf('sqlite'), BUNDLE).main).toBe('app/app.py');
  });

  it('opens the README for the client, and nothing for an unknown node or missing files', () => {
    expect(filesForNode(design, nodeOf('client'), BUNDLE).main).toBe('README.md');
    expect(filesForNode(design, 'nope', BUNDLE)).toEqual({ main: null, paths: [] });
    expect(filesForNode(design, nodeOf('gunicorn'), ['design.json'])).toEqual({ main: null, paths: [] });
  });

  it('finds uwsgi.ini for the uWSGI node', () => {
    const uwsgiDesign = loadTemplate('uwsgi-unix-socket');
    const id = uwsgiDesign.nodes.find((node) => node.kind === 'uwsgi')!.id;
    expect(filesForNode(uwsgiDesign, id, ['app/uwsgi.ini', 'app/wsgi.py']).main).toBe('app/uwsgi.ini');
  });
});
