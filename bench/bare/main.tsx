import {
  Background,
  ReactFlow,
  ReactFlowProvider,
  useEdgesState,
  useNodesState,
  type Edge,
  type Node,
  type Viewport,
} from '@xyflow/react';
import { useState } from 'react';
import '@xyflow/react/dist/style.css';
import { createRoot } from 'react-dom/client';

/**
 * The baseline for the drag benchmark: React Flow's documented controlled setup (useNodesState and
 * useEdgesState), default nodes and edges, nothing else. The graph comes from graph.json beside the page,
 * or from the file `?graph=` names (the first-paint benchmark's template). `?view=x,y,zoom` centres the
 * view on that flow point at that zoom instead of fitting the graph, so a drag compares the same view
 * as the editor's.
 */
interface Graph {
  nodes: Node[];
  edges: Edge[];
}

function viewFromQuery(): Viewport | undefined {
  const view = new URLSearchParams(location.search).get('view');
  if (!view) return undefined;
  const [x, y, zoom] = view.split(',').map(Number);
  if (![x, y, zoom].every((value) => Number.isFinite(value)) || zoom! <= 0) return undefined;
  return { x: innerWidth / 2 - x! * zoom!, y: innerHeight / 2 - y! * zoom!, zoom: zoom! };
}

function Flow({ graph }: { graph: Graph }) {
  const [view] = useState(viewFromQuery);
  const [nodes, , onNodesChange] = useNodesState(graph.nodes);
  const [edges, , onEdgesChange] = useEdgesState(graph.edges);
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      fitView={view === undefined}
      defaultViewport={view}
      minZoom={0.1}
    >
      <Background />
    </ReactFlow>
  );
}

async function start() {
  const file = new URLSearchParams(location.search).get('graph') ?? 'graph.json';
  const response = await fetch(`./${file}`);
  const graph = (await response.json()) as Graph;
  createRoot(document.getElementById('root')!).render(
    <ReactFlowProvider>
      <Flow graph={graph} />
    </ReactFlowProvider>,
  );
}

void start();
