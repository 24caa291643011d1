import { describe, expect, it } from 'vitest';
import { nodeContainers } from './containers';
import { moveNodesToContainer, setNodeProp } from './edit';
import { servicesOf } from './services';
import { designShape } from './shape';
import { loadTemplate } from './templates';

describe('designShape', () => {
  it('stays the same object while only props and positions change', () => {
    const design = loadTemplate('gunicorn-flask-sqlite');
    const shape = designShape(design);
    const proxy = design.nodes.find((node) => node.container === 'web')!;
    const edited = setNodeProp(design, proxy.id, 'serverName', 'shop.example');
    expect(edited.edges).toBe(design.edges);
    expect(designShape(edited)).toBe(shape);
    const moved = { ...edited, nodes: edited.nodes.map((node) => ({ ...node, position: { x: 1, y: 2 } })) };
    expect(designShape(moved)).toBe(shape);
  });

  it('is a new object when a node changes container or kind, or an edge changes', () => {
    const design = loadTemplate('gunicorn-flask-sqlite');
    const shape = designShape(design);
    const proxy = design.nodes.find((node) => node.container === 'web')!;
    expect(designShape(moveNodesToContainer(design, [proxy.id], 'front'))).not.toBe(shape);
    expect(designShape({ ...design, edges: design.edges.slice(1) })).not.toBe(shape);
    expect(designShape({ ...design, nodes: design.nodes.slice(1) })).not.toBe(shape);
  });
});

describe('servicesOf per shape', () => {
  it('gives the same services after a props edit, and works them out again when a container changes', () => {
    const design = loadTemplate('gunicorn-flask-sqlite');
    const services = servicesOf(design);
    const proxy = design.nodes.find((node) => node.container === 'web')!;
    expect(servicesOf(setNodeProp(design, proxy.id, 'serverName', 'shop.example'))).toBe(services);
    const moved = moveNodesToContainer(design, [proxy.id], 'front');
    expect(servicesOf(moved)).not.toBe(services);
    expect(servicesOf(moved)).toEqual(servicesOf(structuredClone(moved)));
    expect(servicesOf(moved).map((entry) => entry.container)).toContain('front');
    const replicated = { ...design, containers: { ...design.containers, app: { replicas: 2 } } };
    expect(servicesOf(replicated)).not.toBe(services);
    expect(
      servicesOf(replicated).flatMap((entry) => entry.groups.flatMap((group) => group.copies)),
    ).toContain('app-1');
  });
});

describe('nodeContainers per shape', () => {
  it('gives the same list after a props edit, and a new one when a node changes container', () => {
    const design = loadTemplate('gunicorn-flask-sqlite');
    const names = nodeContainers(design);
    const proxy = design.nodes.find((node) => node.container === 'web')!;
    expect(nodeContainers(setNodeProp(design, proxy.id, 'serverName', 'shop.example'))).toBe(names);
    const moved = nodeContainers(moveNodesToContainer(design, [proxy.id], 'front'));
    expect(moved).not.toBe(names);
    expect(moved).toEqual(['front', 'app']);
  });
});
