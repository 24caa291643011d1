import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDesign } from '../model/load';
import { serializeDesign, toFileObject } from '../model/serialize';
import { TEMPLATE_IDS, loadTemplate } from '../model/templates';
import { KINDS, NODE_KINDS, type PropSpec } from '../nodes/registry';
import { HOSTILE_STRINGS } from './hostileInputs';
import { deepFreeze } from './testing';
import { parse as parseYaml } from 'yaml';
import { COMPOSE_EN, generate } from '../exporters/generate';
import { parseNginx } from '../importers/nginx';
import { validate } from './validate';

const IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
const hostile = fc.constantFrom(...HOSTILE_STRINGS.map((input) => input.value));

/** A value for a prop: mostly of the right type (so many designs load), sometimes hostile or wrong. */
function propValue(spec: PropSpec): fc.Arbitrary<unknown> {
  const wrong = fc.oneof(hostile, fc.integer({ min: -3, max: 70_000 }), fc.boolean());
  const right: fc.Arbitrary<unknown> = (() => {
    switch (spec.type) {
      case 'string':
        return fc.oneof(
          { weight: 3, arbitrary: fc.constant(spec.default) },
          { weight: 1, arbitrary: hostile },
        );
      case 'number':
        return fc.oneof(
          fc.constantFrom(spec.default, 80, 8000, 5000),
          fc.integer({ min: -2, max: 70_000 }),
          fc.constant(80.5),
        );
      case 'integer':
        return fc.integer({ min: spec.min, max: Math.min(spec.max, 100) });
      case 'boolean':
        return fc.boolean();
      case 'enum':
        return fc.constantFrom(...spec.options.map((option) => option.value));
      case 'workers':
        return spec.allowAuto
          ? fc.oneof(fc.constant('auto'), fc.integer({ min: -2, max: 40 }))
          : fc.integer({ min: -2, max: 40 });
    }
  })();
  return fc.oneof({ weight: 40, arbitrary: right }, { weight: 1, arbitrary: wrong });
}

const node = fc
  .record({
    id: fc.oneof({ weight: 60, arbitrary: fc.constantFrom(...IDS) }, { weight: 1, arbitrary: hostile }),
    kind: fc.oneof(
      { weight: 30, arbitrary: fc.constantFrom(...NODE_KINDS) },
      { weight: 1, arbitrary: fc.constant('bogus') },
    ),
    onClient: fc.oneof(
      { weight: 30, arbitrary: fc.constant(false) },
      { weight: 1, arbitrary: fc.constant(true) },
    ),
    container: fc.option(
      fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom('web', 'app', 'app-2') },
        { weight: 1, arbitrary: hostile },
      ),
      { freq: 2 },
    ),
    withProps: fc.boolean(),
  })
  .chain(({ id, kind, container, onClient, withProps }) => {
    const specs = (KINDS as Record<string, { props: Record<string, PropSpec> }>)[kind]?.props ?? {};
    const props = fc.record(
      Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, propValue(spec)])),
      { requiredKeys: [] },
    );
    return props.map((values) => {
      const raw: Record<string, unknown> = { id, kind };
      if (container !== null && (kind !== 'client' || onClient)) raw.container = container;
      if (withProps) raw.props = values;
      return raw;
    });
  });

/** Edges between the generated nodes (rarely to a missing id), with the props their kinds allow (rarely others). */
function edgesFor(nodes: Record<string, unknown>[]): fc.Arbitrary<Record<string, unknown>[]> {
  const ids = nodes.map((n) => n.id as string);
  const kindOf = new Map(nodes.map((n) => [n.id as string, n.kind as string]));
  const endpoint = ids.length
    ? fc.oneof(
        { weight: 30, arbitrary: fc.constantFrom(...ids) },
        { weight: 1, arbitrary: fc.constant('missing') },
      )
    : fc.constant('missing');
  const edge = fc
    .record({
      id: fc.constantFrom('e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8', 'e9', 'e10'),
      source: endpoint,
      target: endpoint,
      route: fc.option(
        fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom('/', '/api/', '/static/') },
          { weight: 1, arbitrary: hostile },
        ),
      ),
      pass: fc.option(fc.constantFrom('uwsgi_pass', 'proxy_pass')),
      stray: fc.oneof(
        { weight: 40, arbitrary: fc.constant(false) },
        { weight: 1, arbitrary: fc.constant(true) },
      ),
    })
    .map(({ id, source, target, route, pass, stray }) => {
      const fromNginx = kindOf.get(source) === 'nginx';
      const props: Record<string, unknown> = {};
      if (route !== null && (fromNginx || stray)) props.route = route;
      if (pass !== null && ((fromNginx && kindOf.get(target) === 'uwsgi') || stray)) props.pass = pass;
      return { id, source, target, props };
    });
  return fc
    .uniqueArray(edge, { maxLength: 10, selector: (e) => `${e.source}>${e.target}` })
    .map((edges) =>
      edges.map((e, index) => ({ ...e, id: e.id === 'e1' && index > 0 ? 'e1' : `e${index + 1}` })),
    );
}

