import { MarkerType, type Edge, type Node } from '@xyflow/react';
import type { Design, DesignEdge, DesignNode, Position } from '../model/design';
import { edgeCaptionOf } from '../nodes/captions';
import type { ElementProblems } from '../store/selectors';
import type { DesignNodeData } from './NodeCard';

export type FlowNode = Node<DesignNodeData>;

/**
 * Derive React Flow nodes from the design, keeping the same object for every node whose design
 * node, position and selection did not change: React Flow then re-renders only what changed.
 */
export function createNodeDeriver() {
  let cache = new Map<
    string,
    { source: DesignNode; position: Position; selected: boolean; flow: FlowNode }
  >();
  return (design: Design, positions: ReadonlyMap<string, Position>, selected: ReadonlySet<string>) => {
    const next = new Map<
      string,
      { source: DesignNode; position: Position; selected: boolean; flow: FlowNode }
    >();
    const out = design.nodes.map((node) => {
      const position = positions.get(node.id) ?? { x: 0, y: 0 };
      const isSelected = selected.has(node.id);
      const hit = cache.get(node.id);
      if (
        hit &&
        hit.source === node &&
        hit.position.x === position.x &&
        hit.position.y === position.y &&
        hit.selected === isSelected
      ) {
        next.set(node.id, hit);
        return hit.flow;
      }
      const flow: FlowNode = {
        id: node.id,
        type: node.kind,
        position,
        data: hit && hit.source === node ? hit.flow.data : { node },
        selected: isSelected,
      };
      next.set(node.id, { source: node, position, selected: isSelected, flow });
      return flow;
    });
    cache = next;
    return out;
  };
}

/** What flows over an edge (HTTP, uwsgi_pass, WSGI, file, static) and the route on nginx edges. */
export function edgeLabel(
  edge: DesignEdge,
  source: DesignNode | undefined,
  target: DesignNode | undefined,
): string {
  return source && target ? (edgeCaptionOf(edge, source, target).text ?? '') : '';
}

export function createEdgeDeriver() {
  let cache = new Map<string, { source: DesignEdge; key: string; flow: Edge }>();
  return (
    design: Design,
    severities: ReadonlyMap<string, ElementProblems>,
    selected: ReadonlySet<string>,
  ) => {
    const byId = new Map(design.nodes.map((node) => [node.id, node]));
    const next = new Map<string, { source: DesignEdge; key: string; flow: Edge }>();
    const out = design.edges.map((edge) => {
      const label = edgeLabel(edge, byId.get(edge.source), byId.get(edge.target));
      const problems = severities.get(edge.id);
      const severity = problems?.errors ? 'error' : problems?.warnings ? 'warning' : 'ok';
      const isSelected = selected.has(edge.id);
      const key = `${label}\u0000${severity}\u0000${isSelected}`;
      const hit = cache.get(edge.id);
      if (hit && hit.source === edge && hit.key === key) {
        next.set(edge.id, hit);
        return hit.flow;
      }
      const color = severity === 'error' ? '#cf222e' : severity === 'warning' ? '#bf8700' : undefined;
      const flow: Edge = {
        id: edge.id,
        source: edge.source,
        target: edge.target,
        type: 'labelled',
        label,
        selected: isSelected,
        className: `edge-${severity}`,
        markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18, ...(color ? { color } : {}) },
        data: { severity },
      };
      next.set(edge.id, { source: edge, key, flow });
      return flow;
    });
    cache = next;
    return out;
  };
}
