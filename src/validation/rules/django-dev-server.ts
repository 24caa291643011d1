import { design, e, n } from './examples';
import type { Rule } from '../types';
import { devServerCheck } from './devServer';

export const djangoDevServer: Rule = {
  id: 'django-dev-server',
  severity: 'warning',
  summary:
    'A Django app is reached by nginx or a client directly, or by anything but a WSGI server: it runs on `manage.py runserver`.',
  why: "Django's `runserver` is for development: Django's own documentation says not to use it in production. It has not gone through security audits or performance tests, handles requests in one process, has no worker management and no protection against slow clients. In production Gunicorn or uWSGI runs `<project>.wsgi:application` in several workers behind nginx.",
  fixSummary:
    'Put a WSGI server in front: nginx’s connections to the app go to its existing Gunicorn/uWSGI, or to one that runs no app yet (connected to the app), or to a new Gunicorn (TCP, port 8000 or the next free one) in the app’s container that runs the project.',
  check: devServerCheck('django-dev-server', 'django'),
  examples: {
    fires: design(
      [n('browser', 'client'), n('proxy', 'nginx', 'web'), n('site', 'django', 'app')],
      [e('e1', 'browser', 'proxy'), e('e2', 'proxy', 'site', { route: '/' })],
    ),
    nearMiss: design(
      [
        n('browser', 'client'),
        n('proxy', 'nginx', 'web'),
        n('wsgi', 'gunicorn', 'app'),
        n('site', 'django', 'app'),
      ],
      [e('e1', 'browser', 'proxy'), e('e2', 'proxy', 'wsgi', { route: '/' }), e('e3', 'wsgi', 'site')],
    ),
  },
};
