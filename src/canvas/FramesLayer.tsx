import { useReactFlow } from '@xyflow/react';
import { memo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { Position } from '../model/design';
import { removeContainer, replicasOf } from '../model/containers';
import { checkContainerName } from '../model/fields';
import { useAppStore } from '../store';
import { moveNodesTo, renameContainer } from '../model/edit';
import { positionsFor } from './layout';
import type { Frame } from './frames';
import { useText } from '../app/language';
import { ViewportLayer } from '../flow/ViewportLayer';

/** Dragging a frame by its name moves every node in it (one undo step). */
function useFrameDrag(frame: Frame) {
  const flow = useReactFlow();
  const drag = useRef<{ start: Position; zoom: number; origin: Map<string, Position>; frame: number } | null>(
    null,
  );
  const onPointerDown = (event: PointerEvent<HTMLElement>) => {
    if (event.button !== 0 || frame.members === 0) return;
    const design = useAppStore.getState().design;
    const all = positionsFor(design);
    const origin = new Map(
      design.nodes.filter((n) => n.container === frame.container).map((n) => [n.id, all.get(n.id)!]),
    );
    drag.current = { start: { x: event.clientX, y: event.clientY }, zoom: flow.getZoom(), origin, frame: 0 };
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLElement>) => {
    const current = drag.current;
    if (!current) return;
    const dx = Math.round((event.clientX - current.start.x) / current.zoom / 16) * 16;
    const dy = Math.round((event.clientY - current.start.y) / current.zoom / 16) * 16;
    cancelAnimationFrame(current.frame);
    current.frame = requestAnimationFrame(() => {
      const moved = new Map([...current.origin].map(([id, p]) => [id, { x: p.x + dx, y: p.y + dy }]));
      useAppStore
        .getState()
        .commit((design) => moveNodesTo(design, moved), { coalesce: `frame-drag:${frame.container}` });
    });
  };
  const onPointerUp = () => {
    if (!drag.current) return;
    drag.current = null;
    // Let the last move land, then close the undo step.
    requestAnimationFrame(() => useAppStore.getState().breakCoalesce());
  };
  return { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp };
}

function FrameName({ frame }: { frame: Frame }) {
  const words = useText().canvas;
  const dragHandlers = useFrameDrag(frame);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(frame.container);
  const problem = editing ? checkContainerName(text) : null;

  const start = () => {
    setText(frame.container);
    setEditing(true);
  };
  const finish = (apply: boolean) => {
    if (apply && checkContainerName(text) === null && text !== frame.container) {
      const { commit, draftFrames, setDraftFrames, selectedContainer, selectContainer } =
        useAppStore.getState();
      // The container's entry (its settings) moves with its nodes; an empty frame keeps its place.
      commit((design) => renameContainer(design, frame.container, text));
      setDraftFrames(
        draftFrames.map((d) => (d.container === frame.container ? { ...d, container: text } : d)),
      );
      if (selectedContainer === frame.container) selectContainer(text);
    }
    if (!apply || checkContainerName(text) === null) setEditing(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') finish(true);
    if (event.key === 'Escape') finish(false);
  };

  if (!editing) {
    return (
      <button
        type="button"
        className="frame-name nopan nodrag"
        data-testid={`frame-name-${frame.container}`}
        title={words.frameTitle}
        onClick={(event) => {
          event.stopPropagation();
          useAppStore.getState().selectContainer(frame.container);
        }}
        onDoubleClick={start}
        {...dragHandlers}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === 'F2') start();
        }}
      >
        <span className="frame-kind">{words.frameKind}</span> {frame.container}
      </button>
    );
  }
  return (
    <span className="frame-rename nodrag nopan">
      <input
        autoFocus
        aria-label={words.renameFrame({ container: frame.container })}
        data-testid={`frame-rename-${frame.container}`}
        aria-invalid={problem !== null}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => finish(true)}
      />
      {problem && (
        <span className="field-error" role="status">
          {problem}
        </span>
      )}
    </span>
  );
}

/** Delete an empty frame: its container leaves the design (one undo step). */
function DeleteEmptyFrame({ container }: { container: string }) {
  const text = useText().canvas;
  return (
    <button
      type="button"
      className="frame-delete nopan nodrag"
      data-testid={`frame-delete-${container}`}
      aria-label={text.deleteFrameLabel({ container })}
      title={text.deleteFrame}
      onClick={(event) => {
        event.stopPropagation();
        const { commit, draftFrames, setDraftFrames, selectedContainer, selectContainer } =
          useAppStore.getState();
        commit((design) => removeContainer(design, container));
        setDraftFrames(draftFrames.filter((d) => d.container !== container));
        if (selectedContainer === container) selectContainer(null);
      }}
    >
      ×
    </button>
  );
}

/** One service frame; memoised so a drag re-renders only frames whose geometry or state changed. */
const FrameBox = memo(function FrameBox({ frame, isDropTarget }: { frame: Frame; isDropTarget: boolean }) {
  const replicas = useAppStore((state) => replicasOf(state.design, frame.container));
  const selected = useAppStore((state) => state.selectedContainer === frame.container);
  return (
    <div
      className={`frame${isDropTarget ? ' is-drop-target' : ''}${frame.members === 0 ? ' is-draft' : ''}${selected ? ' is-selected' : ''}`}
      data-testid={`frame-${frame.container}`}
      data-container={frame.container}
      // left/top rather than a transform: 300 transformed boxes cost the compositor on every frame
      style={{ left: frame.x, top: frame.y, width: frame.width, height: frame.height }}
    >
      <FrameName frame={frame} />
      {replicas > 1 && (
        <span
          className="frame-replicas"
          data-testid={`frame-replicas-${frame.container}`}
          title={`${replicas} copies of this service run`}
        >
          ×{replicas}
        </span>
      )}
      {frame.members === 0 && <DeleteEmptyFrame container={frame.container} />}
    </div>
  );
});

/** Each Docker Compose service drawn as a labelled frame behind its nodes. */
export const FramesLayer = memo(function FramesLayer({
  frames,
  dropTarget,
}: {
  frames: Frame[];
  dropTarget: string | null;
}) {
  return (
    <ViewportLayer>
      {frames.map((frame) => (
        <FrameBox key={frame.container} frame={frame} isDropTarget={frame.container === dropTarget} />
      ))}
    </ViewportLayer>
  );
});
