import { Background, Controls, ReactFlow, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import { useAppStore } from './store';

/** Minimal page: shows the current design on a React Flow canvas (the editor replaces it). */
export function App() {
  const design = useAppStore((state) => state.design);
  const nodes = useMemo<Node[]>(
    () =>
      design.nodes.map((node, index) => ({
        id: node.id,
        type: 'default',
        position: node.position ?? { x: index * 200, y: 0 },
        data: { label: `${node.kind}: ${node.id}` },
      })),
    [design],
  );
  const edges = useMemo<Edge[]>(
    () => design.edges.map((edge) => ({ id: edge.id, source: edge.source, target: edge.target })),
    [design],
  );
  return (
    <div className="app">
      <header>StackSketch — {design.name}</header>
      <div className="canvas-wrap" data-testid="canvas">
        <ReactFlow nodes={nodes} edges={edges} fitView>
          <Background />
          <Controls />
        </ReactFlow>
      </div>
    </div>
  );
}
