import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { NodeCard, type DesignNodeData } from '../../canvas/NodeCard';
import type { NodeOfKind } from '../../model/design';

export const ReactStaticView = memo(function ReactStaticView({
  id,
  data,
  selected,
}: NodeProps<Node<DesignNodeData>>) {
  const node = data.node as NodeOfKind<'react-static'>;
  return (
    <NodeCard
      id={id}
      node={node}
      summary={node.props.spaFallback ? 'static build · SPA fallback' : 'static build'}
      selected={selected}
    />
  );
});
