import { describe, expect, it } from 'vitest';
import {
  djangoHosts,
  djangoStartCommand,
  djangoWsgiEntry,
  renderDjangoProject,
  type DjangoProjectInput,
} from './project';

const BASE: DjangoProjectInput = {
  project: 'mysite',
  databasePath: '/data/app.db',
  staticRoute: '/static/',
  serverNames: ['localhost'],
  behindProxy: true,
  tls: null,
};

const settingsOf = (input: Partial<DjangoProjectInput>) =>
  renderDjangoProject({ ...BASE, ...input })[`${input.project ?? 'mysite'}/settings.py`]!;

describe('renderDjangoProject', () => {
  it('writes a whole project: manage.py, the project package, the app, tests and tooling', () => {
    expect(Object.keys(renderDjangoProject(BASE)).sort()).toEqual([
      'conftest.py',
      'items/__init__.py',
      'items/apps.py',
      'items/management/__init__.py',
      'items/management/commands/__init__.py',
      'items/management/commands/prestart.py',
      'items/migrations/0001_initial.py',
      'items/migrations/__init__.py',
      'items/models.py',
      'items/static/items/app.css',
      'items/views.py',
      'manage.py',
      'mysite/__init__.py',
      'mysite/settings.py',
      'mysite/urls.py',
      'mysite/wsgi.py',
      'pyproject.toml',
      'requirements-dev.txt',
      'requirements.txt',
      'setup.cfg',
      'tests/__init__.py',
      'tests/test_api.py',
    ]);
  });

  it('names the project and the app everywhere they are imported', () => {
    const files = renderDjangoProject({ ...BASE, project: 'shop_site', appLabel: 'shop_items' });
    expect(files['manage.py']).toContain(
      'os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop_site.settings")',
    );
    expect(files['shop_site/wsgi.py']).toContain('"shop_site.settings"');
    expect(files['shop_site/settings.py']).toContain('ROOT_URLCONF = "shop_site.urls"');
    expect(files['shop_site/settings.py']).toContain('WSGI_APPLICATION = "shop_site.wsgi.application"');
    expect(files['shop_site/settings.py']).toMatch(
      /INSTALLED_APPS = \[\n {4}"django.contrib.staticfiles",\n {4}"shop_items",\n\]/,
    );
    expect(files['shop_site/urls.py']).toContain('from shop_items import views');
    expect(files['shop_items/apps.py']).toContain('class ShopItemsConfig(AppConfig):');
    expect(files['shop_items/static/shop_items/app.css']).toContain('body');
    expect(files['conftest.py']).toContain('"shop_site.settings"');
    expect(files['tests/test_api.py']).toContain('finders.find("shop_items/app.css")');
  });

  it('serves the API under every base, like the Flask app', () => {
    const urls = renderDjangoProject({ ...BASE, apiBases: ['/shop/api/', '/api/'] })['mysite/urls.py']!;
    expect(urls).toContain(
      [
        '    path("shop/api/health", views.health),',
        '    path("shop/api/items", views.items),',
        '    path("api/health", views.health),',
        '    path("api/items", views.items),',
      ].join('\n'),
    );
    expect(renderDjangoProject(BASE)['mysite/urls.py']).toContain('path("api/health", views.health)');
    const tests = renderDjangoProject({ ...BASE, apiBases: ['/shop/api/', '/api/'] })['tests/test_api.py']!;
    expect(tests).toContain('API_BASES = [\n    "/shop/api/",\n    "/api/",\n]');
  });

  it('splits a route too long for one line the way black does, and tells flake8 about a long literal', () => {
    const long = `/${'a'.repeat(100)}/api/`;
    const urls = renderDjangoProject({ ...BASE, apiBases: [long] })['mysite/urls.py']!;
    expect(urls).toContain(
      `    path(\n        "${long.slice(1)}health",  # noqa: E501\n        views.health,\n    ),`,
    );
  });

  it('without a database: the dummy backend, no items route, no migrate in the tests', () => {
    const files = renderDjangoProject({ ...BASE, databasePath: null });
    expect(files['mysite/settings.py']).toContain('DATABASES = {}');
    expect(files['mysite/urls.py']).not.toContain('views.items');
    expect(files['conftest.py']).not.toContain('migrate');
    expect(files['tests/test_api.py']).toContain('test_no_items_without_a_database');
    expect(files['tests/test_api.py']).not.toContain('import json');
  });

  it('settings: SQLite path, static route and root, secret key from the environment, debug off', () => {
    const settings = settingsOf({ staticRoute: '/shop/static/', staticRoot: '/srv/static' });
    expect(settings).toContain('DEFAULT_DATABASE_PATH = "/data/app.db"');
    expect(settings).toContain('"NAME": os.environ.get("DATABASE_PATH") or DEFAULT_DATABASE_PATH');
    expect(settings).toContain('STATIC_URL = "/shop/static/"');
    expect(settings).toContain('DEFAULT_STATIC_ROOT = "/srv/static"');
    expect(settings).toContain('DEBUG = False');
    expect(settings).toContain('raise ImproperlyConfigured(');
    expect(settingsOf({})).toContain(
      'STATIC_ROOT = os.environ.get("STATIC_ROOT") or str(BASE_DIR / "staticfiles")',
    );
  });

  it('settings: proxy headers only behind nginx, secure cookies only with TLS', () => {
    expect(settingsOf({})).toContain('SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")');
    expect(settingsOf({})).toContain('USE_X_FORWARDED_HOST = True');
    expect(settingsOf({})).not.toContain('COOKIE_SECURE');
    expect(settingsOf({ behindProxy: false })).not.toContain('SECURE_PROXY_SSL_HEADER');
    const https = settingsOf({ tls: { redirectHttp: true, hsts: true } });
    expect(https).toContain('SESSION_COOKIE_SECURE = True');
    expect(https).toContain('CSRF_COOKIE_SECURE = True');
    expect(https).toContain('SILENCED_SYSTEM_CHECKS = ["security.W004", "security.W008"]');
    // What nginx does not do stays Django's deploy-check warning.
    const plainStillServed = settingsOf({ tls: { redirectHttp: false, hsts: true } });
    expect(plainStillServed).toContain('SILENCED_SYSTEM_CHECKS = ["security.W004"]');
    expect(settingsOf({ tls: { redirectHttp: false, hsts: false } })).not.toContain('SILENCED');
  });

  it('refuses values that are not code: bad project, app, base, route, path or server name', () => {
    const bad: Partial<DjangoProjectInput>[] = [
      { project: 'django' },
      { project: 'my-site' },
      { project: 'x"; import os' },
      { appLabel: 'mysite' },
      { appLabel: 'class' },
      { apiBases: [] },
      { apiBases: ['/api'] },
      { apiBases: ['/api/";x'] },
      { staticRoute: '/static' },
      { staticRoute: '/st"atic/' },
      { databasePath: 'data/app.db' },
      { databasePath: '/data/"x".db' },
      { staticRoot: '/srv/../etc' },
      { serverNames: ['exa mple.com;'] },
      { serverNames: ['"evil"'] },
      { publicPort: 0, serverNames: ['example.com'] },
    ];
    for (const input of bad)
      expect(() => renderDjangoProject({ ...BASE, ...input }), JSON.stringify(input)).toThrow();
  });

  it('pins Django and its dependencies, and the dev tools apart', () => {
    const files = renderDjangoProject({
      ...BASE,
      serverRequirements: ['gunicorn==23.0.0', 'packaging==24.1'],
    });
    expect(files['requirements.txt']).toMatch(/^Django==4\.2\.\d+$/m);
    expect(files['requirements.txt']).toMatch(/^asgiref==[\d.]+$/m);
    expect(files['requirements.txt']).toMatch(/^sqlparse==[\d.]+$/m);
    expect(files['requirements.txt']).toContain('gunicorn==23.0.0\npackaging==24.1\n');
    expect(files['requirements-dev.txt']).toContain('-r requirements.txt\n');
    for (const tool of ['pytest', 'flake8', 'black'])
      expect(files['requirements-dev.txt']).toMatch(new RegExp(`^${tool}==[\\d.]+$`, 'm'));
    expect(files['requirements-dev.txt']).not.toMatch(/^Django/m);
    for (const line of `${files['requirements.txt']}${files['requirements-dev.txt']}`.split('\n'))
      if (line && !line.startsWith('#') && !line.startsWith('-r')) expect(line).toMatch(/^[\w.-]+==[\d.]+$/);
  });
});

