import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DesignNode } from '../model/design';
import { KINDS } from '../nodes/registry';
import { useAppStore } from '../store';
import { selectNodeProblems } from '../store/selectors';
import { kindIconImageStyle } from './icons';

export interface DesignNodeData extends Record<string, unknown> {
  node: DesignNode;
}

function ProblemBadge({ id }: { id: string }) {
  const { errors, warnings } = useAppStore(useShallow((state) => selectNodeProblems(state, id)));
  if (errors === 0 && warnings === 0) return null;
  const severity = errors > 0 ? 'error' : 'warning';
  const count = errors > 0 ? errors : warnings;
  const text =
    `${errors > 0 ? `${errors} error${errors === 1 ? '' : 's'}` : ''}` +
    `${errors > 0 && warnings > 0 ? ', ' : ''}` +
    `${warnings > 0 ? `${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`;
  return (
    <span
      className={`node-badge node-badge-${severity}`}
      data-severity={severity}
      title={text}
      aria-label={text}
    >
      {severity === 'error' ? '!' : '▲'}
      {count > 1 ? count : ''}
    </span>
  );
}

/**
 * The card every node kind draws: icon, kind, name, one line of key settings and its handles.
 * Every kind shows both handles so a refused connection can be tried and explained; the handles the
 * kind does not use (nothing calls a client, SQLite calls nothing) are drawn faint.
 */
export const NodeCard = memo(function NodeCard({
  id,
  node,
  title,
  summary,
  selected,
}: {
  id: string;
  node: DesignNode;
  title?: string;
  summary: string;
  selected: boolean;
}) {
  const descriptor = KINDS[node.kind];
  // The handles sit beside the card, not in it: the card clips its own content (one clip per node
  // keeps the compositor's work per frame low on large designs) and must not clip the handles.
  return (
    <div className={`node-shell node-${descriptor.category}`}>
      <Handle
        type="target"
        position={Position.Left}
        className={descriptor.handles.target ? '' : 'handle-unused'}
        title={descriptor.handles.target ? 'Incoming: drop a connection here' : 'Nothing connects to this'}
      />
      <div className={`node-card${selected ? ' is-selected' : ''}`}>
        {/* One clip for the whole body (no ellipsis per line): each clip is compositor work per frame. */}
        <div className="node-body">
          <div className="node-head">
            <span
              className="node-icon"
              style={kindIconImageStyle(descriptor.icon, descriptor.category)}
              aria-hidden="true"
            />
            <span className="node-titles">
              <span className="node-kind">{descriptor.label}</span>
              <span className="node-name" title={title ?? id}>
                {title ?? id}
              </span>
            </span>
            <ProblemBadge id={id} />
          </div>
          <div className="node-summary" title={summary}>
            {summary}
          </div>
        </div>
      </div>
      <Handle
        type="source"
        position={Position.Right}
        className={descriptor.handles.source ? '' : 'handle-unused'}
        title={descriptor.handles.source ? 'Drag to what this calls' : 'This calls nothing'}
      />
    </div>
  );
});

export type DesignNodeProps = NodeProps & { data: DesignNodeData };
