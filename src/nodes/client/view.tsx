import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { NodeCard, type DesignNodeData } from '../../canvas/NodeCard';
import type { NodeOfKind } from '../../model/design';

export const ClientView = memo(function ClientView({ id, data, selected }: NodeProps<Node<DesignNodeData>>) {
  const node = data.node as NodeOfKind<'client'>;
  return (
    <NodeCard id={id} node={node} title={node.props.label} summary={'HTTP client'} selected={selected} />
  );
});
