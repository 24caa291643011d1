import { describe, expect, it } from 'vitest';
import { design, e, n } from './examples';
import { load, roundTrip } from '../testing';
import { validate } from '../validate';

const rulesOf = (file: ReturnType<typeof design>) => validate(load(file)).map((d) => d.rule);

/** nginx → Gunicorn → Django → SQLite, with one more nginx route. */
function djangoStack(extraRoute: string | null, staticRoute = '/static/') {
  return design(
    [
      n('browser', 'client'),
      n('proxy', 'nginx', 'web'),
      n('spa', 'react-static', 'web'),
      n('wsgi', 'gunicorn', 'app'),
      n('site', 'django', 'app', { project: 'mysite', staticRoute }),
      n('db', 'sqlite', 'app'),
    ],
    [
      e('e1', 'browser', 'proxy'),
      e('e2', 'proxy', 'wsgi', { route: '/api/' }),
      e('e3', 'wsgi', 'site'),
      e('e4', 'site', 'db'),
      ...(extraRoute ? [e('e5', 'proxy', 'spa', { route: extraRoute })] : []),
    ],
  );
}

describe('the rules that speak of the app cover Django (and static routes of both apps)', () => {
  it('a Django stack behind nginx and Gunicorn has no problem at all', () => {
    expect(rulesOf(djangoStack('/'))).toEqual([]);
  });

  it('django-dev-server: nginx straight to Django warns, and the fix inserts Gunicorn', () => {
    const file = design(
      [n('browser', 'client'), n('proxy', 'nginx', 'web'), n('site', 'django', 'app')],
      [e('e1', 'browser', 'proxy'), e('e2', 'proxy', 'site', { route: '/' })],
    );
    const [found] = validate(load(file)).filter((d) => d.rule === 'django-dev-server');
    expect(found!.severity).toBe('warning');
    expect(found!.message).toContain('manage.py runserver');
    const fixed = roundTrip(found!.fix!.apply(load(file)));
    const server = fixed.nodes.find((node) => node.kind === 'gunicorn')!;
    expect(server.container).toBe('app');
    expect(fixed.edges.find((edge) => edge.id === 'e2')!.target).toBe(server.id);
    expect(fixed.edges.some((edge) => edge.source === server.id && edge.target === 'site')).toBe(true);
    expect(validate(fixed).map((d) => d.rule)).not.toContain('django-dev-server');
  });

  it('route-conflict counts the static files route of the app behind a connection', () => {
    const found = validate(load(djangoStack('/static/'))).filter((d) => d.rule === 'route-conflict');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('the static files of');
    expect(found[0]!.edges.sort()).toEqual(['e2', 'e5']);
    expect(rulesOf(djangoStack('/static/', '/assets/'))).toEqual([]);
  });

  it("route-conflict counts a Flask app's static route too", () => {
    const flaskStack = (staticRoute: string) =>
      design(
        [
          n('browser', 'client'),
          n('proxy', 'nginx', 'web'),
          n('spa', 'react-static', 'web'),
          n('wsgi', 'gunicorn', 'app'),
          n('api', 'flask', 'app', { staticRoute }),
        ],
        [
          e('e1', 'browser', 'proxy'),
          e('e2', 'proxy', 'wsgi', { route: '/api/' }),
          e('e3', 'wsgi', 'api'),
          e('e4', 'proxy', 'spa', { route: '/' }),
        ],
      );
    expect(rulesOf(flaskStack('/'))).toEqual(['route-conflict']);
    expect(rulesOf(flaskStack('/static/'))).toEqual([]);
    expect(rulesOf(flaskStack(''))).toEqual([]);
    expect(rulesOf(flaskStack('/static'))).toEqual(['invalid-route']);
  });

  it('wsgi-app-same-container and sqlite-same-container name a Django app in another container', () => {
    const file = design(
      [
        n('browser', 'client'),
        n('proxy', 'nginx', 'web'),
        n('wsgi', 'gunicorn', 'app'),
        n('site', 'django', 'other'),
        n('db', 'sqlite', 'third'),
      ],
      [
        e('e1', 'browser', 'proxy'),
        e('e2', 'proxy', 'wsgi', { route: '/' }),
        e('e3', 'wsgi', 'site'),
        e('e4', 'site', 'db'),
      ],
    );
    expect(rulesOf(file)).toEqual(
      expect.arrayContaining(['wsgi-app-same-container', 'sqlite-same-container']),
    );
  });

  it('invalid-python-name refuses a project named after a module it would shadow, saying why', () => {
    for (const project of ['django', 'site', 'test', 'class', 'my-site']) {
      const found = validate(load(djangoStack('/', '/static/'))).length;
      expect(found).toBe(0);
      const file = design(
        [n('browser', 'client'), n('wsgi', 'gunicorn', 'app'), n('site', 'django', 'app', { project })],
        [e('e1', 'browser', 'wsgi'), e('e2', 'wsgi', 'site')],
      );
      const [problem] = validate(load(file)).filter((d) => d.rule === 'invalid-python-name');
      expect(problem, project).toBeDefined();
      expect(problem!.nodes).toEqual(['site']);
    }
    const shadowing = design([n('site', 'django', 'app', { project: 'site' })], []);
    const [problem] = validate(load(shadowing)).filter((d) => d.rule === 'invalid-python-name');
    expect(problem!.message).toMatch(/imported in its place/);
  });
});
