import type { PlannedApp, PythonProcess } from '../../exporters/planTypes';
import { docText } from '../docText';
import type { KindPlanPart } from '../planParts';
import type { DjangoProps } from './descriptor';
import type { Lang } from '../../i18n/lang';
import { projectExplanationsKo } from './ko';
import {
  DJANGO_PINNED,
  djangoStartCommand,
  djangoWsgiEntry,
  renderDjangoProject,
  serverWords,
  type DjangoServer,
  type NginxHttps,
} from './project';

/** Where collectstatic writes: a named volume nginx mounts read-only and serves under the static route. */
export const DJANGO_STATIC_ROOT = '/srv/static';

const DEFAULT_PROJECT = 'mysite';

/** Gathers every app's static files into STATIC_ROOT, without a question. */
const COLLECTSTATIC = ['python', 'manage.py', 'collectstatic', '--noinput'];

function projectOf(app: PlannedApp): string {
  const project = app.settings.project;
  return typeof project === 'string' ? project : DEFAULT_PROJECT;
}

function staticRouteOf(app: PlannedApp): string {
  const route = app.settings.staticRoute;
  return typeof route === 'string' && route !== '' ? route : '/static/';
}

/** The server the container runs: the WSGI server's own words, or runserver on the dev port. */
function serverOf(process: PythonProcess, host?: string): DjangoServer {
  if (process.role === 'dev-server') {
    if (process.bind.kind !== 'tcp') throw new Error('a development server listens on a TCP port');
    return host
      ? { kind: 'runserver', port: process.bind.port, host }
      : { kind: 'runserver', port: process.bind.port };
  }
  switch (process.kind) {
    case 'gunicorn':
      return { kind: 'gunicorn' };
    case 'uwsgi':
      return { kind: 'uwsgi' };
    default:
      throw new Error(`django: no start command for a ${process.kind} server`);
  }
}

/**
 * HTTPS as the browser sees it: only when every nginx in front serves it (a cookie marked Secure would
 * never come back over a plain-HTTP front door); Django leaves the redirect and HSTS to nginx when all
 * of them do it.
 */
function httpsOf(app: PlannedApp): NginxHttps | null {
  const doors = app.frontDoors;
  if (doors.length === 0 || !doors.every((door) => door.tls)) return null;
  return {
    redirectHttp: doors.every((door) => door.tls!.redirectHttp),
    hsts: doors.every((door) => door.tls!.hsts),
  };
}

function renderFiles(
  app: PlannedApp,
  serverRequirements: readonly string[],
  lang: Lang,
): Record<string, string> {
  const tls = httpsOf(app);
  const publicPorts = [...new Set(app.frontDoors.map((door) => (tls ? door.tls!.port : door.listen)))];
  return renderDjangoProject({
    project: projectOf(app),
    apiBases: app.apiBases,
    databasePath: app.database,
    staticRoute: staticRouteOf(app),
    staticRoot: app.staticRoot ?? DJANGO_STATIC_ROOT,
    // No nginx in front: clients reach the server by whatever name or address they use.
    serverNames: app.frontDoors.length > 0 ? app.frontDoors.map((door) => door.serverName) : ['_'],
    // One port for every front door, or the scheme's default when they differ.
    publicPort: publicPorts.length === 1 ? publicPorts[0]! : null,
    behindProxy: app.frontDoors.length > 0,
    tls,
    serverRequirements,
    lang,
  });
}

const TESTS =
  "pytest tests of the API with Django's test client and a temporary SQLite file (`make test`); conftest.py sets them up.";
const LINT_CONFIG =
  "flake8 settings in setup.cfg (`make lint`), black's (`make format`) and pytest's in pyproject.toml, with one line length.";

function explanations(app: PlannedApp): [path: string, explanation: string][] {
  const project = projectOf(app);
  return [
    [
      'manage.py',
      `Django's command line. The container runs \`python manage.py prestart\` first (migrate, then collectstatic into ${DJANGO_STATIC_ROOT}, under a file lock so several containers take turns), then the server.`,
    ],
    [
      `${project}/`,
      `The Django project of node ${docText(app.node)}: settings.py (DEBUG off, SECRET_KEY from the environment, ALLOWED_HOSTS from the nginx server names, SQLite${app.database ? ` at ${app.database}` : ''}, STATIC_ROOT), urls.py and wsgi.py (\`${project}.wsgi:application\`, what the server loads).`,
    ],
    [
      'items/',
      'The app: the Item model, its migration, the JSON views (health, GET and POST items; 400 on bad input), the prestart command and a static file.',
    ],
    ['tests/', TESTS],
    ['conftest.py', TESTS],
    ['setup.cfg', LINT_CONFIG],
    ['pyproject.toml', LINT_CONFIG],
    ['requirements-dev.txt', "The test and lint tools, pinned apart from the image's requirements."],
  ];
}

/** Django: a whole project (settings, urls, wsgi, an app with a model and its migration, tests). */
export const djangoPlan: KindPlanPart<DjangoProps> = {
  app: {
    entry: (props) => djangoWsgiEntry(props?.project ?? DEFAULT_PROJECT),
    requirements: DJANGO_PINNED,
    renderApp: () => {
      throw new Error("a Django app is written as a whole project (its plan part's project files)");
    },
    renderWsgiEntry: () => {
      throw new Error('a Django project is its own WSGI entry (<project>.wsgi:application)');
    },
    explanation: (app) =>
      `The WSGI entry of the Django project: \`${projectOf(app)}.wsgi:application\`, what the server imports.`,
    devCommand: (app, port) => djangoStartCommand(projectOf(app), { kind: 'runserver', port }),
    devSummary: "Django's development server (`manage.py runserver`)",
    project: {
      files: renderFiles,
      command: (app, process) => djangoStartCommand(projectOf(app), serverOf(process)),
      explanations,
      explanationsKo: (app) =>
        projectExplanationsKo(projectOf(app), app.database, app.staticRoot ?? DJANGO_STATIC_ROOT),
      serverCommand: (app, process, host) => serverWords(projectOf(app), serverOf(process, host)),
      hostSetup: {
        asRoot: [COLLECTSTATIC],
        asService: [['python', 'manage.py', 'migrate', '--noinput']],
      },
    },
    debianPackages: ['python3-django'],
    collectFolder: () => DJANGO_STATIC_ROOT,
    collectCommand: () => [...COLLECTSTATIC],
    staticFiles: (props) =>
      props.staticRoute
        ? { route: props.staticRoute, folder: `${DJANGO_STATIC_ROOT}/`, probeFile: 'items/app.css' }
        : null,
  },
};
