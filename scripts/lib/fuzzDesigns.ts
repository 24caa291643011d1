/**
 * Property-based designs for the real-tool checks: fast-check builds random but well-formed stacks
 * (one to three apps behind one nginx, Gunicorn / uWSGI / the dev server, TCP or unix, random ports,
 * names, dotted modules, callables, paths and routes, sometimes a React build). Those the validator
 * finds error-free must produce bundles the real tools accept. Seeded: the same list on every run.
 */
import fc from 'fast-check';
import type { Design } from '../../src/model/design';
import { loadDesign } from '../../src/model/load';
import { hasErrors, validate } from '../../src/validation/validate';

const identifier = fc.stringMatching(/^[a-z_][a-z0-9_]{0,7}$/);
const dotted = fc.array(identifier, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('.'));
const segment = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,7}$/);
const absolutePath = fc.array(segment, { minLength: 1, maxLength: 3 }).map((parts) => `/${parts.join('/')}`);
const containerName = fc.stringMatching(/^[a-z][a-z0-9_-]{0,9}$/);
const port = fc.integer({ min: 1024, max: 65000 });

const app = fc.record({
  server: fc.constantFrom('gunicorn', 'uwsgi', 'none'),
  transport: fc.constantFrom('tcp', 'unix'),
  protocol: fc.constantFrom('uwsgi', 'http'),
  port,
  socketDir: absolutePath,
  workers: fc.oneof(fc.constant('auto' as const), fc.integer({ min: 1, max: 5 })),
  threads: fc.integer({ min: 1, max: 4 }),
  module: dotted,
  callable: identifier,
  database: fc.option(absolutePath, { freq: 4 }),
  container: containerName,
  route: segment,
});

const stack = fc.record({
  name: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,20}$/),
  web: containerName,
  listen: fc.oneof(fc.constant(80), fc.integer({ min: 1, max: 65535 })),
  serverName: fc.constantFrom(
    'localhost',
    '_',
    'example.com',
    'api.example.com www.example.com',
    '*.example.org',
  ),
  gzip: fc.boolean(),
  clientMaxBodySize: fc.constantFrom('1m', '10m', '512k', '2g'),
  react: fc.boolean(),
  spaFallback: fc.boolean(),
  apps: fc.array(app, { minLength: 1, maxLength: 3 }),
});

type Stack = typeof stack extends fc.Arbitrary<infer T> ? T : never;

function toFile(spec: Stack): Record<string, unknown> {
  const nodes: Record<string, unknown>[] = [{ id: 'browser', kind: 'client' }];
  const edges: Record<string, unknown>[] = [{ id: 'e-entry', source: 'browser', target: 'proxy' }];
  nodes.push({
    id: 'proxy',
    kind: 'nginx',
    container: spec.web,
    props: {
      listen: spec.listen,
      serverName: spec.serverName,
      gzip: spec.gzip,
      clientMaxBodySize: spec.clientMaxBodySize,
    },
  });
  if (spec.react) {
    nodes.push({
      id: 'spa',
      kind: 'react-static',
      container: spec.web,
      props: { spaFallback: spec.spaFallback },
    });
    edges.push({ id: 'e-spa', source: 'proxy', target: 'spa', props: { route: '/' } });
  }
  spec.apps.forEach((item, index) => {
    const container = `${item.container}${index}`;
    const route = spec.apps.length === 1 && !spec.react ? '/' : `/${item.route}${index}/`;
    const api = `api${index}`;
    nodes.push({
      id: api,
      kind: 'flask',
      container,
      props: { module: item.module, callable: item.callable, port: item.port },
    });
    if (item.server === 'none') {
      edges.push({ id: `e-route${index}`, source: 'proxy', target: api, props: { route } });
    } else {
      const server = `server${index}`;
      const socketPath = `${item.socketDir}/s${index}.sock`;
      const props: Record<string, unknown> =
        item.server === 'gunicorn'
          ? {
              transport: item.transport,
              port: item.port,
              socketPath,
              workers: item.workers,
              threads: item.threads,
            }
          : {
              protocol: item.protocol,
              transport: item.transport,
              port: item.port,
              socketPath,
              processes: item.workers === 'auto' ? 2 : item.workers,
              threads: item.threads,
            };
      nodes.push({ id: server, kind: item.server, container, props });
      const edgeProps: Record<string, unknown> = { route };
      if (item.server === 'uwsgi') edgeProps.pass = item.protocol === 'uwsgi' ? 'uwsgi_pass' : 'proxy_pass';
      edges.push({ id: `e-route${index}`, source: 'proxy', target: server, props: edgeProps });
      edges.push({ id: `e-serve${index}`, source: server, target: api });
    }
    if (item.database !== null) {
      nodes.push({
        id: `db${index}`,
        kind: 'sqlite',
        container,
        props: { file: `${item.database}/data${index}.db` },
      });
      edges.push({ id: `e-db${index}`, source: api, target: `db${index}` });
    }
  });
  return { format: 'stacksketch/v1', name: spec.name, nodes, edges };
}

export interface FuzzDesigns {
  designs: { id: string; design: Design }[];
  /** How many generated stacks the validator refused (with errors), and the rules that fired most. */
  refused: number;
  refusedRules: Record<string, number>;
}

/** `count` error-free designs from a fixed seed (more are sampled; those with errors are set aside). */
export function fuzzDesigns(count: number, seed = 20240501): FuzzDesigns {
  const designs: { id: string; design: Design }[] = [];
  const refusedRules: Record<string, number> = {};
  let refused = 0;
  const samples = fc.sample(stack, { numRuns: count * 3, seed });
  for (const [index, spec] of samples.entries()) {
    if (designs.length >= count) break;
    const loaded = loadDesign(toFile(spec));
    if (!loaded.ok) {
      refused++;
      refusedRules['load error'] = (refusedRules['load error'] ?? 0) + 1;
      continue;
    }
    const diagnostics = validate(loaded.design);
    if (hasErrors(diagnostics)) {
      refused++;
      for (const diagnostic of diagnostics)
        if (diagnostic.severity === 'error')
          refusedRules[diagnostic.rule] = (refusedRules[diagnostic.rule] ?? 0) + 1;
      continue;
    }
    designs.push({ id: `fuzz-${seed}-${index}`, design: loaded.design });
  }
  return { designs, refused, refusedRules };
}
