import { describe, expect, it } from 'vitest';
import { parseDesign } from '../model/load';
import { design, e, n } from './rules/examples';
import { HOSTILE_PORTS, HOSTILE_STRINGS, TEXT_FIELDS, type TextField } from './hostileInputs';
import type { Diagnostic, DesignFile } from './types';
import { validate } from './validate';

/** A clean design with every kind and every text field. */
function base(): DesignFile {
  return design(
    [
      n('browser', 'client', undefined, { label: 'Browser' }),
      n('proxy', 'nginx', 'web', { serverName: 'localhost', clientMaxBodySize: '10m' }),
      n('spa', 'react-static', 'web'),
      n('wsgi', 'gunicorn', 'app', { transport: 'tcp', socketPath: '/run/gunicorn/gunicorn.sock' }),
      n('api', 'flask', 'app', { module: 'app', callable: 'app' }),
      n('db', 'sqlite', 'app', { file: '/data/app.db' }),
      n('u', 'uwsgi', 'app-2', { transport: 'unix', socketPath: '/run/uwsgi/uwsgi.sock' }),
      n('api2', 'flask', 'app-2'),
    ],
    [
      e('e1', 'browser', 'proxy'),
      e('e2', 'proxy', 'spa', { route: '/' }),
      e('e3', 'proxy', 'wsgi', { route: '/api/' }),
      e('e4', 'proxy', 'u', { route: '/u/', pass: 'uwsgi_pass' }),
      e('e5', 'wsgi', 'api'),
      e('e6', 'u', 'api2'),
      e('e7', 'api', 'db'),
    ],
    'hostile-input-test',
  );
}

/** Where a field lives: the node whose prop it is (or the edge), and how to set it. */
const PLACES: Record<
  Exclude<TextField, 'container'>,
  { node?: string; edge?: string; set: (file: DesignFile, value: string) => void }
> = {
  'nginx.serverName': { node: 'proxy', set: (f, v) => prop(f, 'proxy', 'serverName', v) },
  'nginx.clientMaxBodySize': { node: 'proxy', set: (f, v) => prop(f, 'proxy', 'clientMaxBodySize', v) },
  'nginx.email': { node: 'proxy', set: (f, v) => prop(f, 'proxy', 'email', v) },
  'nginx.certFile': { node: 'proxy', set: (f, v) => prop(f, 'proxy', 'certFile', v) },
  'nginx.keyFile': { node: 'proxy', set: (f, v) => prop(f, 'proxy', 'keyFile', v) },
  'edge.route': {
    node: 'proxy',
    edge: 'e3',
    set: (f, v) => ((edgeOf(f, 'e3').props as Record<string, unknown>).route = v),
  },
  'flask.module': { node: 'api', set: (f, v) => prop(f, 'api', 'module', v) },
  'flask.callable': { node: 'api', set: (f, v) => prop(f, 'api', 'callable', v) },
  'gunicorn.socketPath': { node: 'wsgi', set: (f, v) => prop(f, 'wsgi', 'socketPath', v) },
  'uwsgi.socketPath': { node: 'u', set: (f, v) => prop(f, 'u', 'socketPath', v) },
  'sqlite.file': { node: 'db', set: (f, v) => prop(f, 'db', 'file', v) },
  'client.label': { node: 'browser', set: (f, v) => prop(f, 'browser', 'label', v) },
  'design.name': { set: (f, v) => (f.name = v) },
};

function prop(file: DesignFile, id: string, name: string, value: unknown) {
  const node = file.nodes.find((candidate) => candidate.id === id)!;
  node.props = { ...(node.props as Record<string, unknown>), [name]: value };
}
function edgeOf(file: DesignFile, id: string) {
  return file.edges.find((candidate) => candidate.id === id)!;
}

/** Through the same text loader as the CLI and the browser. */
function check(file: DesignFile): Diagnostic[] {
  const loaded = parseDesign(JSON.stringify(file));
  if (!loaded.ok) throw new Error(`the loader refused it: ${JSON.stringify(loaded.errors)}`);
  return validate(loaded.design);
}

const NON_CLIENT_NODES = ['proxy', 'spa', 'wsgi', 'api', 'db', 'u', 'api2'];

describe('the hostile-input catalogue', () => {
  it('has at least 60 distinct strings, and the base design is clean', () => {
    expect(new Set(HOSTILE_STRINGS.map((input) => input.value)).size).toBeGreaterThanOrEqual(60);
    expect(check(base())).toEqual([]);
  });

  it.each(Object.keys(PLACES) as Exclude<TextField, 'container'>[])(
    'every hostile string in %s is refused by its rule, naming the node',
    (field) => {
      const rule = TEXT_FIELDS[field];
      const place = PLACES[field];
      const wrong: string[] = [];
      for (const input of HOSTILE_STRINGS) {
        const file = base();
        place.set(file, input.value);
        const found = check(file).filter(
          (d) =>
            d.rule === rule &&
            d.severity === 'error' &&
            (place.node ? d.nodes.includes(place.node) : d.message.startsWith('The design name')) &&
            (!place.edge || d.edges.includes(place.edge)),
        );
        const accepted = input.acceptedIn?.includes(field) ?? false;
        if (accepted ? found.length > 0 : found.length !== 1)
          wrong.push(`${JSON.stringify(input.value.slice(0, 60))} (${input.why})`);
      }
      expect(wrong).toEqual([]);
    },
  );

  it.each(NON_CLIENT_NODES)(
    'every hostile string as the container of %s is refused by invalid-container-name',
    (id) => {
      const wrong: string[] = [];
      for (const input of HOSTILE_STRINGS) {
        const file = base();
        file.nodes.find((node) => node.id === id)!.container = input.value;
        const found = check(file).filter((d) => d.rule === 'invalid-container-name' && d.nodes.includes(id));
        if (found.length !== 1) wrong.push(JSON.stringify(input.value.slice(0, 60)));
      }
      expect(wrong).toEqual([]);
    },
  );

  it('values accepted in a field are only plain absolute paths where a path is expected, or harmless display text', () => {
    for (const input of HOSTILE_STRINGS) {
      for (const field of input.acceptedIn ?? []) {
        // An empty e-mail means "none" (only a Let's Encrypt design needs one: tls-needs-email).
        if (field === 'nginx.email') expect(input.value, field).toBe('');
        else if (field === 'client.label' || field === 'design.name' || field === 'nginx.serverName') {
          expect(input.value, field).toMatch(/^[A-Za-z0-9 :&#-]+$/);
        } else expect(input.value, field).toMatch(/^\/[A-Za-z0-9/._-]+$/);
      }
    }
  });

  it.each([
    ['nginx listen', 'proxy', 'listen'],
    ['nginx HTTPS port', 'proxy', 'httpsPort'],
    ['Gunicorn port', 'wsgi', 'port'],
    ['uWSGI port', 'u', 'port'],
    ['Flask dev server port', 'api', 'port'],
  ])('every non-port number in %s is refused by invalid-port', (_label, id, name) => {
    for (const port of HOSTILE_PORTS) {
      const file = base();
      prop(file, id, name, port);
      const found = check(file).filter((d) => d.rule === 'invalid-port' && d.nodes.includes(id));
      expect(found, String(port)).toHaveLength(1);
      expect(found[0]!.message).toContain(String(port));
    }
  });
});
