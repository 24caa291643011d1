import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { NodeCard, type DesignNodeData } from '../../canvas/NodeCard';
import type { NodeOfKind } from '../../model/design';

export const GunicornView = memo(function GunicornView({
  id,
  data,
  selected,
}: NodeProps<Node<DesignNodeData>>) {
  const node = data.node as NodeOfKind<'gunicorn'>;
  const { transport, port, workers, threads } = node.props;
  return (
    <NodeCard
      id={id}
      node={node}
      summary={`${transport === 'tcp' ? `tcp :${port}` : 'unix socket'} · workers ${workers}${threads > 1 ? ` × ${threads} threads` : ''}`}
      selected={selected}
    />
  );
});
