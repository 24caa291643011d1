import { describe, expect, it } from 'vitest';
import type { Design, DesignNode } from '../model/design';
import { isClient } from '../nodes/registry';
import { RENAMES, pairs, plannable, random, sideBySide } from '../exporters/testing/sideBySide';
import { RULES } from './registry';
import { load } from './testing';
import type { Diagnostic } from './types';
import { validate } from './validate';

/** What a diagnostic says, its fixes by label. */
const said = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.map(({ rule, severity, message, nodes, edges, fix, alternatives }) => ({
    rule,
    severity,
    message,
    nodes,
    edges,
    fixes: [fix, ...(alternatives ?? [])].map((option) => option?.label),
  }));

/** validate() on a fresh copy: its shape is new, so every rule checks the whole design. */
const whole = (design: Design) => said(validate(structuredClone(design)));

/** One edit as the editor makes it: a node takes another node's props, or a container another replica count. */
function edited(design: Design, pick: (below: number) => number, donors: Map<string, DesignNode[]>): Design {
  const containers = Object.keys(design.containers);
  if (pick(3) === 0 && containers.length > 0) {
    const name = containers[pick(containers.length)]!;
    return { ...design, containers: { ...design.containers, [name]: { replicas: 1 + pick(3) } } };
  }
  const at = pick(design.nodes.length);
  const node = design.nodes[at]!;
  if (isClient(node)) return design;
  const like = donors.get(node.kind) ?? [node];
  const nodes = design.nodes.slice();
  nodes[at] = { ...node, props: structuredClone(like[pick(like.length)]!.props) } as DesignNode;
  return { ...design, nodes };
}

/** The nodes of a design taken alternately from its front and back half (its parts interleave). */
function interleaved(design: Design): Design {
  const half = Math.ceil(design.nodes.length / 2);
  const [front, back] = [design.nodes.slice(0, half), design.nodes.slice(half)];
  return { ...design, nodes: front.flatMap((node, at) => (back[at] ? [node, back[at]] : [node])) };
}

/** Every rule's examples, loaded. */
const examples = RULES.flatMap((rule) => [
  { id: `${rule.id} fires`, design: load(rule.examples.fires) },
  { id: `${rule.id} near miss`, design: load(rule.examples.nearMiss) },
]);

describe('rules checked part by part', () => {
  const donors = new Map<string, DesignNode[]>();
  for (const { design } of [...plannable, ...examples])
    for (const node of design.nodes) donors.set(node.kind, [...(donors.get(node.kind) ?? []), node]);

  /** Validated twice (the second time part by part) and after edits, as the whole design says. */
  function checkSequence(id: string, start: Design, pick: (below: number) => number): void {
    let design = start;
    validate(design);
    expect(said(validate(design)), id).toEqual(whole(design));
    for (let step = 0; step < 5; step++) {
      design = edited(design, pick, donors);
      expect(said(validate(design)), `${id}, edit ${step}`).toEqual(whole(design));
    }
  }

  it('say what they say of the whole design, for designs side by side and after edits', () => {
    const pick = random(17);
    for (const { id, design } of pairs(60, 19)) {
      checkSequence(id, design, pick);
      checkSequence(`${id}, interleaved`, interleaved(design), pick);
    }
  });

  it('say what they say of the whole design, for each rule example beside a template and itself', () => {
    const pick = random(23);
    const template = plannable[0]!;
    for (const example of examples) {
      checkSequence(
        `${template.id} + ${example.id}`,
        sideBySide(template.design, example.design, RENAMES[0]!),
        pick,
      );
      checkSequence(
        `${example.id} + ${template.id}`,
        sideBySide(example.design, template.design, RENAMES[0]!),
        pick,
      );
      checkSequence(`${example.id} twice`, sideBySide(example.design, example.design, RENAMES[0]!), pick);
    }
  });

  it('check again only the part an edit touched', () => {
    // Two stacks whose nginx serves a public name over plain HTTP (a plain-http warning each).
    const stack = (n: number) => [
      { id: `browser-${n}`, kind: 'client' },
      {
        id: `proxy-${n}`,
        kind: 'nginx',
        container: `web-${n}`,
        props: { listen: 8080 + n, serverName: `shop-${n}.example.com` },
      },
      { id: `api-${n}`, kind: 'flask', container: `app-${n}` },
    ];
    const edges = (n: number) => [
      { id: `e-${n}-client`, source: `browser-${n}`, target: `proxy-${n}` },
      { id: `e-${n}-web`, source: `proxy-${n}`, target: `api-${n}`, props: { route: '/' } },
    ];
    const design = load({
      format: 'stacksketch/v1',
      name: 'two stacks',
      nodes: [...stack(0), ...stack(1)],
      edges: [...edges(0), ...edges(1)],
    });
    const plainHttp = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.rule === 'plain-http');
    validate(design);
    const before = plainHttp(validate(design));
    expect(before.map((d) => d.nodes)).toEqual([['proxy-0'], ['proxy-1']]);
    const edited = {
      ...design,
      nodes: design.nodes.map((node) =>
        node.id === 'proxy-1'
          ? ({ ...node, props: { ...node.props, serverName: 'other.example.com' } } as DesignNode)
          : node,
      ),
    };
    const after = plainHttp(validate(edited));
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[1]!.message).toContain('other.example.com');
  });
});
