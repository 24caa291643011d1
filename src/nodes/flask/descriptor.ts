import { checkPort, checkPythonName, checkRoute } from '../../model/fields';
import { defineKind } from '../types';

export interface FlaskProps {
  module: string;
  callable: string;
  port: number;
  staticRoute: string;
}

/** Empty (nginx serves no static files), or a route ending in "/" (nginx's alias needs both slashes). */
function checkStaticRoute(value: string): string | null {
  if (value === '') return null;
  const problem = checkRoute(value);
  if (problem) return problem;
  if (!value.endsWith('/')) return `the static route must end with "/" (so must nginx's alias): ${value}/`;
  return null;
}

export const flaskDescriptor = defineKind<'flask', FlaskProps>({
  kind: 'flask',
  label: 'Flask',
  icon: 'flask',
  category: 'app',
  roles: ['app'],
  role: 'The cook: the Python web application with the routes and the business logic.',
  doc: 'Flask is a WSGI application, not a server. Its built-in Werkzeug server is for development only: one process, no protection against slow clients, no worker management. In production a WSGI server (Gunicorn or uWSGI) imports `module:callable` and runs it.',
  summary: (props) => `${props.module}:${props.callable}`,
  props: {
    module: {
      type: 'string',
      label: 'Module',
      doc: 'The Python module that holds the app, dotted (`app`, `shop.api`). Gunicorn loads `module:callable`.',
      default: 'app',
      rule: { id: 'invalid-python-name', check: (value: string) => checkPythonName(value, true) },
    },
    callable: {
      type: 'string',
      label: 'Callable',
      doc: 'The name of the Flask object inside the module (`app`, `application`).',
      default: 'app',
      rule: { id: 'invalid-python-name', check: (value: string) => checkPythonName(value, false) },
    },
    port: {
      type: 'number',
      label: 'Dev server port',
      doc: 'Only used when no WSGI server runs the app: the port of the Flask development server (nginx proxies to it).',
      default: 5000,
      rule: { id: 'invalid-port', check: (value: number) => checkPort(value) },
    },
    staticRoute: {
      type: 'string',
      label: 'Static route',
      doc: 'The URL prefix of the app’s `static/` folder (`/static/`), or empty for none. nginx serves the folder under this route itself, with long cache headers, without waking a worker; the container copies it where nginx reads it when it starts.',
      default: '',
      rule: { id: 'invalid-route', check: (value: string) => checkStaticRoute(value) },
    },
  },
  defaultContainer: 'app',
  handles: { target: true, source: true },
  devServer: (props) => ({ kind: 'tcp', port: props.port }),
  staticRoute: (props) => props.staticRoute || null,
  noun: 'a Flask app',
  nounKo: 'Flask 앱',
  upstream: { name: 'the Flask dev server', nameKo: 'Flask 개발 서버', protocol: 'http' },
});
