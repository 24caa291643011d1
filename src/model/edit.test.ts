import { describe, expect, it } from 'vitest';
import { FORMAT, type Design } from './design';
import { loadTemplate } from './templates';
import { validate } from '../validation/validate';
import {
  addNode,
  connect,
  connectionProblem,
  copySelection,
  deleteElements,
  insertEdge,
  insertNode,
  moveNodesTo,
  moveNodesToContainer,
  newEdge,
  newNode,
  nextNodeId,
  pasteClip,
  renameContainer,
  renameDesign,
  renameNode,
  retargetEdge,
  setEdgeProps,
  setNodeProp,
  setNodeProps,
  uniqueId,
  unusedContainer,
} from './edit';

const empty = (): Design => ({ format: FORMAT, name: 'test', containers: {}, nodes: [], edges: [] });

function build(...kinds: Parameters<typeof addNode>[1][]): Design {
  let design = empty();
  kinds.forEach((kind, index) => {
    design = addNode(design, kind, { x: index * 250, y: 0 }).design;
  });
  return design;
}

describe('adding nodes', () => {
  it('gives readable unique ids, default props and the default container', () => {
    const design = build('client', 'nginx', 'nginx', 'gunicorn', 'uwsgi', 'flask', 'sqlite');
    expect(design.nodes.map((n) => n.id)).toEqual([
      'client',
      'nginx',
      'nginx-2',
      'gunicorn',
      'uwsgi',
      'flask',
      'sqlite',
    ]);
    expect(design.nodes.map((n) => n.container)).toEqual([
      undefined,
      'web',
      'web',
      'app',
      'app-2',
      'app',
      'app',
    ]);
    expect(design.nodes[3]!.props).toEqual({
      transport: 'tcp',
      port: 8000,
      socketPath: '/run/gunicorn/gunicorn.sock',
      workers: 'auto',
      threads: 1,
      timeout: 30,
      maxRequests: 1000,
      maxRequestsJitter: 100,
    });
  });

  it('never reuses an edge id for a node id', () => {
    const design = { ...empty(), edges: [], nodes: [] } as Design;
    expect(
      nextNodeId({ ...design, edges: [{ id: 'nginx', source: 'a', target: 'b', props: {} }] }, 'nginx'),
    ).toBe('nginx-2');
  });
});

