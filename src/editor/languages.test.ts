import { describe, expect, it } from 'vitest';
import { languageForPath } from './languages';

describe('languageForPath', () => {
  it.each([
    ['web/nginx.conf', 'nginx'],
    ['app/uwsgi.ini', 'ini'],
    ['docker-compose.yml', 'yaml'],
    ['web/Dockerfile', 'dockerfile'],
    ['app-2/Dockerfile', 'dockerfile'],
    ['app/gunicorn.conf.py', 'python'],
    ['app/wsgi.py', 'python'],
    ['design.json', 'json'],
    ['web/frontend/package.json', 'json'],
    ['README.md', 'markdown'],
    ['scripts/smoke.sh', 'shell'],
    ['Makefile', 'shell'],
    ['.env.example', 'ini'],
    ['web/.dockerignore', 'plaintext'],
    ['app/requirements.txt', 'plaintext'],
    ['web/frontend/src/App.jsx', 'javascript'],
    ['web/frontend/index.html', 'html'],
    ['LICENSE', 'plaintext'],
  ])('%s → %s', (path, language) => {
    expect(languageForPath(path)).toBe(language);
  });
});
