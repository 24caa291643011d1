import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { NodeCard, type DesignNodeData } from '../../canvas/NodeCard';
import type { NodeOfKind } from '../../model/design';

export const SqliteView = memo(function SqliteView({ id, data, selected }: NodeProps<Node<DesignNodeData>>) {
  const node = data.node as NodeOfKind<'sqlite'>;
  return <NodeCard id={id} node={node} summary={node.props.file} selected={selected} />;
});
