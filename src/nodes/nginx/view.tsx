import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { NodeCard, type DesignNodeData } from '../../canvas/NodeCard';
import type { NodeOfKind } from '../../model/design';

export const NginxView = memo(function NginxView({ id, data, selected }: NodeProps<Node<DesignNodeData>>) {
  const node = data.node as NodeOfKind<'nginx'>;
  return (
    <NodeCard
      id={id}
      node={node}
      summary={`:${node.props.listen} · ${node.props.serverName}${node.props.gzip ? ' · gzip' : ''}`}
      selected={selected}
    />
  );
});
