/**
 * The Django project a `django` node exports: manage.py, the project package (settings, urls, wsgi),
 * an app with a model, its migration and a JSON API, a static file, pytest tests and the lint config.
 * Every user value reaches the Python text through the serializers (string literals, identifiers),
 * never as raw text. The code runs on Django 3.2 (Debian's, in the tests) and on the pinned 4.2.
 */
import { TOOLING_COMMENTS, type ToolingComments } from '../toolingComments';
import { pyIdentifier, pyInt, pyString } from '../../exporters/serializers/python';
import type { Lang } from '../../i18n/lang';
import { walSwitchLines } from '../sqliteWal';
import { DJANGO_COMMENTS, commentBlock, type DjangoComments } from './comments';
import {
  checkAbsolutePath,
  checkDjangoProjectName,
  checkPort,
  checkPythonName,
  checkRoute,
  checkServerName,
} from '../../model/fields';
import {
  PYTHON_DEV_PINNED,
  PYTHON_LINE_LENGTH as SHARED_LINE_LENGTH,
  lintAndTestConfig,
} from '../pythonTooling';

/** What the nginx in front does about HTTPS, so Django does not do it twice. */
export interface NginxHttps {
  /** Plain HTTP answers 301 to HTTPS. */
  redirectHttp: boolean;
  /** nginx sends Strict-Transport-Security. */
  hsts: boolean;
}

export interface DjangoProjectInput {
  /** The project package (the `project` prop): settings.py, urls.py and wsgi.py live in it. */
  project: string;
  /** The app with the Item model and the API views (default "items"). */
  appLabel?: string;
  /**
   * URL prefixes the API answers under, each starting and ending with "/" (health at BASE + "health"),
   * like a Flask app's apiBases: nginx passes the request path unchanged. Default ["/api/"].
   */
  apiBases?: readonly string[];
  /** The SQLite file (null: no database, so no items endpoints and nothing to migrate). */
  databasePath: string | null;
  /** STATIC_URL, the nginx route of the collected files (the `staticRoute` prop, ending with "/"). */
  staticRoute: string;
  /** STATIC_ROOT, where collectstatic writes (absolute; null or missing: `staticfiles/` beside manage.py). */
  staticRoot?: string | null;
  /** The `serverName` of each nginx that reaches the app (each may hold several space-separated names). */
  serverNames: readonly string[];
  /** The port browsers use at nginx (its listen or HTTPS port); missing: the scheme's default port. */
  publicPort?: number | null;
  /** nginx stands in front and sets X-Forwarded-Proto / X-Forwarded-Host. */
  behindProxy: boolean;
  /** nginx terminates HTTPS (its `tls` is not "off"): whether it redirects plain HTTP and sends HSTS; null: no HTTPS. */
  tls: NginxHttps | null;
  /** Pinned requirement lines of the WSGI server (empty or missing: runserver, none). */
  serverRequirements?: readonly string[];
  /** The language of the comments that explain a choice (default English). */
  lang?: Lang;
}

/** Exact versions of Django and what it needs at run time (Django 4.2 LTS). */
export const DJANGO_PINNED = ['Django==4.2.20', 'asgiref==3.8.1', 'sqlparse==0.5.3'];

/** Test and lint tools with what they need, pinned apart from the image's requirements. */
export const DJANGO_DEV_PINNED = PYTHON_DEV_PINNED;

/** The line length black and flake8 share (black's default). */
export const PYTHON_LINE_LENGTH = SHARED_LINE_LENGTH;

/** Where Gunicorn and uWSGI find the project: `<project>.wsgi:application`. */
export function djangoWsgiEntry(project: string): { module: string; callable: string } {
  return { module: `${projectName(project)}.wsgi`, callable: 'application' };
}

export type DjangoServer =
  { kind: 'gunicorn' } | { kind: 'uwsgi' } | { kind: 'runserver'; port: number; host?: string };

/**
 * The container command. `manage.py prestart` applies the migrations and collects the static files
 * once per container start, before the server forks its workers (so they never race over the schema);
 * then the shell execs the server, which receives the stop signal itself. The script is constant: the
 * server's words follow it as positional arguments, so no value is ever parsed by the shell.
 */
