import { describe, expect, it } from 'vitest';
import type { Design, DesignNode } from '../../model/design';
import { servicesOf } from '../../model/services';
import { isClient } from '../../nodes/registry';
import { validate } from '../../validation/validate';
import { COMPOSE_EN, generate } from '../generate';
import type { DeploymentPlan } from '../planTypes';
import { pairs, plannable, random, same, sideBySide } from '../testing/sideBySide';
import { load } from '../testing/designs';
import { loadTemplate } from '../../model/templates';
import { plan, planPart } from './index';
import { planByParts, type PlannedPart } from './parts';

/** What plan() gave, in the form planPart gives it. */
const partOf = (deployment: DeploymentPlan): PlannedPart => ({
  services: deployment.services,
  volumes: deployment.volumes,
  certbots: deployment.certbots ?? [],
  notes: deployment.notes,
});

/** The design planned whole, on a fresh copy (nothing planned before is reused). */
function planWhole(design: Design): PlannedPart {
  const copy = structuredClone(design);
  return planPart(copy, servicesOf(copy));
}

describe('planning by independent parts', () => {
  it('gives the plan of the design planned whole, for designs side by side', () => {
    let split = 0;
    for (const { id, design } of pairs(300, 7)) {
      // A shape's first plan is whole; the second, part by part.
      expect(planByParts(design, planPart), id).toBeNull();
      if (planByParts(design, planPart)) split++;
      expect(partOf(plan(design)), id).toEqual(planWhole(design));
    }
    // Most pairs are planned in parts; the others (a name two parts would both take, notes in both) whole.
    expect(split).toBeGreaterThan(150);
  });

  it('gives the same bytes as a cold run after each of a sequence of edits', () => {
    const pick = random(11);
    const byKind = new Map<string, DesignNode[]>();
    for (const { design } of plannable)
      for (const node of design.nodes) byKind.set(node.kind, [...(byKind.get(node.kind) ?? []), node]);
    for (const { id, design: start } of pairs(40, 13)) {
      let design = start;
      generate(design, { ...COMPOSE_EN, diagnostics: validate(design) });
      for (let step = 0; step < 6; step++) {
        // One node takes the props of another node of its kind (as an inspector edit would).
        const at = pick(design.nodes.length);
        const node = design.nodes[at]!;
        if (isClient(node)) continue;
        const donors = byKind.get(node.kind)!;
        const props = structuredClone(donors[pick(donors.length)]!.props);
        const nodes = design.nodes.slice();
        nodes[at] = { ...node, props } as DesignNode;
        design = { ...design, nodes };
        const cold = structuredClone(design);
        let warm: Record<string, string>;
        try {
          warm = generate(design, { ...COMPOSE_EN, diagnostics: validate(design) }).files;
        } catch {
          expect(() => plan(cold), id).toThrow();
          continue;
        }
        expect(warm, `${id}, edit ${step}`).toEqual(
          generate(cold, { ...COMPOSE_EN, diagnostics: validate(cold) }).files,
        );
        expect(partOf(plan(design)), `${id}, edit ${step}`).toEqual(planWhole(design));
      }
    }
  });
});

/** Two stacks: browser → nginx → gunicorn (on a unix socket) → flask, in containers web-n and app-n. */
function twoSocketStacks(): Design {
  const stack = (n: number) => ({
    nodes: [
      { id: `browser-${n}`, kind: 'client' },
      { id: `proxy-${n}`, kind: 'nginx', container: `web-${n}`, props: { listen: 8080 + n } },
      {
        id: `srv-${n}`,
        kind: 'gunicorn',
        container: `app-${n}`,
        props: { transport: 'unix', socketPath: `/run/app-${n}/app.sock` },
      },
      { id: `api-${n}`, kind: 'flask', container: `app-${n}` },
    ],
    edges: [
      { id: `e-${n}-client`, source: `browser-${n}`, target: `proxy-${n}` },
      { id: `e-${n}-web`, source: `proxy-${n}`, target: `srv-${n}`, props: { route: '/' } },
      { id: `e-${n}-wsgi`, source: `srv-${n}`, target: `api-${n}` },
    ],
  });
  const [first, second] = [stack(0), stack(1)];
  return load({
    format: 'stacksketch/v1',
    name: 'two socket stacks',
    nodes: [...first.nodes, ...second.nodes],
    edges: [...first.edges, ...second.edges],
  });
}

