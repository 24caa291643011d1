import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../../model/templates';
import { gunicornStack, uwsgiStack } from './examples';
import { load, roundTrip } from '../testing';
import { validate } from '../validate';

const named = (container: string) =>
  load(gunicornStack({}, { gunicorn: container, flask: container, sqlite: container }));

describe('invalid-container-name on the kubernetes target', () => {
  it.each(['api_1', 'api.v2', 'app-', '1app'])(
    'refuses %s, a Compose name that is no DNS-1123 label, and its fix renames it',
    (name) => {
      const design = named(name);
      expect(validate(design).filter((d) => d.rule === 'invalid-container-name')).toEqual([]);
      const [found] = validate(design, 'kubernetes').filter((d) => d.rule === 'invalid-container-name');
      expect(found!.severity).toBe('error');
      expect(found!.message).toContain('DNS-1123');
      const fixed = roundTrip(found!.fix!.apply(design));
      expect(validate(fixed, 'kubernetes').filter((d) => d.rule === 'invalid-container-name')).toEqual([]);
      expect(fixed.nodes.find((node) => node.id === 'wsgi')!.container).toMatch(
        /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/,
      );
    },
  );

  it('refuses a 64-character name and accepts a 63-character label', () => {
    expect(
      validate(named('a'.repeat(63)), 'kubernetes').filter((d) => d.rule === 'invalid-container-name'),
    ).toEqual([]);
    expect(
      validate(named('a'.repeat(64)), 'kubernetes').some((d) => d.rule === 'invalid-container-name'),
    ).toBe(true);
  });
});

describe('unix-socket-across-pods', () => {
  it('fires for kubernetes only, on the proxy, the server and the edge', () => {
    const design = load(uwsgiStack('uwsgi', 'uwsgi_pass'));
    expect(validate(design).some((d) => d.rule === 'unix-socket-across-pods')).toBe(false);
    const found = validate(design, 'kubernetes').filter((d) => d.rule === 'unix-socket-across-pods');
    expect(found.map((d) => [d.severity, d.nodes, d.edges])).toEqual([['error', ['proxy', 'uwsgi'], ['e2']]]);
    expect(found[0]!.fix!.label).toContain('TCP');
  });

  it('stays silent when nginx and the server share a container (one Pod)', () => {
    const file = uwsgiStack('uwsgi', 'uwsgi_pass');
    const together = load({
      ...file,
      nodes: file.nodes.map((node) => (node.id === 'browser' ? node : { ...node, container: 'web' })),
    });
    expect(validate(together, 'kubernetes').filter((d) => d.rule === 'unix-socket-across-pods')).toEqual([]);
  });

  it('reports the uwsgi-unix-socket template, and its fix makes it exportable', () => {
    const design = loadTemplate('uwsgi-unix-socket');
    const [found] = validate(design, 'kubernetes').filter((d) => d.rule === 'unix-socket-across-pods');
    const fixed = roundTrip(found!.fix!.apply(design));
    expect(validate(fixed, 'kubernetes').filter((d) => d.severity === 'error')).toEqual([]);
  });
});