const rawDesign = fc
  .record({
    format: fc.oneof(
      { weight: 40, arbitrary: fc.constant('stacksketch/v1') },
      { weight: 1, arbitrary: fc.constant('stacksketch/v2') },
    ),
    name: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('shop', 'todo-stack', '가게') },
      { weight: 1, arbitrary: hostile },
    ),
    nodes: fc.uniqueArray(node, { maxLength: 8, selector: (n) => n.id }),
  })
  .chain((partial) => edgesFor(partial.nodes).map((edges) => ({ ...partial, edges })));

/** The templates, sometimes with one node moved to another container: mostly clean designs, some not. */
const templateVariant = fc
  .record({
    id: fc.constantFrom(...TEMPLATE_IDS),
    move: fc.option(fc.tuple(fc.nat({ max: 10 }), fc.constantFrom('web', 'app', 'app-2', 'db')), { freq: 2 }),
  })
  .map(({ id, move }) => {
    const file = toFileObject(loadTemplate(id)) as { nodes: Record<string, unknown>[] };
    if (move) {
      const target = file.nodes[move[0] % file.nodes.length]!;
      if (target.kind !== 'client') target.container = move[1];
    }
    return file;
  });

const anyDesign = fc.oneof({ weight: 4, arbitrary: rawDesign }, { weight: 1, arbitrary: templateVariant });

describe('loader and validator on random designs', () => {
  it('never throw, are deterministic, every quick fix yields a loadable design, and error-free designs generate files that parse', () => {
    let loaded = 0;
    let refused = 0;
    let clean = 0;
    let fixesApplied = 0;
    let generated = 0;
    fc.assert(
      fc.property(anyDesign, (raw) => {
        const text = JSON.stringify(raw);
        const result = parseDesign(text);
        if (!result.ok) {
          refused++;
          expect(result.errors.length).toBeGreaterThan(0);
          return;
        }
        loaded++;
        const design = deepFreeze(result.design);
        const first = validate(design);
        for (const diagnostic of first) expect(diagnostic.message).not.toMatch(/^internal error/);
        const again = parseDesign(text);
        expect(again.ok && JSON.stringify(validate(again.design))).toBe(JSON.stringify(first));
        if (!first.some((d) => d.severity === 'error')) {
          clean++;
          // An error-free design always generates, the same bytes every time, and the files parse.
          const files = generate(design, { ...COMPOSE_EN, diagnostics: first }).files;
          // The copy parsed again has new objects: nothing generated for the first is reused.
          const copy = again.ok ? again.design : design;
          expect(JSON.stringify(generate(copy, { ...COMPOSE_EN, diagnostics: first }).files)).toBe(
            JSON.stringify(files),
          );
          for (const [path, content] of Object.entries(files)) {
            if (path.endsWith('nginx.conf')) expect(() => parseNginx(path, content), path).not.toThrow();
            if (path.endsWith('.yml'))
              expect(parseYaml(content, { version: '1.1' }), path).toBeTypeOf('object');
          }
          generated++;
        }
        for (const diagnostic of first) {
          for (const fix of [
            ...(diagnostic.fix ? [diagnostic.fix] : []),
            ...(diagnostic.alternatives ?? []),
          ]) {
            const fixed = fix.apply(design);
            const reloaded = parseDesign(serializeDesign(fixed));
            expect(reloaded.ok, `${diagnostic.rule}: ${fix.label}`).toBe(true);
            fixesApplied++;
          }
        }
      }),
      { numRuns: 10_000, seed: 20_240_601 },
    );
    // The generator must exercise both the loader's refusals and the rules on loaded designs.
    expect(refused).toBeGreaterThan(1_000);
    expect(loaded).toBeGreaterThan(3_000);
    expect(clean).toBeGreaterThan(500);
    expect(fixesApplied).toBeGreaterThan(1_000);
    expect(generated).toBe(clean);
  });
});