describe('connecting', () => {
  it('builds the seed-000 stack with routes on nginx edges, and a clean validation', () => {
    let design = build('client', 'nginx', 'gunicorn', 'flask', 'sqlite');
    design = connect(design, 'client', 'nginx');
    design = connect(design, 'nginx', 'gunicorn');
    design = connect(design, 'gunicorn', 'flask');
    design = connect(design, 'flask', 'sqlite');
    expect(design.edges.map((e) => [e.id, e.source, e.target, e.props])).toEqual([
      ['e1', 'client', 'nginx', {}],
      ['e2', 'nginx', 'gunicorn', { route: '/' }],
      ['e3', 'gunicorn', 'flask', {}],
      ['e4', 'flask', 'sqlite', {}],
    ]);
    expect(validate(design).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('refuses what the matrix forbids, with the reason, and returns the same design', () => {
    const design = build('nginx', 'sqlite');
    expect(connectionProblem(design, 'sqlite', 'nginx')).toMatchObject({
      code: 'refused',
      params: { source: 'sqlite', target: 'nginx', refusal: { code: 'databaseCallsNothing' } },
    });
    expect(connect(design, 'sqlite', 'nginx')).toBe(design);
    expect(connectionProblem(design, 'nginx', 'nginx')).toEqual({ code: 'self' });
    expect(connectionProblem(design, 'nginx', 'gone')).toEqual({ code: 'notNodes' });
  });

  it('gives a second route to a second target and the matching pass to uWSGI', () => {
    let design = build('nginx', 'react-static', 'uwsgi', 'uwsgi');
    design = setNodeProp(design, 'uwsgi-2', 'protocol', 'http');
    design = connect(design, 'nginx', 'react-static');
    design = connect(design, 'nginx', 'uwsgi');
    design = connect(design, 'nginx', 'uwsgi-2');
    expect(design.edges.map((e) => e.props)).toEqual([
      { route: '/' },
      { route: '/api/', pass: 'uwsgi_pass' },
      { route: '/app/', pass: 'proxy_pass' },
    ]);
    expect(connectionProblem(design, 'nginx', 'uwsgi')).toEqual({
      code: 'alreadyConnected',
      params: { source: 'nginx', target: 'uwsgi' },
    });
  });

  it('allows a client to reach an app server directly (the validator reports it)', () => {
    const design = connect(build('client', 'gunicorn'), 'client', 'gunicorn');
    expect(design.edges).toHaveLength(1);
  });
});

describe('editing', () => {
  it('deletes nodes with their edges, and nothing when nothing is named', () => {
    const design = loadTemplate('gunicorn-flask-sqlite');
    expect(deleteElements(design, [], [])).toBe(design);
    const next = deleteElements(design, ['api'], []);
    expect(next.nodes.map((n) => n.id)).toEqual(['browser', 'proxy', 'wsgi', 'db']);
    expect(next.edges.map((e) => e.id)).toEqual(['e1', 'e2']);
  });

  it('renames a container for all its nodes, and a node with its edges', () => {
    const design = loadTemplate('gunicorn-flask-sqlite');
    const renamed = renameContainer(design, 'app', 'backend');
    expect(renamed.nodes.map((n) => n.container)).toEqual([
      undefined,
      'web',
      'backend',
      'backend',
      'backend',
    ]);
    const moved = renameNode(design, 'api', 'shop');
    expect(typeof moved).toBe('object');
    expect((moved as Design).edges.filter((e) => e.source === 'shop' || e.target === 'shop')).toHaveLength(2);
    expect(renameNode(design, 'api', 'db')).toMatch(/already used/);
  });

  it('records nothing when a value or a position does not change', () => {
    const design = loadTemplate('gunicorn-flask-sqlite');
    expect(setNodeProp(design, 'wsgi', 'port', 8000)).toBe(design);
    expect(moveNodesTo(design, new Map([['api', design.nodes[3]!.position!]]))).toBe(design);
  });

  it('pastes copies with fresh ids and the edges between them', () => {
    const design = loadTemplate('gunicorn-flask-sqlite');
    const clip = copySelection(design, ['wsgi', 'api'])!;
    const { design: next, ids } = pasteClip(design, clip, { x: 32, y: 32 });
    expect(ids).toEqual(['wsgi-2', 'api-2']);
    expect(next.edges.at(-1)).toMatchObject({ source: 'wsgi-2', target: 'api-2' });
    expect(next.nodes.find((n) => n.id === 'api-2')!.position).toEqual({ x: 852, y: 152 });
  });
});

describe('edits the quick fixes are made of', () => {
  it('moves positions and containers apart: moveNodesTo places nodes, moveNodesToContainer rehouses them', () => {
    const design = loadTemplate('gunicorn-flask-sqlite');
    const placed = moveNodesTo(design, new Map([['db', { x: 10.4, y: 20.6 }]]));
    expect(placed.nodes.find((n) => n.id === 'db')).toMatchObject({
      container: 'app',
      position: { x: 10, y: 21 },
    });
    const rehoused = moveNodesToContainer(design, ['db', 'browser'], 'data');
    expect(rehoused.nodes.find((n) => n.id === 'db')!.container).toBe('data');
    expect(rehoused.nodes.find((n) => n.id === 'db')!.position).toEqual(design.nodes[4]!.position);
    // A client stays outside every container.
    expect(rehoused.nodes[0]).toBe(design.nodes[0]);
    expect(moveNodesToContainer(design, ['db'], 'app')).toBe(design);
  });

  it('keeps every untouched node and edge the same object', () => {
    const design = loadTemplate('gunicorn-flask-sqlite');
    const next = setNodeProps(design, 'wsgi', { port: 8001, workers: 3 });
    expect(next.nodes.filter((node, i) => node !== design.nodes[i]).map((n) => n.id)).toEqual(['wsgi']);
    expect(next.edges).toBe(design.edges);
    expect(next.nodes[2]!.props).toMatchObject({ port: 8001, workers: 3, transport: 'tcp' });
    expect(setNodeProps(next, 'wsgi', { port: 8001 })).toBe(next);
    const routed = setEdgeProps(design, 'e2', { route: '/api/' });
    expect(routed.edges.filter((edge, i) => edge !== design.edges[i]).map((e) => e.id)).toEqual(['e2']);
    expect(routed.nodes).toBe(design.nodes);
  });

  it('builds nodes with default props and inserts nodes and edges as given', () => {
    const node = newNode('gunicorn', 'extra', { container: 'app-2', props: { port: 9000 } });
    expect(node).toMatchObject({ id: 'extra', kind: 'gunicorn', container: 'app-2' });
    expect(node.props).toMatchObject({ port: 9000, transport: 'tcp', workers: 'auto' });
    expect(newNode('client', 'c', { container: 'web' }).container).toBeUndefined();
    const design = insertEdge(insertNode(empty(), node), newEdge('loop', 'extra', 'extra'));
    expect(design.nodes).toEqual([node]);
    expect(design.edges).toEqual([{ id: 'loop', source: 'extra', target: 'extra', props: {} }]);
  });

  it('retargets an edge keeping its id and props, and renames the design', () => {
    const design = loadTemplate('gunicorn-flask-sqlite');
    const next = retargetEdge(design, 'e2', 'api');
    expect(next.edges[1]).toEqual({ ...design.edges[1], target: 'api' });
    expect(retargetEdge(next, 'e2', 'api')).toBe(next);
    expect(renameDesign(design, 'shop').name).toBe('shop');
    expect(renameDesign(design, design.name)).toBe(design);
  });

  it('finds free ids and container names', () => {
    const design = loadTemplate('gunicorn-flask-sqlite');
    expect(uniqueId(design, 'api')).toBe('api-2');
    expect(uniqueId(design, 'api', ['api-2'])).toBe('api-3');
    expect(uniqueId(design, 'fresh')).toBe('fresh');
    expect(unusedContainer(design, 'app')).toBe('app-2');
    expect(unusedContainer(design, 'cache')).toBe('cache');
  });
});
