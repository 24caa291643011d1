import { describe, expect, it } from 'vitest';
import { KINDS, NODE_KINDS } from '../nodes/registry';
import { FORMAT, MAX_CONTAINERS, MAX_FILE_BYTES } from './design';
import { parseDesign, type LoadResult } from './load';
import { serializeDesign } from './serialize';
import { TEMPLATE_IDS, loadTemplate } from './templates';

const minimal = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: FORMAT,
    name: 'test',
    nodes: [
      { id: 'c', kind: 'client' },
      { id: 'n', kind: 'nginx' },
      { id: 'g', kind: 'gunicorn' },
      { id: 'f', kind: 'flask' },
      { id: 'd', kind: 'sqlite' },
    ],
    edges: [
      { id: 'e1', source: 'c', target: 'n' },
      { id: 'e2', source: 'n', target: 'g' },
      { id: 'e3', source: 'g', target: 'f' },
      { id: 'e4', source: 'f', target: 'd' },
    ],
    ...extra,
  });

function errorsOf(result: LoadResult) {
  if (result.ok) throw new Error('expected load errors');
  return result.errors;
}

function designOf(result: LoadResult) {
  if (!result.ok) throw new Error(`expected a design, got ${JSON.stringify(result.errors)}`);
  return result.design;
}

