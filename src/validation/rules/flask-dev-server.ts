import { design, e, n } from './examples';
import { devServerCheck } from './devServer';
import type { Rule } from '../types';

export const flaskDevServer: Rule = {
  id: 'flask-dev-server',
  severity: 'warning',
  summary:
    'A Flask app is reached by nginx or a client directly, or by anything but a WSGI server: it runs on the Werkzeug development server.',
  why: 'The built-in server of `flask run` / `python app.py` is for development: one process handling requests one after another, no worker management, no protection against slow clients (Slowloris) and no security hardening. In production a WSGI server (Gunicorn or uWSGI) runs the app in several workers behind nginx.',
  fixSummary:
    'Put a WSGI server in front: nginx’s connections to the app go to its existing Gunicorn/uWSGI, or to one that runs no app yet (connected to the app), or to a new Gunicorn (TCP, port 8000 or the next free one) in the app’s container that runs the app.',
  check: devServerCheck('flask-dev-server', 'flask'),
  examples: {
    fires: design(
      [n('browser', 'client'), n('proxy', 'nginx', 'web'), n('api', 'flask', 'app')],
      [e('e1', 'browser', 'proxy'), e('e2', 'proxy', 'api', { route: '/' })],
    ),
    nearMiss: design(
      [
        n('browser', 'client'),
        n('proxy', 'nginx', 'web'),
        n('wsgi', 'gunicorn', 'app'),
        n('api', 'flask', 'app'),
      ],
      [e('e1', 'browser', 'proxy'), e('e2', 'proxy', 'wsgi', { route: '/' }), e('e3', 'wsgi', 'api')],
    ),
  },
};