export function djangoStartCommand(project: string, server: DjangoServer): string[] {
  return ['sh', '-c', 'python manage.py prestart && exec "$@"', 'prestart', ...serverWords(project, server)];
}

/** The server's own command line, without the start-up (a host's unit runs the start-up apart). */
export function serverWords(project: string, server: DjangoServer): string[] {
  const entry = djangoWsgiEntry(project);
  switch (server.kind) {
    case 'gunicorn':
      return ['gunicorn', '--config', 'gunicorn.conf.py', `${entry.module}:${entry.callable}`];
    case 'uwsgi':
      return ['uwsgi', '--ini', 'uwsgi.ini'];
    case 'runserver':
      return [
        'python',
        'manage.py',
        'runserver',
        '--noreload',
        `${server.host ?? '0.0.0.0'}:${pyInt(checkedPort(server.port))}`,
      ];
  }
}

/** The files of the project, keyed by path relative to the service folder. */
export function renderDjangoProject(input: DjangoProjectInput): Record<string, string> {
  const project = projectName(input.project);
  const app = appName(input.appLabel ?? 'items', project);
  const bases = (input.apiBases ?? ['/api/']).map(checkedBase);
  if (bases.length === 0) throw new Error('django: at least one API base is needed');
  const database = input.databasePath === null ? null : checkedPath(input.databasePath);
  const comments = DJANGO_COMMENTS[input.lang ?? 'en'];
  const tooling = TOOLING_COMMENTS[input.lang ?? 'en'];
  const files: Record<string, string> = {
    'manage.py': renderManage(project),
    [`${project}/__init__.py`]: `"""The Django project package: settings, URL routes and the WSGI entry."""\n`,
    [`${project}/settings.py`]: renderSettings(input, project, app, database, comments),
    [`${project}/urls.py`]: renderUrls(app, bases, database !== null),
    [`${project}/wsgi.py`]: renderWsgi(project),
    [`${app}/__init__.py`]: `"""The app that serves the JSON API and stores the items."""\n`,
    [`${app}/apps.py`]: renderApps(app),
    [`${app}/models.py`]: MODELS,
    [`${app}/views.py`]: VIEWS[input.lang ?? 'en'],
    [`${app}/migrations/__init__.py`]: '',
    [`${app}/migrations/0001_initial.py`]: migration(tooling),
    [`${app}/management/__init__.py`]: '',
    [`${app}/management/commands/__init__.py`]: '',
    [`${app}/management/commands/prestart.py`]: PRESTART,
    [`${app}/static/${app}/app.css`]: APP_CSS,
    'conftest.py': renderConftest(project, database !== null, tooling),
    'tests/__init__.py': '',
    'tests/test_api.py': renderTests(app, bases, database !== null, tooling),
    ...lintAndTestConfig(input.lang ?? 'en', { folder: 'staticfiles', alsoFromBlack: true }),
    'requirements.txt': renderRequirements(input.serverRequirements ?? [], tooling),
    'requirements-dev.txt': requirementsDev(tooling),
  };
  return files;
}

// ---------------------------------------------------------------------------------------------
// Checks: the values come validated, but the generator refuses anything that would not be code.

function projectName(value: string): string {
  const problem = checkDjangoProjectName(value);
  if (problem) throw new Error(`django: refusing project ${JSON.stringify(value)}: ${problem}`);
  return pyIdentifier(value);
}

function appName(value: string, project: string): string {
  const problem = checkPythonName(value, false);
  if (problem) throw new Error(`django: refusing app label ${JSON.stringify(value)}: ${problem}`);
  if (value === project) throw new Error(`django: the app label must differ from the project (${value})`);
  return pyIdentifier(value);
}

function checkedBase(base: string): string {
  const problem = checkRoute(base) ?? (base.endsWith('/') ? null : 'an API base must end with "/"');
  if (problem) throw new Error(`django: refusing API base ${JSON.stringify(base)}: ${problem}`);
  return base;
}

function checkedPath(path: string): string {
  const problem = checkAbsolutePath(path);
  if (problem) throw new Error(`django: refusing path ${JSON.stringify(path)}: ${problem}`);
  return path;
}

function checkedPort(port: number): number {
  const problem = checkPort(port);
  if (problem) throw new Error(`django: refusing port: ${problem}`);
  return port;
}

// ---------------------------------------------------------------------------------------------
// Formatting: the text is what black writes, so `black --check` and flake8 pass with the shipped config.