describe('parseDesign', () => {
  it('applies every default prop and the default containers', () => {
    const design = designOf(parseDesign(minimal()));
    const byId = Object.fromEntries(design.nodes.map((node) => [node.id, node]));
    expect(byId.n!.props).toEqual({
      listen: 80,
      serverName: 'localhost',
      gzip: true,
      clientMaxBodySize: '10m',
      tls: 'off',
      httpsPort: 443,
      redirectHttp: true,
      hsts: true,
      email: '',
      certFile: '/etc/nginx/certs/fullchain.pem',
      keyFile: '/etc/nginx/certs/privkey.pem',
    });
    expect(byId.g!.props).toMatchObject({
      transport: 'tcp',
      port: 8000,
      workers: 'auto',
      threads: 1,
      timeout: 30,
    });
    expect(byId.c!.container).toBeUndefined();
    expect(byId.n!.container).toBe('web');
    expect(byId.g!.container).toBe('app');
    expect(byId.f!.container).toBe('app');
    expect(byId.d!.container).toBe('app');
    expect(design.edges.find((e) => e.id === 'e2')!.props).toEqual({ route: '/' });
  });

  it('puts further WSGI servers, their apps and databases in app-2, app-3', () => {
    const text = JSON.stringify({
      format: FORMAT,
      name: 'two',
      nodes: [
        { id: 'g1', kind: 'gunicorn' },
        { id: 'u2', kind: 'uwsgi' },
        { id: 'f1', kind: 'flask' },
        { id: 'f2', kind: 'flask' },
        { id: 'd2', kind: 'sqlite' },
        { id: 'dev', kind: 'flask', container: 'custom' },
      ],
      edges: [
        { id: 'a', source: 'g1', target: 'f1' },
        { id: 'b', source: 'u2', target: 'f2' },
        { id: 'c', source: 'f2', target: 'd2' },
      ],
    });
    const design = designOf(parseDesign(text));
    const containers = Object.fromEntries(design.nodes.map((node) => [node.id, node.container]));
    expect(containers).toEqual({
      g1: 'app',
      u2: 'app-2',
      f1: 'app',
      f2: 'app-2',
      d2: 'app-2',
      dev: 'custom',
    });
  });

  it('defaults pass on nginx → uWSGI to match the uWSGI protocol', () => {
    const text = JSON.stringify({
      format: FORMAT,
      nodes: [
        { id: 'n', kind: 'nginx' },
        { id: 'u', kind: 'uwsgi', props: { protocol: 'http' } },
        { id: 'v', kind: 'uwsgi' },
      ],
      edges: [
        { id: 'a', source: 'n', target: 'u', props: { route: '/a/' } },
        { id: 'b', source: 'n', target: 'v', props: { route: '/b/' } },
      ],
    });
    const design = designOf(parseDesign(text));
    expect(design.edges.map((edge) => edge.props.pass)).toEqual(['proxy_pass', 'uwsgi_pass']);
  });

  it.each([
    ['malformed JSON', '{"format": "stacksketch/v1", nodes: []}', '', /not valid JSON/],
    [
      'wrong format tag',
      JSON.stringify({ format: 'drawio', nodes: [] }),
      'format',
      /expected "stacksketch\/v2"/,
    ],
    [
      'newer format',
      JSON.stringify({ format: 'stacksketch/v3', nodes: [] }),
      'format',
      /made by a newer StackSketch \(format "stacksketch\/v3"/,
    ],
    ['not an object', '[1,2]', '', /JSON object/],
    ['unknown top-level field', minimal({ extra: 1 }), 'extra', /unknown field/],
    ['missing nodes', JSON.stringify({ format: FORMAT }), 'nodes', /missing/],
  ])('refuses %s, naming the field', (_label, text, path, message) => {
    const errors = errorsOf(parseDesign(text));
    expect(errors[0]!.path).toBe(path);
    expect(errors[0]!.message).toMatch(message);
  });

  const withNode = (node: Record<string, unknown>, edges: unknown[] = []) =>
    JSON.stringify({ format: FORMAT, name: 'x', nodes: [{ id: 'n', kind: 'nginx' }, node], edges });

  it.each([
    ['unknown kind', withNode({ id: 'x', kind: 'apache' }), 'nodes[1].kind', /unknown kind "apache"/],
    [
      'unknown prop',
      withNode({ id: 'x', kind: 'gunicorn', props: { wrkers: 3 } }),
      'nodes[1].props.wrkers',
      /unknown prop of gunicorn/,
    ],
    [
      'wrong type (string for number)',
      withNode({ id: 'x', kind: 'gunicorn', props: { port: '8000' } }),
      'nodes[1].props.port',
      /expected a number/,
    ],
    [
      'wrong type (boolean)',
      withNode({ id: 'x', kind: 'nginx', props: { gzip: 'yes' } }),
      'nodes[1].props.gzip',
      /true or false/,
    ],
    [
      'wrong enum value',
      withNode({ id: 'x', kind: 'uwsgi', props: { protocol: 'fastcgi' } }),
      'nodes[1].props.protocol',
      /one of "uwsgi", "http"/,
    ],
    [
      'workers neither auto nor a whole number',
      withNode({ id: 'x', kind: 'gunicorn', props: { workers: 2.5 } }),
      'nodes[1].props.workers',
      /"auto" or a whole number/,
    ],
    [
      'threads out of bounds',
      withNode({ id: 'x', kind: 'gunicorn', props: { threads: 0 } }),
      'nodes[1].props.threads',
      /from 1 to 64/,
    ],
    ['duplicate id', withNode({ id: 'n', kind: 'flask' }), 'nodes[1].id', /duplicate id "n"/],
    ['missing id', withNode({ kind: 'flask' }), 'nodes[1].id', /missing/],
    [
      'container on a client',
      withNode({ id: 'c', kind: 'client', container: 'web' }),
      'nodes[1].container',
      /no container/,
    ],
    [
      'container not a string',
      withNode({ id: 'f', kind: 'flask', container: 3 }),
      'nodes[1].container',
      /expected a string/,
    ],
    [
      'bad position',
      withNode({ id: 'f', kind: 'flask', position: { x: 'a', y: 1 } }),
      'nodes[1].position.x',
      /finite number/,
    ],
    [
      'edge to a missing node',
      withNode({ id: 'f', kind: 'flask' }, [{ id: 'e', source: 'n', target: 'ghost' }]),
      'edges[0].target',
      /no node has the id "ghost"/,
    ],
    [
      'edge from a missing node',
      withNode({ id: 'f', kind: 'flask' }, [{ id: 'e', source: 'ghost', target: 'f' }]),
      'edges[0].source',
      /no node has the id "ghost"/,
    ],
    [
      'route on a non-nginx edge',
      withNode({ id: 'f', kind: 'flask' }, [{ id: 'e', source: 'f', target: 'n', props: { route: '/' } }]),
      'edges[0].props.route',
      /only to edges leaving an nginx/,
    ],
    [
      'wrong pass value',
      withNode({ id: 'u', kind: 'uwsgi' }, [
        { id: 'e', source: 'n', target: 'u', props: { pass: 'fastcgi_pass' } },
      ]),
      'edges[0].props.pass',
      /"uwsgi_pass" or "proxy_pass"/,
    ],
    [
      'duplicate edge id',
      withNode({ id: 'f', kind: 'flask' }, [
        { id: 'e', source: 'n', target: 'f' },
        { id: 'e', source: 'f', target: 'n' },
      ]),
      'edges[1].id',
      /duplicate id "e"/,
    ],
  ])('refuses %s, naming the field', (_label, text, path, message) => {
    const errors = errorsOf(parseDesign(text));
    expect(errors.map((error) => error.path)).toContain(path);
    expect(errors.find((error) => error.path === path)!.message).toMatch(message);
  });

  it('refuses files larger than 5 MB before parsing them', () => {
    const text = minimal({ name: 'x'.repeat(MAX_FILE_BYTES) });
    expect(errorsOf(parseDesign(text))[0]!.message).toMatch(/limited to 5 MB/);
  });

  it('refuses deeply nested JSON without parsing it', () => {
    const text = `{"format":"stacksketch/v1","nodes":[],"name":${'['.repeat(100000)}${']'.repeat(100000)}}`;
    expect(errorsOf(parseDesign(text))[0]!.message).toMatch(/nests deeper/);
  });

  it('refuses more than 2,000 nodes', () => {
    const nodes = Array.from({ length: 2001 }, (_, i) => ({ id: `n${i}`, kind: 'flask' }));
    expect(errorsOf(parseDesign(JSON.stringify({ format: FORMAT, nodes })))[0]!.message).toMatch(
      /limited to 2000/,
    );
  });
});

describe('serializeDesign', () => {
  it('is stable: the same design gives the same bytes, and a round trip changes nothing', () => {
    for (const id of TEMPLATE_IDS) {
      const design = loadTemplate(id);
      const text = serializeDesign(design);
      expect(serializeDesign(loadTemplate(id))).toBe(text);
      expect(serializeDesign(designOf(parseDesign(text)))).toBe(text);
    }
  });

  it('writes keys in a fixed order whatever order the file had', () => {
    const a = designOf(
      parseDesign(
        JSON.stringify({
          nodes: [{ kind: 'nginx', id: 'n', props: { gzip: false, listen: 8080 } }],
          format: FORMAT,
          name: 'k',
        }),
      ),
    );
    const b = designOf(
      parseDesign(
        JSON.stringify({
          format: FORMAT,
          name: 'k',
          nodes: [{ id: 'n', props: { listen: 8080, gzip: false }, kind: 'nginx' }],
        }),
      ),
    );
    expect(serializeDesign(a)).toBe(serializeDesign(b));
    expect(serializeDesign(a).indexOf('"listen"')).toBeLessThan(serializeDesign(a).indexOf('"gzip"'));
  });
});

describe('the kind registry', () => {
  it('has a descriptor with defaults for every kind', () => {
    for (const kind of NODE_KINDS) {
      expect(KINDS[kind].kind).toBe(kind);
      expect(KINDS[kind].role.length).toBeGreaterThan(10);
    }
  });
});

describe('containers (format v2)', () => {
  const v2 = (containers: unknown, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ ...JSON.parse(minimal(extra)), containers });

  it('lists every container after loading: the file’s own (empty frames too) and those nodes name', () => {
    const design = designOf(parseDesign(v2({ spare: {}, app: { replicas: 3 } })));
    expect(design.containers).toEqual({ spare: { replicas: 1 }, app: { replicas: 3 }, web: { replicas: 1 } });
  });

  it('round-trips byte for byte: load → save → load → save', () => {
    const text = v2({ spare: {}, app: { replicas: 3 }, 'z-last': { replicas: 1 } });
    const first = serializeDesign(designOf(parseDesign(text)));
    const second = serializeDesign(designOf(parseDesign(first)));
    expect(second).toBe(first);
    expect(JSON.parse(first).containers).toEqual({ app: { replicas: 3 }, spare: {}, web: {}, 'z-last': {} });
    expect(first).toMatch(/^\{\n {2}"format": "stacksketch\/v2",\n {2}"name": "test",\n {2}"containers": \{/);
  });

  it.each(TEMPLATE_IDS)('template %s saves as v2 and round-trips byte for byte', (id) => {
    const first = serializeDesign(loadTemplate(id));
    expect(JSON.parse(first).format).toBe('stacksketch/v2');
    expect(serializeDesign(designOf(parseDesign(first)))).toBe(first);
  });

  it('keeps an empty frame through save and load', () => {
    const design = designOf(parseDesign(v2({ spare: {} })));
    const again = designOf(parseDesign(serializeDesign(design)));
    expect(Object.keys(again.containers).sort()).toEqual(['app', 'spare', 'web']);
    expect(again.nodes.some((node) => node.container === 'spare')).toBe(false);
  });

  it('loads replicas that are numbers but not 1–32 (a rule reports them)', () => {
    const design = designOf(parseDesign(v2({ app: { replicas: 0 }, web: { replicas: 2.5 } })));
    expect(design.containers.app).toEqual({ replicas: 0 });
    expect(design.containers.web).toEqual({ replicas: 2.5 });
  });

  it.each([
    [
      'replicas that is not a number',
      { app: { replicas: '3' } },
      'containers.app.replicas',
      /expected a number/,
    ],
    ['replicas null', { app: { replicas: null } }, 'containers.app.replicas', /expected a number/],
    ['an unknown key', { app: { replicas: 2, cpus: 4 } }, 'containers.app.cpus', /unknown field/],
    ['an entry that is not an object', { app: 3 }, 'containers.app', /expected an object/],
    ['containers that is not an object', ['app'], 'containers', /expected an object/],
  ])('refuses %s, naming the field', (_label, containers, path, message) => {
    const errors = errorsOf(parseDesign(v2(containers)));
    expect(errors[0]!.path).toBe(path);
    expect(errors[0]!.message).toMatch(message);
  });

  it('refuses more containers than the limit before looking at them', () => {
    const many = Object.fromEntries(Array.from({ length: MAX_CONTAINERS + 1 }, (_, i) => [`c${i}`, {}]));
    const errors = errorsOf(parseDesign(v2(many)));
    expect(errors).toEqual([
      {
        path: 'containers',
        message: `${MAX_CONTAINERS + 1} containers; a design is limited to ${MAX_CONTAINERS}`,
      },
    ]);
  });

  it('keeps names like "__proto__" and "constructor" as plain entries', () => {
    const design = designOf(parseDesign(v2(JSON.parse('{"__proto__": {"replicas": 2}, "constructor": {}}'))));
    expect(Object.getPrototypeOf(design.containers)).toBe(Object.prototype);
    expect(Object.keys(design.containers)).toEqual(['__proto__', 'constructor', 'web', 'app']);
    const saved = JSON.parse(serializeDesign(design)) as { containers: object };
    expect(Object.keys(saved.containers)).toEqual(['__proto__', 'app', 'constructor', 'web']);
  });

  it('migrates a v1 file on load: the same nodes and edges, containers derived from them', () => {
    const v1 = minimal().replace(`"format":"${FORMAT}"`, '"format":"stacksketch/v1"');
    expect(v1).toContain('stacksketch/v1');
    const fromV1 = designOf(parseDesign(v1));
    const fromV2 = designOf(parseDesign(minimal()));
    expect(fromV1).toEqual(fromV2);
    expect(fromV1.containers).toEqual({ web: { replicas: 1 }, app: { replicas: 1 } });
  });
});

describe('limits before migrating', () => {
  it('refuses a v1 file with too many nodes before the migration looks at them', () => {
    const nodes = Array.from({ length: 2001 }, (_, i) => ({ id: `f${i}`, kind: 'flask' }));
    const errors = errorsOf(parseDesign(JSON.stringify({ format: 'stacksketch/v1', nodes, edges: [] })));
    expect(errors).toEqual([{ path: 'nodes', message: '2001 nodes; a design is limited to 2000' }]);
    const edges = Array.from({ length: 10001 }, (_, i) => ({ source: `f${i}`, target: 'x' }));
    expect(errorsOf(parseDesign(JSON.stringify({ format: 'stacksketch/v1', nodes: [], edges })))).toEqual([
      { path: 'edges', message: '10001 edges; a design is limited to 10000' },
    ]);
  });
});
