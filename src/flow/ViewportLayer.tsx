// React Flow pieces shared by the editor canvas and the read-only embed viewer.
import { useStore, type ReactFlowState } from '@xyflow/react';
import { useMemo, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

const domNodeOf = (state: ReactFlowState) => state.domNode;

/**
 * React Flow's ViewportPortal, with its target looked up once: the library's version searches the
 * whole canvas DOM on every store update, which on a 600-node design is a millisecond per drag frame.
 */
export function ViewportLayer({ children }: { children: ReactNode }) {
  const domNode = useStore(domNodeOf);
  const target = useMemo(() => domNode?.querySelector('.react-flow__viewport-portal') ?? null, [domNode]);
  return target ? createPortal(children, target) : null;
}
