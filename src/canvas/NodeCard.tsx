import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DesignNode } from '../model/design';
import { KINDS } from '../nodes/registry';
import { useAppStore } from '../store';
import { selectNodeProblems } from '../store/selectors';
import { canvasMeasure, fitter } from './fitText';
import { kindIconImageStyle } from './icons';

// Room for text in a card (see .node-card in styles.css): 190 px wide, borders 3 + 1, padding 9 + 10.
const SUMMARY_ROOM_PX = 167;
// …and beside the 28 px icon and its 8 px gap; a problem badge takes another 30 px or so.
const NAME_ROOM_PX = 131;
const BADGE_ROOM_PX = 32;

// Fonts as the page resolves them (the root's family, the --mono stack), read on first use.
const rootStyle = () => getComputedStyle(document.documentElement);
const fitName = fitter(canvasMeasure(() => `600 13px ${rootStyle().fontFamily || 'sans-serif'}`, 13 * 0.62));
const fitSummary = fitter(
  canvasMeasure(() => `11px ${rootStyle().getPropertyValue('--mono').trim() || 'monospace'}`, 11 * 0.6),
);

export interface DesignNodeData extends Record<string, unknown> {
  node: DesignNode;
}

/** The card's head: icon, kind, name (cut to the room the problem badge leaves) and the badge. */
function NodeHead({ id, node, name }: { id: string; node: DesignNode; name: string }) {
  const { errors, warnings } = useAppStore(useShallow((state) => selectNodeProblems(state, id)));
  const descriptor = KINDS[node.kind];
  const hasBadge = errors > 0 || warnings > 0;
  return (
    <div className="node-head">
      <span
        className="node-icon"
        style={kindIconImageStyle(descriptor.icon, descriptor.category)}
        aria-hidden="true"
      />
      <span className="node-titles">
        <span className="node-kind">{descriptor.label}</span>
        <span className="node-name" title={name}>
          {fitName(name, hasBadge ? NAME_ROOM_PX - BADGE_ROOM_PX : NAME_ROOM_PX)}
        </span>
      </span>
      {hasBadge && <ProblemBadge errors={errors} warnings={warnings} />}
    </div>
  );
}

function ProblemBadge({ errors, warnings }: { errors: number; warnings: number }) {
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
  return (
    <div className={`node-shell node-${descriptor.category}`}>
      <Handle
        type="target"
        position={Position.Left}
        className={descriptor.handles.target ? '' : 'handle-unused'}
        title={descriptor.handles.target ? 'Incoming: drop a connection here' : 'Nothing connects to this'}
      />
      <div className={`node-card${selected ? ' is-selected' : ''}`}>
        <NodeHead id={id} node={node} name={title ?? id} />
        <div className="node-summary" title={summary}>
          {fitSummary(summary, SUMMARY_ROOM_PX)}
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
