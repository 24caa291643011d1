import { checkDjangoProjectName, checkPort, checkRoute } from '../../model/fields';
import { defineKind } from '../types';

export interface DjangoProps {
  project: string;
  port: number;
  staticRoute: string;
}

/** A route that is also a valid STATIC_URL: Django refuses one that does not end in a slash. */
function checkStaticRoute(value: string): string | null {
  // Empty: nginx serves no static files (Django still collects them under /static/).
  if (value === '') return null;
  const problem = checkRoute(value);
  if (problem) return problem;
  if (!value.endsWith('/')) return `the static route must end with "/" (Django's STATIC_URL does): ${value}/`;
  return null;
}

export const djangoDescriptor = defineKind<'django', DjangoProps>({
  kind: 'django',
  label: 'Django',
  icon: 'django',
  category: 'app',
  roles: ['app'],
  role: 'The cook: the Django project with the models, the views and the business logic; with Gunicorn or uWSGI it forms the WAS.',
  doc: 'Django is a WSGI application, not a server: Gunicorn or uWSGI imports `<project>.wsgi:application` in the same container, and only together do they make a web application server. `manage.py runserver` is for development only: one process, no protection against slow clients, no worker management. nginx in front serves the collected static files itself, fast, and passes the rest on.',
  props: {
    project: {
      type: 'string',
      label: 'Project',
      doc: 'The Django project package (`mysite`): it holds settings.py, urls.py and wsgi.py, and the WSGI entry is `<project>.wsgi:application`. It must not be named after a module the project imports (`django`, `site`, `test` …), or that module would load the project instead.',
      default: 'mysite',
      rule: { id: 'invalid-python-name', check: (value: string) => checkDjangoProjectName(value) },
    },
    port: {
      type: 'number',
      label: 'Dev server port',
      doc: 'Only used when no WSGI server runs the project: the port of `manage.py runserver` (nginx proxies to it).',
      default: 8000,
      rule: { id: 'invalid-port', check: (value: number) => checkPort(value) },
    },
    staticRoute: {
      type: 'string',
      label: 'Static route',
      doc: 'The URL prefix of the static files (`STATIC_URL`): `collectstatic` gathers them into `STATIC_ROOT` and nginx serves that folder under this route, with long cache headers, without waking a worker.',
      default: '/static/',
      rule: { id: 'invalid-route', check: (value: string) => checkStaticRoute(value) },
    },
  },
  defaultContainer: 'app',
  handles: { target: true, source: true },
  devServer: (props) => ({ kind: 'tcp', port: props.port }),
  staticRoute: (props) => props.staticRoute || null,
  summary: (props) => `${props.project}.wsgi`,
  noun: 'a Django app',
  nounKo: 'Django 앱',
  upstream: { name: 'the Django dev server', nameKo: 'Django 개발 서버', protocol: 'http' },
});
