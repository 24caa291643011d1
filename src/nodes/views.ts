import type { NodeTypes } from '@xyflow/react';
import { NodeCard } from '../canvas/NodeCard';
import { forEveryKind } from './registry';

/** React Flow node types keyed by kind, so each node renders as `.react-flow__node-<kind>`: one card for all. */
export const NODE_VIEWS = forEveryKind(NodeCard) satisfies NodeTypes;
