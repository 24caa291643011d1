import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import type { Position } from '../model/design';
import { isApp, isClient, isDatabase } from '../nodes/registry';
import type { NodeKind } from '../nodes/types';
import { useAppStore } from '../store';
import { addNode, defaultContainerFor } from '../model/edit';
import { freeSpot } from './placement';
import { computeFrames, emptyFramesOf, frameAt } from './frames';
import { NODE_HEIGHT, NODE_WIDTH } from './layout';

export const PALETTE_MIME = 'application/x-stacksketch-kind';
const GRID = 16;

/** Apps and databases belong with whatever they are dropped next to: they join the frame they land in. */
const followsFrame = (kind: NodeKind) => isApp({ kind }) || isDatabase({ kind });

/**
 * Add a node of a kind at a screen point (a palette drop) or, without one, in the free space nearest
 * the centre of the visible canvas. The new node is selected so the inspector shows it.
 */
export function useAddNodeAt() {
  const flow = useReactFlow();
  return useCallback(
    (kind: NodeKind, screenPoint?: Position) => {
      const { commit, select, draftFrames, design } = useAppStore.getState();
      let point = screenPoint;
      if (!point) {
        const rect = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
        point = rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : { x: 0, y: 0 };
      }
      const centre = flow.screenToFlowPosition(point);
      let position = {
        x: Math.round((centre.x - NODE_WIDTH / 2) / GRID) * GRID,
        y: Math.round((centre.y - NODE_HEIGHT / 2) / GRID) * GRID,
      };
      const placed = flow.getNodes().map((node) => ({
        id: node.id,
        container: (node.data as { node?: { container?: string } }).node?.container,
        position: node.position,
        width: node.measured?.width,
        height: node.measured?.height,
      }));
      let container: string | undefined;
      if (!screenPoint) {
        // Click or keyboard add: the nearest free space, clear of every card and of every frame but
        // the one the node joins by default (joining another service takes an explicit drop).
        const joins = isClient({ kind }) ? undefined : defaultContainerFor(design, kind);
        const frames = computeFrames(placed, emptyFramesOf(design, draftFrames)).filter(
          (frame) => frame.container !== joins,
        );
        const cards = placed.map((node) => ({
          ...node.position,
          width: node.width ?? NODE_WIDTH,
          height: node.height ?? NODE_HEIGHT,
        }));
        position = freeSpot(
          position,
          { width: NODE_WIDTH, height: NODE_HEIGHT },
          [...cards, ...frames],
          GRID,
        );
      } else if (!isClient({ kind })) {
        const frame = frameAt(computeFrames(placed, emptyFramesOf(design, draftFrames)), centre);
        const isDraft = frame !== null && frame.members === 0;
        if (frame && (followsFrame(kind) || isDraft)) container = frame.container;
      }
      let id = '';
      commit((design) => {
        const added = addNode(design, kind, position, container);
        id = added.id;
        return added.design;
      });
      if (id) select({ nodes: [id] });
    },
    [flow],
  );
}
