import { describe, expect, it } from 'vitest';
import { ruleMessages as koreanRules } from '../../i18n/ko/rules';
import { design, e, n } from './examples';
import { deepFreeze, load, roundTrip } from '../testing';
import type { DesignFile } from '../types';
import { validate } from '../validate';

/** The one diagnostic of `rule` on this design, in English or Korean. */
function diagnosticOf(file: DesignFile, rule: string, korean = false) {
  const found = validate(load(file), 'compose', korean ? koreanRules : undefined).filter(
    (d) => d.rule === rule,
  );
  expect(found).toHaveLength(1);
  return found[0]!;
}

const fixed = (file: DesignFile, rule: string) =>
  roundTrip(diagnosticOf(file, rule).fix!.apply(deepFreeze(load(file))));

describe('quick fixes connect what is already on the canvas before adding a node', () => {
  const serverAndIdleApp = design(
    [
      n('browser', 'client'),
      n('proxy', 'nginx', 'web'),
      n('gunicorn-1', 'gunicorn', 'app'),
      n('flask-1', 'flask', 'app'),
    ],
    [e('e1', 'browser', 'proxy'), e('e2', 'proxy', 'gunicorn-1')],
  );

  it('wsgi-needs-app connects the Flask app no server runs, in both languages', () => {
    expect(diagnosticOf(serverAndIdleApp, 'wsgi-needs-app').fix!.label).toBe(
      'Connect Gunicorn "gunicorn-1" to Flask "flask-1"',
    );
    expect(diagnosticOf(serverAndIdleApp, 'wsgi-needs-app', true).fix!.label).toBe(
      'Gunicorn "gunicorn-1"를 Flask "flask-1"에 연결하기',
    );
    const after = fixed(serverAndIdleApp, 'wsgi-needs-app');
    expect(after.nodes.map((node) => node.id)).toEqual(['browser', 'proxy', 'gunicorn-1', 'flask-1']);
    expect(after.edges.at(-1)).toMatchObject({ source: 'gunicorn-1', target: 'flask-1' });
    expect(validate(after)).toEqual([]);
  });

  it('wsgi-needs-app prefers an idle app in the server’s container, and skips apps another server runs', () => {
    const file = design(
      [
        n('a', 'gunicorn', 'app'),
        n('b', 'gunicorn', 'app-2'),
        n('run', 'flask', 'app'),
        n('elsewhere', 'django', 'other'),
        n('near', 'flask', 'app-2'),
      ],
      [e('e1', 'a', 'run')],
    );
    const found = validate(load(file)).find((d) => d.rule === 'wsgi-needs-app')!;
    expect(found.nodes).toEqual(['b']);
    expect(found.fix!.label).toBe('Connect Gunicorn "b" to Flask "near"');
  });

  it('wsgi-needs-app adds a Flask app only when every app already has a server', () => {
    const file = design(
      [n('a', 'gunicorn', 'app'), n('b', 'uwsgi', 'app-2'), n('run', 'flask', 'app')],
      [e('e1', 'a', 'run')],
    );
    const found = validate(load(file)).find((d) => d.rule === 'wsgi-needs-app')!;
    expect(found.fix!.label).toBe('Add a Flask app run by uWSGI "b"');
    const after = found.fix!.apply(load(file));
    expect(after.nodes.filter((node) => node.kind === 'flask')).toHaveLength(2);
  });

  it('flask-dev-server sends nginx’s traffic to a Gunicorn that runs no app instead of a new one', () => {
    const file = design(
      [
        n('browser', 'client'),
        n('proxy', 'nginx', 'web'),
        n('gunicorn-1', 'gunicorn', 'app'),
        n('flask-1', 'flask', 'app'),
      ],
      [e('e1', 'browser', 'proxy'), e('e2', 'proxy', 'flask-1', { route: '/' })],
    );
    expect(diagnosticOf(file, 'flask-dev-server').fix!.label).toBe(
      'Serve Flask "flask-1" with Gunicorn "gunicorn-1"',
    );
    expect(diagnosticOf(file, 'flask-dev-server', true).fix!.label).toBe(
      'Flask "flask-1"를 Gunicorn "gunicorn-1"로 실행하기',
    );
    const after = fixed(file, 'flask-dev-server');
    expect(after.nodes).toHaveLength(4);
    expect(after.edges.map((edge) => [edge.source, edge.target])).toEqual([
      ['browser', 'proxy'],
      ['proxy', 'gunicorn-1'],
      ['gunicorn-1', 'flask-1'],
    ]);
    expect(validate(after)).toEqual([]);
  });

  it('django-dev-server does the same, and still adds a Gunicorn when none is free', () => {
    const idle = design(
      [
        n('browser', 'client'),
        n('proxy', 'nginx', 'web'),
        n('g', 'gunicorn', 'app'),
        n('site', 'django', 'app'),
      ],
      [e('e1', 'browser', 'proxy'), e('e2', 'proxy', 'site', { route: '/' })],
    );
    expect(diagnosticOf(idle, 'django-dev-server').fix!.label).toBe('Serve Django "site" with Gunicorn "g"');
    expect(fixed(idle, 'django-dev-server').nodes).toHaveLength(4);
    const none = design(
      [n('browser', 'client'), n('proxy', 'nginx', 'web'), n('site', 'django', 'app')],
      [e('e1', 'browser', 'proxy'), e('e2', 'proxy', 'site', { route: '/' })],
    );
    expect(diagnosticOf(none, 'django-dev-server').fix!.label).toBe(
      'Serve Django "site" with a WSGI server (Gunicorn)',
    );
    expect(fixed(none, 'django-dev-server').nodes.filter((node) => node.kind === 'gunicorn')).toHaveLength(1);
  });
});