/** The design with one node's props changed, every other node the same object. */
function withProps(design: Design, id: string, props: Record<string, unknown>): Design {
  return {
    ...design,
    nodes: design.nodes.map((node) =>
      node.id === id ? ({ ...node, props: { ...node.props, ...props } } as DesignNode) : node,
    ),
  };
}

describe('an edit in one part', () => {
  it('plans that part again and reuses the plan of the other', () => {
    const design = twoSocketStacks();
    const planned: string[][] = [];
    const counting = (part: Design, services: Parameters<typeof planPart>[1]) => {
      planned.push(part.nodes.map((node) => node.id));
      return planPart(part, services);
    };
    expect(planByParts(design, counting)).toBeNull();
    expect(planned).toEqual([]);
    const before = planByParts(design, counting)!;
    expect(planned).toEqual([
      ['browser-0', 'proxy-0', 'srv-0', 'api-0'],
      ['browser-1', 'proxy-1', 'srv-1', 'api-1'],
    ]);
    planned.length = 0;
    const after = planByParts(withProps(design, 'proxy-1', { serverName: 'one.example' }), counting)!;
    expect(planned).toEqual([['browser-1', 'proxy-1', 'srv-1', 'api-1']]);
    const named = (part: PlannedPart, name: string) => part.services.find((service) => service.name === name);
    expect(named(after, 'web-0')).toBe(named(before, 'web-0'));
    expect(named(after, 'web-1')).not.toBe(named(before, 'web-1'));
  });

  it('that makes two parts take one design-wide name gives the bytes of a cold run', () => {
    const design = twoSocketStacks();
    generate(design, COMPOSE_EN);
    expect(planByParts(design, planPart)).not.toBeNull();
    // Both servers on one socket path: the design-wide upstream for that address is named once.
    const edited = withProps(design, 'srv-1', { socketPath: '/run/app-0/app.sock' });
    expect(planByParts(edited, planPart)).toBeNull();
    expect(generate(edited, COMPOSE_EN).files).toEqual(generate(structuredClone(edited), COMPOSE_EN).files);
    expect(partOf(plan(edited))).toEqual(planWhole(edited));
    // Apart again: the parts are joined again.
    const apart = withProps(edited, 'srv-1', { socketPath: '/run/app-1/app.sock' });
    expect(planByParts(apart, planPart)).not.toBeNull();
    expect(partOf(plan(apart))).toEqual(planWhole(apart));
  });
});

describe('parts planned whole instead', () => {
  it('when a certbot would take the name of a service in another part', () => {
    const https = loadTemplate('https-letsencrypt');
    const design = sideBySide(https, https, [same, (container) => `${container}-certbot`]);
    plan(design); // its first plan is whole in any case
    expect(planByParts(design, planPart)).toBeNull();
    const whole = planWhole(design);
    expect(whole.certbots.map((certbot) => certbot.name)).toEqual(['web-certbot-2', 'web-certbot-certbot']);
    expect(partOf(plan(design))).toEqual(whole);
  });

  it('when two parts have notes (notes are listed step by step across the design)', () => {
    const design = load({
      format: 'stacksketch/v1',
      name: 'notes in two parts',
      nodes: [
        { id: 'api', kind: 'flask', container: 'app' },
        // A database in a system folder: a note of the volumes step.
        { id: 'db', kind: 'sqlite', container: 'app', props: { file: '/var/app.db' } },
        // A container that runs nothing: a note of the containers step, listed before the first.
        { id: 'spare', kind: 'sqlite', container: 'spare', props: { file: '/data/spare.db' } },
      ],
      edges: [{ id: 'e1', source: 'api', target: 'db' }],
    });
    plan(design); // its first plan is whole in any case
    expect(planByParts(design, planPart)).toBeNull();
    const whole = planWhole(design);
    expect(whole.notes[0]).toContain('"spare"');
    expect(partOf(plan(design))).toEqual(whole);
  });

  it('when the containers of two parts interleave in the design order', () => {
    const stacks = twoSocketStacks();
    // web-0, web-1, app-0, app-1: services are listed in container order, which no part gives alone.
    const byId = (id: string) => stacks.nodes.find((node) => node.id === id)!;
    const order = ['browser-0', 'proxy-0', 'browser-1', 'proxy-1', 'srv-0', 'api-0', 'srv-1', 'api-1'];
    const design = { ...stacks, nodes: order.map(byId) };
    plan(design); // its first plan is whole in any case
    expect(planByParts(design, planPart)).toBeNull();
    expect(partOf(plan(design))).toEqual(planWhole(design));
  });
});
