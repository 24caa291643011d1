import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DesignNode } from '../model/design';
import { KindCard } from '../nodes/card/KindCard';
import { KINDS } from '../nodes/registry';
import { useAppStore } from '../store';
import { selectNodeProblems } from '../store/selectors';

export interface DesignNodeData extends Record<string, unknown> {
  node: DesignNode;
}

/**
 * A design node on the canvas: the shared card with its problem badge and its two handles. Every kind
 * shows both handles so a refused connection can be tried and explained; the handles the kind does
 * not use (nothing calls a client, SQLite calls nothing) are drawn faint.
 */
export const NodeCard = memo(function NodeCard({ id, data, selected }: NodeProps<Node<DesignNodeData>>) {
  const { node } = data;
  const { errors, warnings } = useAppStore(useShallow((state) => selectNodeProblems(state, id)));
  const { handles } = KINDS[node.kind];
  return (
    <KindCard
      node={node}
      selected={selected}
      errors={errors}
      warnings={warnings}
      inputs={
        <Handle
          type="target"
          position={Position.Left}
          className={handles.target ? '' : 'handle-unused'}
          title={handles.target ? 'Incoming: drop a connection here' : 'Nothing connects to this'}
        />
      }
      outputs={
        <Handle
          type="source"
          position={Position.Right}
          className={handles.source ? '' : 'handle-unused'}
          title={handles.source ? 'Drag to what this calls' : 'This calls nothing'}
        />
      }
    />
  );
});
