import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../model/templates';
import type { Diagnostic } from '../validation/types';
import { diagnosticMarkers } from './diagnosticMarkers';

const design = loadTemplate('uwsgi-unix-socket');
const mismatch: Diagnostic = {
  rule: 'uwsgi-pass-needs-socket',
  severity: 'error',
  message: 'nginx uses uwsgi_pass but uWSGI listens with http-socket: nginx answers 502.',
  nodes: ['proxy', 'uwsgi'],
  edges: ['e2'],
};

const NGINX = [
  'http {',
  '  server {',
  '    listen 80;',
  '    location / {',
  '      include uwsgi_params;',
  '      uwsgi_pass unix:/run/uwsgi/uwsgi.sock;',
  '    }',
  '  }',
  '}',
].join('\n');
const UWSGI = ['[uwsgi]', 'module = wsgi', 'http-socket = /run/uwsgi/uwsgi.sock', 'master = true'].join('\n');

describe('diagnosticMarkers', () => {
  it('puts uwsgi-pass-needs-socket on the uwsgi_pass line of nginx.conf', () => {
    expect(diagnosticMarkers('web/nginx.conf', NGINX, [mismatch], design)).toEqual([
      {
        rule: 'uwsgi-pass-needs-socket',
        severity: 'error',
        message: mismatch.message,
        line: 6,
        startColumn: 7,
        endColumn: '      uwsgi_pass unix:/run/uwsgi/uwsgi.sock;'.length + 1,
      },
    ]);
  });

  it('and on the http-socket line of uwsgi.ini', () => {
    const markers = diagnosticMarkers('app/uwsgi.ini', UWSGI, [mismatch], design);
    expect(markers.map((marker) => marker.line)).toEqual([3]);
  });

  it('leaves other files and files of unrelated containers alone', () => {
    expect(diagnosticMarkers('app/app.py', 'uwsgi_pass = 1', [mismatch], design)).toEqual([]);
    expect(diagnosticMarkers('app-2/uwsgi.ini', UWSGI, [mismatch], design)).toEqual([]);
    expect(diagnosticMarkers('README.md', NGINX, [mismatch], design)).toEqual([]);
  });

  it('marks the Gunicorn workers line for workers-out-of-range', () => {
    const warning: Diagnostic = {
      rule: 'workers-out-of-range',
      severity: 'warning',
      message: 'too many workers',
      nodes: ['uwsgi'],
      edges: [],
    };
    const markers = diagnosticMarkers(
      'app/gunicorn.conf.py',
      'bind = "0.0.0.0:8000"\nworkers = 99\n',
      [warning],
      design,
    );
    expect(markers).toMatchObject([{ line: 2, severity: 'warning', startColumn: 1, endColumn: 13 }]);
  });

  it('ignores rules that have no place in files', () => {
    const noEntry: Diagnostic = {
      rule: 'no-entry-point',
      severity: 'error',
      message: 'x',
      nodes: [],
      edges: [],
    };
    expect(diagnosticMarkers('web/nginx.conf', NGINX, [noEntry], design)).toEqual([]);
  });

  it('marks the dev server command of the Dockerfile, not its healthcheck', () => {
    const dev: Diagnostic = {
      rule: 'flask-dev-server',
      severity: 'warning',
      message: 'dev server',
      nodes: ['api'],
      edges: [],
    };
    const dockerfile = [
      'FROM python:3.12-slim',
      'HEALTHCHECK --interval=10s \\',
      '    CMD ["python", "health-check.py"]',
      'CMD ["flask", "--app", "app:app", "run", "--host", "0.0.0.0"]',
    ].join('\n');
    expect(
      diagnosticMarkers('app/Dockerfile', dockerfile, [dev], design).map((marker) => marker.line),
    ).toEqual([4]);
  });
});
