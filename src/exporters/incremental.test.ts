import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Design, DesignNode } from '../model/design';
import { KINDS, type PropSpec } from '../nodes/registry';
import { validate } from '../validation/validate';
import { COMPOSE_EN, generate } from './generate';
import { reuseWhenSame, sameValue } from './incremental';
import { goldenDesigns } from './testing/golden';

describe('reuseWhenSame', () => {
  it('reuses a result for the same key and equal inputs, and recomputes otherwise', () => {
    let calls = 0;
    const step = reuseWhenSame(
      (_node: object, names: string[]) => {
        calls++;
        return { names: [...names] };
      },
      (node) => node,
    );
    const node = {};
    const first = step(node, ['a']);
    expect(step(node, ['a'])).toBe(first);
    expect(step(node, ['b'])).not.toBe(first);
    expect(step({}, ['b'])).toEqual({ names: ['b'] });
    expect(calls).toBe(3);
  });

  it('keeps the newest equal inputs, so the next call finds them by identity', () => {
    let calls = 0;
    const step = reuseWhenSame(
      (_node: object, options: { port: number }) => {
        calls++;
        return options.port;
      },
      (node) => node,
    );
    const node = {};
    const older = { port: 80 };
    const newer = { port: 80 };
    step(node, older);
    expect(step(node, newer)).toBe(80);
    // Had the older inputs been kept, this change to them would make the newer ones differ.
    older.port = 81;
    expect(step(node, newer)).toBe(80);
    expect(calls).toBe(1);
  });

  it('compares plain data by value and anything else by identity', () => {
    expect(sameValue({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameValue([1, 2], [1, 2, 3])).toBe(false);
    expect(sameValue(new Set([1]), new Set([1]))).toBe(false);
    expect(sameValue('x', 'x')).toBe(true);
  });
});

/** A new value for one prop of a node, within what the prop accepts (or the node moved to another container). */
function editedNode(node: DesignNode, pick: number): DesignNode {
  const props = Object.entries(KINDS[node.kind].props as Record<string, PropSpec>);
  if (props.length === 0 || pick % (props.length + 1) === props.length)
    return { ...node, container: node.container === undefined ? undefined : `${node.container}-moved` };
  const [name, spec] = props[pick % props.length]!;
  const current = (node.props as unknown as Record<string, unknown>)[name];
  let value: unknown;
  if (spec.type === 'boolean') value = !current;
  else if (spec.type === 'enum')
    value =
      spec.options[(spec.options.findIndex((o) => o.value === current) + 1) % spec.options.length]!.value;
  else if (spec.type === 'number' || spec.type === 'integer')
    value = typeof current === 'number' && current < 9000 ? current + 1 : 8080;
  else if (spec.type === 'workers') value = current === 'auto' ? 3 : 'auto';
  else value = spec.default;
  return { ...node, props: { ...node.props, [name]: value } } as DesignNode;
}

describe('incremental generation', () => {
  const designs = goldenDesigns().filter(({ design }) => design.nodes.length > 0);

  it('gives the bytes of a cold run after random one-node edits', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: designs.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 4 }),
        (which, edits) => {
          let design: Design = designs[which]!.design;
          generate(design, COMPOSE_EN);
          for (const [at, pick] of edits) {
            const nodes = design.nodes.slice();
            const index = at % nodes.length;
            nodes[index] = editedNode(nodes[index]!, pick);
            design = { ...design, nodes };
            const cold = structuredClone(design);
            let warm: Record<string, string> | Error;
            let fresh: Record<string, string> | Error;
            try {
              warm = generate(design, { ...COMPOSE_EN, diagnostics: validate(design) }).files;
            } catch (error) {
              warm = error as Error;
            }
            try {
              fresh = generate(cold, { ...COMPOSE_EN, diagnostics: validate(cold) }).files;
            } catch (error) {
              fresh = error as Error;
            }
            if (warm instanceof Error || fresh instanceof Error) {
              expect(String(warm)).toBe(String(fresh));
              return;
            }
            expect(Object.keys(warm)).toEqual(Object.keys(fresh));
            for (const path of Object.keys(fresh)) expect(warm[path], path).toBe(fresh[path]);
          }
        },
      ),
      { numRuns: 150, seed: 14 },
    );
  });

  it('reuses the planned services an edit does not touch', () => {
    const design = designs.find(({ id }) => id === 'react-nginx-gunicorn')!.design;
    const before = generate(design, COMPOSE_EN).plan;
    const nodes = design.nodes.map((node) => (node.kind === 'nginx' ? editedNode(node, 1) : node));
    const after = generate({ ...design, nodes }, COMPOSE_EN).plan;
    const byName = (name: string, plan: typeof before) =>
      plan.services.find((service) => service.name === name);
    expect(byName('app', after)).toBe(byName('app', before));
    expect(byName('web', after)).not.toBe(byName('web', before));
  });
});