describe('djangoHosts', () => {
  it('maps nginx names to ALLOWED_HOSTS: wildcards become Django suffixes, localhost for the healthcheck', () => {
    const hosts = djangoHosts(['shop.example.com *.example.com'], true);
    expect(hosts.allowedHosts).toEqual([
      'localhost',
      '127.0.0.1',
      '[::1]',
      'shop.example.com',
      '.example.com',
    ]);
    expect(hosts.origins).toEqual(['https://shop.example.com', 'https://*.example.com']);
    expect(hosts.originsDjango3).toEqual(['shop.example.com', '.example.com']);
  });

  it('"_" accepts any host and trusts no extra origin', () => {
    const hosts = djangoHosts(['_'], false);
    expect(hosts.allowedHosts).toEqual(['*']);
    expect(hosts.origins).toEqual([]);
    expect(hosts.anyHost).toBe(true);
  });

  it('origins carry the scheme and a port other than its default', () => {
    expect(djangoHosts(['localhost'], false).origins).toEqual(['http://localhost']);
    expect(djangoHosts(['localhost'], false, 80).origins).toEqual(['http://localhost']);
    expect(djangoHosts(['localhost'], false, 8080).origins).toEqual(['http://localhost:8080']);
    expect(djangoHosts(['Shop.Example.com'], true, 8443).originsDjango3).toEqual(['shop.example.com:8443']);
    // Two nginx servers naming one host: listed once.
    expect(djangoHosts(['a.example.com', 'a.example.com b.example.com'], true).origins).toHaveLength(2);
  });
});

describe('start command', () => {
  it('prepares once, then execs the server with its words as arguments, never inside the script', () => {
    expect(djangoStartCommand('mysite', { kind: 'gunicorn' })).toEqual([
      'sh',
      '-c',
      'python manage.py prestart && exec "$@"',
      'prestart',
      'gunicorn',
      '--config',
      'gunicorn.conf.py',
      'mysite.wsgi:application',
    ]);
    expect(djangoStartCommand('mysite', { kind: 'uwsgi' }).slice(4)).toEqual(['uwsgi', '--ini', 'uwsgi.ini']);
    expect(djangoStartCommand('mysite', { kind: 'runserver', port: 8001 }).slice(4)).toEqual([
      'python',
      'manage.py',
      'runserver',
      '--noreload',
      '0.0.0.0:8001',
    ]);
    expect(() => djangoStartCommand('site', { kind: 'gunicorn' })).toThrow(/standard library/);
    expect(() => djangoStartCommand('mysite', { kind: 'runserver', port: 0 })).toThrow();
  });

  it('the WSGI entry is <project>.wsgi:application', () => {
    expect(djangoWsgiEntry('shop_site')).toEqual({ module: 'shop_site.wsgi', callable: 'application' });
  });
});
