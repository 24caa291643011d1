import {
  Background,
  ReactFlow,
  ReactFlowProvider,
  useEdgesState,
  useNodesState,
  type Edge,
  type Node,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { createRoot } from 'react-dom/client';

/**
 * The baseline for the drag benchmark: React Flow's documented controlled setup (useNodesState and
 * useEdgesState), default nodes and edges, nothing else. The graph comes from graph.json beside the page,
 * or from the file `?graph=` names (the first-paint benchmark's template).
 */
interface Graph {
  nodes: Node[];
  edges: Edge[];
}

function Flow({ graph }: { graph: Graph }) {
  const [nodes, , onNodesChange] = useNodesState(graph.nodes);
  const [edges, , onEdgesChange] = useEdgesState(graph.edges);
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      fitView
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
