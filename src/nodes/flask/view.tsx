import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { NodeCard, type DesignNodeData } from '../../canvas/NodeCard';
import type { NodeOfKind } from '../../model/design';

export const FlaskView = memo(function FlaskView({ id, data, selected }: NodeProps<Node<DesignNodeData>>) {
  const node = data.node as NodeOfKind<'flask'>;
  return (
    <NodeCard
      id={id}
      node={node}
      summary={`${node.props.module}:${node.props.callable}`}
      selected={selected}
    />
  );
});
