import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { DesignNode } from '../model/design';
import { KINDS } from '../nodes/registry';
import { nodeSummary } from './summary';

export type EmbedNodeData = {
  node: DesignNode;
  title: string;
  errors: number;
  warnings: number;
};

/** A read-only node card. Every piece of design text is rendered as a text node, never as markup. */
export const EmbedNode = memo(function EmbedNode({ data }: NodeProps<Node<EmbedNodeData>>) {
  const { node, title, errors, warnings } = data;
  const descriptor = KINDS[node.kind];
  return (
    <div className={`embed-node embed-node--${descriptor.category}`}>
      {descriptor.handles.target && (
        <>
          <Handle id="in-right" type="target" position={Position.Left} isConnectable={false} />
          <Handle id="in-down" type="target" position={Position.Top} isConnectable={false} />
          <Handle id="in-up" type="target" position={Position.Bottom} isConnectable={false} />
        </>
      )}
      <div className="embed-node__title">
        <span className="embed-node__name">{title}</span>
        {errors > 0 && (
          <span className="embed-badge embed-badge--error" title={`${errors} error(s)`}>
            {errors}
          </span>
        )}
        {warnings > 0 && (
          <span className="embed-badge embed-badge--warning" title={`${warnings} warning(s)`}>
            {warnings}
          </span>
        )}
      </div>
      <div className="embed-node__summary">{nodeSummary(node)}</div>
      <div className="embed-node__id">{node.id}</div>
      {descriptor.handles.source && (
        <>
          <Handle id="out-right" type="source" position={Position.Right} isConnectable={false} />
          <Handle id="out-down" type="source" position={Position.Bottom} isConnectable={false} />
          <Handle id="out-up" type="source" position={Position.Top} isConnectable={false} />
        </>
      )}
    </div>
  );
});
