import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { NodeCard, type DesignNodeData } from '../../canvas/NodeCard';
import type { NodeOfKind } from '../../model/design';

export const UwsgiView = memo(function UwsgiView({ id, data, selected }: NodeProps<Node<DesignNodeData>>) {
  const node = data.node as NodeOfKind<'uwsgi'>;
  const { protocol, transport, port, processes, threads } = node.props;
  return (
    <NodeCard
      id={id}
      node={node}
      summary={`${protocol === 'uwsgi' ? 'socket' : 'http-socket'} ${transport === 'tcp' ? `:${port}` : 'unix'} · ${processes} × ${threads}`}
      selected={selected}
    />
  );
});
