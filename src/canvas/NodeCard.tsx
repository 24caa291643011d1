import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo, type ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DesignNode } from '../model/design';
import { KindCard } from '../nodes/card/KindCard';
import { KINDS, NODE_KINDS, type NodeKind } from '../nodes/registry';
import { useAppStore } from '../store';
import { selectNodeProblems } from '../store/selectors';

export interface DesignNodeData extends Record<string, unknown> {
  node: DesignNode;
}

/**
 * Each kind's two handles, made once: every kind shows both so a refused connection can be tried and
 * explained; the handles the kind does not use (nothing calls a client, SQLite calls nothing) are drawn
 * faint. Constant elements also let the memoized card skip the frames of a drag that change nothing in it.
 */
const HANDLES = Object.fromEntries(
  NODE_KINDS.map((kind) => {
    const { handles } = KINDS[kind];
    const inputs = (
      <Handle
        type="target"
        position={Position.Left}
        className={handles.target ? '' : 'handle-unused'}
        title={handles.target ? 'Incoming: drop a connection here' : 'Nothing connects to this'}
      />
    );
    const outputs = (
      <Handle
        type="source"
        position={Position.Right}
        className={handles.source ? '' : 'handle-unused'}
        title={handles.source ? 'Drag to what this calls' : 'This calls nothing'}
      />
    );
    return [kind, { inputs, outputs }];
  }),
) as { [K in NodeKind]: { inputs: ReactElement; outputs: ReactElement } };

/** A design node on the canvas: the shared card with its problem badge and its handles. */
export const NodeCard = memo(function NodeCard({ id, data, selected }: NodeProps<Node<DesignNodeData>>) {
  const { node } = data;
  const { errors, warnings } = useAppStore(useShallow((state) => selectNodeProblems(state, id)));
  const { inputs, outputs } = HANDLES[node.kind];
  return (
    <KindCard
      node={node}
      selected={selected}
      errors={errors}
      warnings={warnings}
      inputs={inputs}
      outputs={outputs}
    />
  );
});
