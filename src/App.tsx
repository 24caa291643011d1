import { Background, Controls, ReactFlow, ReactFlowProvider, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import { PreviewPanel } from './panels/preview/PreviewPanel';
import { ProblemsPanel } from './panels/problems/ProblemsPanel';
import { DownloadZipButton } from './panels/toolbar/DownloadZipButton';
import { ShareMenu } from './panels/toolbar/ShareMenu';
import { useAppStore } from './store';

/**
 * Layout: toolbar on top; palette | canvas | inspector + problems; preview below the canvas.
 * Each panel lives in its own folder under src/panels and is mounted here.
 */
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
  // One React Flow provider above the canvas and the panels, so panels can centre the view.
  return (
    <ReactFlowProvider>
      <div className="app">
        <header className="toolbar">
          <strong>StackSketch</strong> <span>{design.name}</span>
          <ShareMenu />
          <DownloadZipButton />
        </header>
        <div className="app-main">
          <aside className="palette-column" />
          <main className="center-column">
            <div className="canvas-wrap" data-testid="canvas">
              <ReactFlow nodes={nodes} edges={edges} fitView>
                <Background />
                <Controls />
              </ReactFlow>
            </div>
            <PreviewPanel />
          </main>
          <aside className="side-column">
            <ProblemsPanel />
          </aside>
        </div>
      </div>
    </ReactFlowProvider>
  );
}