/** A line longer than black and flake8 allow can only hold one long literal: flake8 is told so. */
function fit(line: string): string {
  return line.length > PYTHON_LINE_LENGTH ? `${line}  # noqa: E501` : line;
}

/** A list of literals, one per line with a trailing comma (black keeps that layout as written). */
function pyList(indent: string, literals: readonly string[]): string {
  if (literals.length === 0) return '[]';
  return ['[', ...literals.map((literal) => fit(`${indent}    ${literal},`)), `${indent}]`].join('\n');
}

// ---------------------------------------------------------------------------------------------
// The project package.

function renderManage(project: string): string {
  return `#!/usr/bin/env python
"""Django's command-line utility: migrate, collectstatic, check, runserver ..."""
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", ${pyString(`${project}.settings`)})
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
`;
}

function renderWsgi(project: string): string {
  return `"""WSGI entry point: Gunicorn and uWSGI load \`${project}.wsgi:application\`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", ${pyString(`${project}.settings`)})

application = get_wsgi_application()
`;
}

function renderUrls(app: string, bases: readonly string[], withItems: boolean): string {
  const routes: string[] = [];
  for (const base of bases) {
    // Django matches the path without its leading slash.
    const prefix = base.slice(1);
    routes.push(route(`${prefix}health`, 'views.health'));
    if (withItems) routes.push(route(`${prefix}items`, 'views.items'));
  }
  return `"""URL routes: the JSON API under each prefix nginx forwards (paths come unchanged)."""

from django.urls import path

from ${app} import views

urlpatterns = [
${routes.join('\n')}
]
`;
}

/** One urlpatterns entry, on one line when it fits, else one argument per line as black splits it. */
function route(pattern: string, view: string): string {
  const line = `    path(${pyString(pattern)}, ${view}),`;
  if (line.length <= PYTHON_LINE_LENGTH) return line;
  return ['    path(', fit(`        ${pyString(pattern)},`), `        ${view},`, '    ),'].join('\n');
}

interface HostSettings {
  allowedHosts: string[];
  /** CSRF_TRUSTED_ORIGINS as Django 4 wants them (scheme://host[:port]). */
  origins: string[];
  /** The same for Django 3.2 (host[:port], ".example.com" for a wildcard). */
  originsDjango3: string[];
  anyHost: boolean;
}

/** ALLOWED_HOSTS and CSRF_TRUSTED_ORIGINS from nginx's server names. */
export function djangoHosts(
  serverNames: readonly string[],
  tls: boolean,
  publicPort: number | null = null,
): HostSettings {
  const names: string[] = [];
  for (const serverName of serverNames) {
    const problem = checkServerName(serverName);
    if (problem) throw new Error(`django: refusing server name ${JSON.stringify(serverName)}: ${problem}`);
    for (const name of serverName.split(' ')) if (!names.includes(name)) names.push(name);
  }
  const anyHost = names.includes('_');
  // Django's pattern ".example.com" matches example.com and every subdomain, like nginx's "*.example.com".
  const hosts = names.filter((name) => name !== '_').map((name) => name.replace(/^\*\./, '.').toLowerCase());
  const scheme = tls ? 'https' : 'http';
  const defaultPort = tls ? 443 : 80;
  const port = publicPort === null || publicPort === defaultPort ? '' : `:${checkedPort(publicPort)}`;
  // The container healthcheck asks the server directly, as localhost.
  const local = ['localhost', '127.0.0.1', '[::1]'];
  return {
    allowedHosts: anyHost ? ['*'] : unique([...local, ...hosts]),
    origins: hosts.map((host) => `${scheme}://${host.startsWith('.') ? `*${host}` : host}${port}`),
    originsDjango3: hosts.map((host) => `${host}${port}`),
    anyHost,
  };
}

function unique(values: string[]): string[] {
  return values.filter((value, index) => values.indexOf(value) === index);
}

