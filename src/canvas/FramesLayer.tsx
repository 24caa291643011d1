import { ViewportPortal } from '@xyflow/react';
import { memo, useState, type KeyboardEvent } from 'react';
import { checkContainerName } from '../model/fields';
import { useAppStore } from '../store';
import { renameContainer } from './edit';
import type { Frame } from './frames';

function FrameName({ frame }: { frame: Frame }) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(frame.container);
  const problem = editing ? checkContainerName(text) : null;

  const start = () => {
    setText(frame.container);
    setEditing(true);
  };
  const finish = (apply: boolean) => {
    if (apply && checkContainerName(text) === null && text !== frame.container) {
      const { commit, draftFrames, setDraftFrames } = useAppStore.getState();
      if (frame.members === 0)
        setDraftFrames(
          draftFrames.map((d) => (d.container === frame.container ? { ...d, container: text } : d)),
        );
      else commit((design) => renameContainer(design, frame.container, text));
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
        className="frame-name"
        data-testid={`frame-name-${frame.container}`}
        title="Docker Compose service: double-click to rename"
        onDoubleClick={start}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === 'F2') start();
        }}
      >
        <span className="frame-kind">service</span> {frame.container}
      </button>
    );
  }
  return (
    <span className="frame-rename nodrag nopan">
      <input
        autoFocus
        aria-label={`Rename service ${frame.container}`}
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

/** Each Docker Compose service drawn as a labelled frame behind its nodes. */
export const FramesLayer = memo(function FramesLayer({
  frames,
  dropTarget,
}: {
  frames: Frame[];
  dropTarget: string | null;
}) {
  return (
    <ViewportPortal>
      {frames.map((frame) => (
        <div
          key={frame.container}
          className={`frame${frame.container === dropTarget ? ' is-drop-target' : ''}${frame.members === 0 ? ' is-draft' : ''}`}
          data-testid={`frame-${frame.container}`}
          data-container={frame.container}
          style={{
            transform: `translate(${frame.x}px, ${frame.y}px)`,
            width: frame.width,
            height: frame.height,
          }}
        >
          <FrameName frame={frame} />
        </div>
      ))}
    </ViewportPortal>
  );
});
