import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo, useMemo, type ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DesignNode } from '../model/design';
import { KindCard } from '../nodes/card/KindCard';
import type { UiMessages } from '../i18n';
import { KINDS, type NodeKind } from '../nodes/registry';
import { useAppStore } from '../store';
import { selectNodeProblems } from '../store/selectors';

export interface DesignNodeData extends Record<string, unknown> {
  node: DesignNode;
}

type CanvasWords = UiMessages['canvas'];

/**
 * A kind's two handles: every kind shows both so a refused connection can be tried and explained; the
 * handles the kind does not use (nothing calls a client, SQLite calls nothing) are drawn faint.
 */
function handlesOf(
  id: string,
  kind: NodeKind,
  words: CanvasWords,
): { inputs: ReactElement; outputs: ReactElement } {
  const { handles } = KINDS[kind];
  const inputs = (
    <Handle
      type="target"
      position={Position.Left}
      className={handles.target ? '' : 'handle-unused'}
      title={handles.target ? words.handleIn : words.handleInNone}
      role="img"
      aria-label={words.handleInOf({ id })}
    />
  );
  const outputs = (
    <Handle
      type="source"
      position={Position.Right}
      className={handles.source ? '' : 'handle-unused'}
      title={handles.source ? words.handleOut : words.handleOutNone}
      role="img"
      aria-label={words.handleOutOf({ id })}
    />
  );
  return { inputs, outputs };
}

/** A design node on the canvas: the shared card with its problem badge and its handles. */
export const NodeCard = memo(function NodeCard({ id, data, selected }: NodeProps<Node<DesignNodeData>>) {
  const { node } = data;
  const { errors, warnings } = useAppStore(useShallow((state) => selectNodeProblems(state, id)));
  const words = useAppStore((state) => state.catalogue.ui.canvas);
  // The same elements until the kind or the language changes, so the memoized card skips the frames of
  // a drag that change nothing in it.
  const { inputs, outputs } = useMemo(() => handlesOf(id, node.kind, words), [id, node.kind, words]);
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