function renderSettings(
  input: DjangoProjectInput,
  project: string,
  app: string,
  database: string | null,
  comments: DjangoComments,
): string {
  const hosts = djangoHosts(input.serverNames, input.tls !== null, input.publicPort ?? null);
  const staticRoute = checkedBase(input.staticRoute);
  const staticRoot = input.staticRoot ? checkedPath(input.staticRoot) : null;
  const parts = [
    `"""Django settings of the project ${project}, generated by StackSketch.

Production defaults: DEBUG off, SECRET_KEY from the environment (the project refuses
to start without it), the host names nginx answers to, SQLite in WAL mode with a busy
timeout, static files collected for nginx to serve, logs on stdout.
"""

import os
from pathlib import Path
${hosts.origins.length > 0 ? '\nimport django' : ''}
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

${commentBlock(comments.secretKey)}
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is not set: put a long random value in .env (see .env.example)"
    )

DEBUG = False
`,
    hosts.anyHost ? commentBlock(comments.anyHost) : commentBlock(comments.allowedHosts),
    `ALLOWED_HOSTS = ${pyList('', hosts.allowedHosts.map(pyString))}
if os.environ.get("ALLOWED_HOSTS"):
    ALLOWED_HOSTS = [
        host.strip() for host in os.environ["ALLOWED_HOSTS"].split(",") if host.strip()
    ]
`,
    renderCsrfOrigins(hosts, comments),
  ];
  if (input.behindProxy)
    parts.push(`${commentBlock(comments.behindProxy)}
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
USE_X_FORWARDED_HOST = True
`);
  if (input.tls) parts.push(httpsSettings(input.tls, comments));
  parts.push(
    `INSTALLED_APPS = [
    "django.contrib.staticfiles",
    ${pyString(app)},
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = ${pyString(`${project}.urls`)}
WSGI_APPLICATION = ${pyString(`${project}.wsgi.application`)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
`,
    database === null
      ? `${commentBlock(comments.noDatabase)}
DATABASES = {}
`
      : `${commentBlock(comments.database)}
${fit(`DEFAULT_DATABASE_PATH = ${pyString(database)}`)}
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("DATABASE_PATH") or DEFAULT_DATABASE_PATH,
        "OPTIONS": {"timeout": 5},
        "CONN_MAX_AGE": 60,
    }
}
`,
    `${commentBlock(comments.staticFiles)}
${fit(`STATIC_URL = ${pyString(staticRoute)}`)}
${staticRootLines(staticRoot)}
`,
    `${commentBlock(comments.logging)}
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "plain",
        },
    },
    "root": {"handlers": ["stdout"], "level": "INFO"},
}
`,
  );
  return parts.join('\n');
}

/**
 * HTTPS ends at nginx: cookies travel over HTTPS only. What nginx does itself (the redirect of plain
 * HTTP, the HSTS header) Django leaves to it, and its deploy check is told so; what nginx does not
 * do stays a warning of `manage.py check --deploy`.
 */
function httpsSettings(tls: NginxHttps, comments: DjangoComments): string {
  const byNginx = [...(tls.hsts ? ['security.W004'] : []), ...(tls.redirectHttp ? ['security.W008'] : [])];
  const byNginxComment =
    tls.hsts && tls.redirectHttp
      ? comments.sendsHstsAndRedirects
      : tls.hsts
        ? comments.sendsHsts
        : comments.redirectsHttp;
  const lines = [
    commentBlock([comments.secureCookies]),
    'SESSION_COOKIE_SECURE = True',
    'CSRF_COOKIE_SECURE = True',
  ];
  if (byNginx.length > 0)
    lines.push(
      commentBlock([byNginxComment]),
      `SILENCED_SYSTEM_CHECKS = [${byNginx.map((id) => pyString(id)).join(', ')}]`,
    );
  return `${lines.join('\n')}\n`;
}

/** STATIC_ROOT: the environment's, else the design's folder, else staticfiles/ beside manage.py. */
function staticRootLines(staticRoot: string | null): string {
  if (staticRoot === null)
    return 'STATIC_ROOT = os.environ.get("STATIC_ROOT") or str(BASE_DIR / "staticfiles")';
  return [
    fit(`DEFAULT_STATIC_ROOT = ${pyString(staticRoot)}`),
    'STATIC_ROOT = os.environ.get("STATIC_ROOT") or DEFAULT_STATIC_ROOT',
  ].join('\n');
}

