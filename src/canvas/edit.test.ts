import { beforeAll, describe, expect, it } from 'vitest';
import { FORMAT, type Design } from '../model/design';
import { loadTemplate } from '../model/templates';
import { validate } from '../validation/validate';
import {
  addNode,
  connect,
  connectionProblem,
  copySelection,
  deleteElements,
  moveNodes,
  nextNodeId,
  pasteClip,
  renameContainer,
  renameNode,
  setNodeProp,
} from './edit';
import { computeFrames, frameAt } from './frames';
import { layoutDesign, loadLayoutEngine, positionsFor } from './layout';

const empty = (): Design => ({ format: FORMAT, name: 'test', containers: {}, nodes: [], edges: [] });

function build(...kinds: Parameters<typeof addNode>[1][]): Design {
  let design = empty();
  kinds.forEach((kind, index) => {
    design = addNode(design, kind, { x: index * 250, y: 0 }).design;
  });
  return design;
}

beforeAll(() => loadLayoutEngine());

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
    expect(connectionProblem(design, 'sqlite', 'nginx')).toMatch(/SQLite is a file/);
    expect(connect(design, 'sqlite', 'nginx')).toBe(design);
    expect(connectionProblem(design, 'nginx', 'nginx')).toMatch(/itself/);
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
    expect(connectionProblem(design, 'nginx', 'uwsgi')).toMatch(/already connected/);
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
    expect(moveNodes(design, new Map([['api', design.nodes[3]!.position!]]))).toBe(design);
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

describe('frames and layout', () => {
  it('draws one frame per container around its nodes and finds the frame under a point', () => {
    const design = loadTemplate('gunicorn-flask-sqlite');
    const frames = computeFrames(design.nodes.map((n) => ({ ...n, position: n.position! })));
    expect(frames.map((f) => [f.container, f.members])).toEqual([
      ['app', 3],
      ['web', 1],
    ]);
    expect(frameAt(frames, { x: 700, y: 150 })?.container).toBe('app');
    expect(frameAt(frames, { x: 50, y: 150 })).toBeNull();
  });

  it('lays out designs without positions, keeping containers apart', () => {
    const design = loadTemplate('react-nginx-gunicorn');
    const bare = { ...design, nodes: design.nodes.map(({ position: _p, ...n }) => n) } as Design;
    const positions = layoutDesign(bare);
    expect(positions.size).toBe(design.nodes.length);
    const frames = computeFrames(bare.nodes.map((n) => ({ ...n, position: positions.get(n.id)! })));
    const [a, b] = frames;
    const overlap =
      a!.x < b!.x + b!.width && b!.x < a!.x + a!.width && a!.y < b!.y + b!.height && b!.y < a!.y + a!.height;
    expect(overlap).toBe(false);
    expect(positionsFor(design).get('api')).toEqual(design.nodes.find((n) => n.id === 'api')!.position);
  });
});
