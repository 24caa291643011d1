import type { Design } from '../../src/model/design';
import { loadDesign } from '../../src/model/load';

/**
 * Large designs for the benchmarks, built from the same kinds users draw, so the editor renders its
 * real custom nodes. Every stack has its own containers, host port and database file, so the design
 * is valid (no errors) and the exporters have real work for each stack.
 */

interface StackLayout {
  /** Top-left corner of the stack on the canvas. */
  x: number;
  y: number;
}

function stackFile(index: number, at: StackLayout, withClient: boolean) {
  const web = `web-${index}`;
  const app = `app-${index}`;
  const nodes: Record<string, unknown>[] = [];
  const edges: Record<string, unknown>[] = [];
  if (withClient) {
    nodes.push({ id: `client-${index}`, kind: 'client', position: { x: at.x, y: at.y + 40 } });
  }
  nodes.push(
    {
      id: `nginx-${index}`,
      kind: 'nginx',
      container: web,
      position: { x: at.x + 220, y: at.y },
      props: { listen: 10000 + index, serverName: 'localhost' },
    },
    {
      id: `gunicorn-${index}`,
      kind: 'gunicorn',
      container: app,
      position: { x: at.x + 440, y: at.y },
      props: { transport: 'tcp', port: 8000, workers: 2 },
    },
    {
      id: `flask-${index}`,
      kind: 'flask',
      container: app,
      position: { x: at.x + 440, y: at.y + 110 },
      props: { module: 'app', callable: 'app' },
    },
    {
      id: `sqlite-${index}`,
      kind: 'sqlite',
      container: app,
      position: { x: at.x + 660, y: at.y + 110 },
      props: { file: `/data/app-${index}.db` },
    },
  );
  edges.push(
    { id: `e-${index}-web`, source: `nginx-${index}`, target: `gunicorn-${index}`, props: { route: '/' } },
    { id: `e-${index}-wsgi`, source: `gunicorn-${index}`, target: `flask-${index}` },
    { id: `e-${index}-db`, source: `flask-${index}`, target: `sqlite-${index}` },
  );
  return { nodes, edges };
}

function load(file: Record<string, unknown>): Design {
  const result = loadDesign(file);
  if (!result.ok) {
    throw new Error(
      `benchmark design does not load: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
    );
  }
  return result.design;
}

/** `stacks` copies of client → nginx → gunicorn → flask → sqlite: 5 nodes and 4 edges each. */
export function independentStacksDesign(stacks: number): Design {
  const nodes: Record<string, unknown>[] = [];
  const edges: Record<string, unknown>[] = [];
  const columns = 4;
  for (let i = 0; i < stacks; i++) {
    const part = stackFile(i, { x: (i % columns) * 900, y: Math.floor(i / columns) * 260 }, true);
    nodes.push(...part.nodes);
    edges.push(...part.edges, { id: `e-${i}-client`, source: `client-${i}`, target: `nginx-${i}` });
  }
  return load({ format: 'stacksketch/v1', name: `bench-${stacks * 5}-nodes`, nodes, edges });
}

/**
 * One client in front of `stacks` nginx → gunicorn → flask → sqlite stacks: 1 + 4·stacks nodes and
 * 4·stacks edges (156 stacks: 625 nodes, 624 edges — the drag benchmark's graph).
 */
export function sharedClientDesign(stacks: number): Design {
  const nodes: Record<string, unknown>[] = [
    { id: 'browser', kind: 'client', position: { x: -260, y: 0 }, props: { label: 'Browser' } },
  ];
  const edges: Record<string, unknown>[] = [];
  const columns = 12;
  for (let i = 0; i < stacks; i++) {
    const part = stackFile(i, { x: (i % columns) * 900, y: Math.floor(i / columns) * 260 }, false);
    nodes.push(...part.nodes);
    edges.push(...part.edges, { id: `e-${i}-client`, source: 'browser', target: `nginx-${i}` });
  }
  return load({ format: 'stacksketch/v1', name: `bench-${1 + stacks * 4}-nodes`, nodes, edges });
}

/** The graph as plain React Flow data with default nodes, for the bare React Flow page. */
export function bareGraphOf(design: Design) {
  return {
    nodes: design.nodes.map((node) => ({
      id: node.id,
      position: node.position ?? { x: 0, y: 0 },
      data: { label: `${node.kind}: ${node.id}` },
    })),
    edges: design.edges.map((edge) => ({ id: edge.id, source: edge.source, target: edge.target })),
  };
}