function renderCsrfOrigins(hosts: HostSettings, comments: DjangoComments): string {
  const comment = commentBlock([comments.csrfOrigins]);
  if (hosts.origins.length === 0) return `${comment}\nCSRF_TRUSTED_ORIGINS = []\n`;
  return `${comment}
${commentBlock([comments.csrfOriginForm])}
if django.VERSION >= (4, 0):
    CSRF_TRUSTED_ORIGINS = ${pyList('    ', hosts.origins.map(pyString))}
else:
    CSRF_TRUSTED_ORIGINS = ${pyList('    ', hosts.originsDjango3.map(pyString))}
`;
}

// ---------------------------------------------------------------------------------------------
// The app.

/** "shop_items" → "ShopItemsConfig", the name startapp would give the AppConfig. */
function configClassName(app: string): string {
  const words = app.split('_').filter((word) => word !== '');
  return pyIdentifier(`${words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('')}Config`);
}

function renderApps(app: string): string {
  return `import time

from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.utils import OperationalError


def configure_sqlite(sender, connection, **kwargs):
    """WAL lets readers work while one worker writes; busy_timeout queues writers.

    Switching to WAL needs the file to itself, and SQLite refuses at once instead of
    waiting: workers starting together retry until one of them has switched it.
    """
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA busy_timeout = 5000")
${walSwitchLines({ indent: '            ', execute: 'cursor.execute', error: 'OperationalError', done: 'break' }).join('\n')}


class ${configClassName(app)}(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = ${pyString(app)}

    def ready(self):
        connection_created.connect(configure_sqlite)
`;
}

const MODELS = `from django.db import models


class Item(models.Model):
    name = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.name
`;

/** As \`makemigrations\` writes it (Django 3.2 to 4.2, formatted by black), without the date line. */
const migration = (c: ToolingComments): string => `# ${c.migration}

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Item",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                ("name", models.CharField(max_length=200)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
            ],
        ),
    ]
`;

const views = (
  comments: DjangoComments,
): string => `"""The JSON API: GET health, GET items (newest first), POST items {"name": "..."}."""

import json
import os
import socket

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from .models import Item

${commentBlock([comments.instance])}
INSTANCE = os.environ.get("INSTANCE") or socket.gethostname()
NAME_MAX = Item._meta.get_field("name").max_length
BAD_INPUT = 'send JSON like {"name": "..."} (1 to %d characters)' % NAME_MAX


def has_database():
    return connection.settings_dict["ENGINE"] != "django.db.backends.dummy"


@require_safe
def health(request):
    if has_database():
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
        except DatabaseError as error:
            return JsonResponse(
                {"status": "error", "detail": str(error), "instance": INSTANCE},
                status=503,
            )
    return JsonResponse({"status": "ok", "framework": "django", "instance": INSTANCE})


def as_json(item):
    return {"id": item.id, "name": item.name, "created_at": item.created_at.isoformat()}


${commentBlock([comments.csrfExempt])}
@csrf_exempt
@require_http_methods(["GET", "POST"])
def items(request):
    if request.method == "POST":
        return create_item(request)
    newest = Item.objects.order_by("-id")[:100]
    return JsonResponse({"items": [as_json(item) for item in newest]})


def create_item(request):
    try:
        payload = json.loads(request.body)
    except ValueError:
        return JsonResponse({"error": BAD_INPUT}, status=400)
    name = payload.get("name") if isinstance(payload, dict) else None
    if not isinstance(name, str) or not name.strip() or len(name) > NAME_MAX:
        return JsonResponse({"error": BAD_INPUT}, status=400)
    item = Item.objects.create(name=name.strip())
    return JsonResponse(as_json(item), status=201)
`;

const VIEWS: Readonly<Record<Lang, string>> = {
  en: views(DJANGO_COMMENTS.en),
  ko: views(DJANGO_COMMENTS.ko),
};

const PRESTART = `"""Prepare a container start: apply the migrations, then collect the static files.

The container command runs this once, before Gunicorn or uWSGI fork their workers, so
the workers never race over the schema. Replicas of one container that start together
take turns: the steps run while holding a lock file beside the database (or in
STATIC_ROOT when there is none).
"""

import fcntl
import os

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection


class Command(BaseCommand):
    help = "Apply migrations and collect static files, one container at a time."

    def handle(self, *args, **options):
        has_database = connection.settings_dict["ENGINE"] != "django.db.backends.dummy"
        if has_database:
            lock_folder = os.path.dirname(str(settings.DATABASES["default"]["NAME"]))
        else:
            lock_folder = str(settings.STATIC_ROOT)
        os.makedirs(lock_folder, exist_ok=True)
        with open(os.path.join(lock_folder, ".prestart.lock"), "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            verbosity = options["verbosity"]
            if has_database:
                call_command("migrate", interactive=False, verbosity=verbosity)
            call_command("collectstatic", interactive=False, verbosity=verbosity)
`;

