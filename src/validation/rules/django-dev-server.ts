import type { Design, DesignEdge } from '../../model/design';
import { isClient, isProxy, isWsgiServer } from '../../nodes/registry';
import { design, e, n } from './examples';
import { nodeName } from '../fixes';
import type { Rule } from '../types';
import { fixLabel, putWsgiServerInFront } from './flask-dev-server';

export const djangoDevServer: Rule = {
  id: 'django-dev-server',
  severity: 'warning',
  summary:
    'A Django app is reached by nginx or a client directly, or by anything but a WSGI server: it runs on `manage.py runserver`.',
  why: "Django's `runserver` is for development: Django's own documentation says not to use it in production. It has not gone through security audits or performance tests, handles requests in one process, has no worker management and no protection against slow clients. In production Gunicorn or uWSGI runs `<project>.wsgi:application` in several workers behind nginx.",
  fixSummary:
    'Put a WSGI server in front: nginx’s connections to the app go to its existing Gunicorn/uWSGI, or to one that runs no app yet (connected to the app), or to a new Gunicorn (TCP, port 8000 or the next free one) in the app’s container that runs the project.',
  check(current, { nodeById, edgesIn, text }) {
    const t = text['django-dev-server'];
    return current.nodes
      .filter((app) => app.kind === 'django')
      .flatMap((app) => {
        const sourceOf = (link: DesignEdge) => nodeById.get(link.source)!;
        const incoming = edgesIn(app.id);
        if (incoming.every((link) => isWsgiServer(sourceOf(link)))) return [];
        const direct = incoming.filter((link) => isProxy(sourceOf(link)) || isClient(sourceOf(link)));
        const servedByWsgi = incoming.some((link) => isWsgiServer(sourceOf(link)));
        if (direct.length === 0 && servedByWsgi) return [];
        const reaching = direct.length > 0 ? direct : incoming;
        const fixable =
          direct.length > 0 && direct.every((link) => isProxy(sourceOf(link))) && app.container !== undefined;
        return [
          {
            rule: 'django-dev-server',
            severity: 'warning' as const,
            message: t.message({
              app: nodeName(app),
              reaching: reaching.map((link) => nodeName(sourceOf(link))),
            }),
            nodes: [app.id, ...reaching.map((link) => link.source)],
            edges: reaching.map((link) => link.id),
            ...(fixable
              ? {
                  fix: {
                    label: fixLabel(t, current, app),
                    apply: (next: Design) => putWsgiServerInFront(next, app.id),
                  },
                }
              : {}),
          },
        ];
      });
  },
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