const APP_CSS = `/* Served by nginx from STATIC_ROOT after collectstatic; Django never sees the request. */
body {
  font-family: system-ui, sans-serif;
  margin: 2rem auto;
  max-width: 40rem;
}
`;

// ---------------------------------------------------------------------------------------------
// Tests and tooling.

function renderConftest(project: string, withDatabase: boolean, c: ToolingComments): string {
  const migrate = withDatabase
    ? `    from django.core.management import call_command

    call_command("migrate", verbosity=0)
`
    : '';
  return `"""Test set-up without pytest-django: the project's settings, a temporary SQLite file.

SECRET_KEY here is for the tests only; outside them the project refuses to start
without one.
"""

import os
import secrets
import shutil
import tempfile

import django

SCRATCH = tempfile.mkdtemp(prefix="django-tests-")


def pytest_configure(config):
    os.environ["DJANGO_SETTINGS_MODULE"] = ${pyString(`${project}.settings`)}
    os.environ["DATABASE_PATH"] = os.path.join(SCRATCH, "test.db")
    os.environ["STATIC_ROOT"] = os.path.join(SCRATCH, "static")
    os.environ.setdefault("SECRET_KEY", secrets.token_hex(32))
    django.setup()
    from django.test.utils import setup_test_environment

    # ${c.testEnvironment}
    setup_test_environment()
${migrate}

def pytest_unconfigure(config):
    shutil.rmtree(SCRATCH, ignore_errors=True)
`;
}

function renderTests(app: string, bases: readonly string[], withItems: boolean, c: ToolingComments): string {
  const head = `"""Tests of the JSON API with Django's test client (run: python -m pytest)."""
${withItems ? '\nimport json' : ''}
import os
import subprocess
import sys

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

API_BASES = ${pyList('', bases.map(pyString))}


@pytest.fixture
def client():
    return Client()


@pytest.fixture(params=API_BASES)
def api(request):
    return request.param


def post_json(client, url, body):
    return client.post(url, data=body, content_type="application/json")


def test_health(client, api):
    response = client.get(api + "health")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    # ${c.instanceTest}
    assert response.json()["instance"]


def test_static_file_is_collected():
    assert finders.find(${pyString(`${app}/app.css`)})


def test_refuses_to_start_without_secret_key():
    environment = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    started = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=environment,
        cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
        capture_output=True,
        text=True,
    )
    assert started.returncode != 0
    assert "SECRET_KEY is not set" in started.stderr
`;
  if (!withItems)
    return `${head}

def test_no_items_without_a_database(client, api):
    assert client.get(api + "items").status_code == 404
`;
  return `${head}

def test_post_then_get(client, api):
    created = post_json(client, api + "items", json.dumps({"name": "  tea  "}))
    assert created.status_code == 201
    assert created.json()["name"] == "tea"
    listed = client.get(api + "items")
    assert listed.status_code == 200
    assert listed.json()["items"][0] == created.json()


@pytest.mark.parametrize(
    "body",
    [
        "not json",
        "",
        json.dumps(["tea"]),
        json.dumps({}),
        json.dumps({"name": ""}),
        json.dumps({"name": "   "}),
        json.dumps({"name": 5}),
        json.dumps({"name": "x" * 201}),
    ],
)
def test_bad_input_is_refused(client, api, body):
    response = post_json(client, api + "items", body)
    assert response.status_code == 400
    assert "error" in response.json()


def test_other_methods_are_refused(client, api):
    assert client.delete(api + "items").status_code == 405
`;
}

function renderRequirements(server: readonly string[], c: ToolingComments): string {
  return [`# ${c.requirements}`, ...DJANGO_PINNED, ...server, ''].join('\n');
}

const requirementsDev = (c: ToolingComments): string =>
  [`# ${c.devRequirements}`, '-r requirements.txt', ...DJANGO_DEV_PINNED, ''].join('\n');
