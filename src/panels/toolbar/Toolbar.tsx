import { useReactFlow, type ReactFlowInstance } from '@xyflow/react';
import { useRef, type ChangeEvent } from 'react';
import { designFileName, emptyDesign, openLoadResult, replaceAfterAsking } from '../../app/loadFlow';
import { nextColorMode } from '../../app/theme';
import { EMPTY_FRAME_SIZE, freshContainerName } from '../../canvas/frames';
import { FIT_VIEW, layoutDesign, loadLayoutEngine } from '../../canvas/layout';
import { moveNodesTo, moveNodesToContainer } from '../../model/edit';
import { addContainer, containerNames } from '../../model/containers';
import { serializeDesign } from '../../model/serialize';
import { TARGETS, type Target } from '../../model/target';
import { isClient } from '../../nodes/registry';
import { useAppStore } from '../../store';
import { useText } from '../../app/language';
import { LanguageSelect } from './LanguageSelect';
import { ImportConfigs } from '../import/ImportConfigs';
import { DownloadZipButton } from './DownloadZipButton';
import { ShareMenu } from './ShareMenu';
import { ProblemsCount } from './ProblemsCount';
import { MoreMenu } from './MoreMenu';

/** Where the bundle runs; the problems panel, the preview and the zip follow it. */
function TargetSelect() {
  const target = useAppStore((state) => state.target);
  const text = useText().target;
  return (
    <select
      data-testid="target"
      aria-label={text.label}
      title={text.title}
      value={target}
      onChange={(event) => {
        const value = event.target.value;
        if (isTarget(value) && RENDERERS_READY.includes(value)) useAppStore.getState().setTarget(value);
      }}
    >
      <option value="compose">{text.compose}</option>
      <option value="server">{text.server}</option>
      <option value="kubernetes">{text.kubernetes}</option>
    </select>
  );
}

/** Targets the editor can generate. */
const RENDERERS_READY: readonly Target[] = ['compose', 'server', 'kubernetes'];

function isTarget(value: string): value is Target {
  return (TARGETS as readonly string[]).includes(value);
}

function DesignName() {
  const name = useAppStore((state) => state.design.name);
  const commit = useAppStore((state) => state.commit);
  const breakCoalesce = useAppStore((state) => state.breakCoalesce);
  const text = useText().toolbar;
  return (
    <input
      className="design-name"
      data-testid="design-name"
      aria-label={text.designName}
      spellCheck={false}
      value={name}
      onChange={(event) => {
        const value = event.target.value;
        commit((design) => (design.name === value ? design : { ...design, name: value }), {
          coalesce: 'design-name',
        });
      }}
      onBlur={breakCoalesce}
    />
  );
}

export function saveDesignFile(): void {
  const { design, markClean } = useAppStore.getState();
  const blob = new Blob([serializeDesign(design)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = designFileName(design.name);
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
  markClean();
}

/** Arrange the nodes left to right (one undo step), then fit them in view once they have moved. */
export async function autoLayout(flow: Pick<ReactFlowInstance, 'fitView'>): Promise<void> {
  await loadLayoutEngine();
  useAppStore.getState().commit((design) => moveNodesTo(design, layoutDesign(design)));
  window.setTimeout(() => void flow.fitView(FIT_VIEW), 50);
}

export function Toolbar() {
  const canUndo = useAppStore((state) => state.past.length > 0);
  const canRedo = useAppStore((state) => state.future.length > 0);
  const colorMode = useAppStore((state) => state.colorMode);
  const fileInput = useRef<HTMLInputElement>(null);
  const flow = useReactFlow();
  const text = useText().toolbar;

  const onOpen = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    // The readers of SVG and PNG files load on first use.
    const { readDesignFromBytes } = await import('../../model/importFile');
    openLoadResult(readDesignFromBytes(bytes, file.name), file.name);
  };

  const newFrame = () => {
    const { design, selectedNodeIds, commit, draftFrames, setDraftFrames, selectContainer } =
      useAppStore.getState();
    const name = freshContainerName(containerNames(design));
    const chosen = design.nodes.filter((n) => selectedNodeIds.includes(n.id) && !isClient(n));
    if (chosen.length > 0) {
      commit((current) =>
        moveNodesToContainer(
          current,
          chosen.map((n) => n.id),
          name,
        ),
      );
      return;
    }
    // An empty frame where the user is looking (a container of the design); drop nodes into it to fill it.
    const rect = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
    const centre = flow.screenToFlowPosition(
      rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : { x: 0, y: 0 },
    );
    const { width, height } = EMPTY_FRAME_SIZE;
    commit((current) => addContainer(current, name));
    setDraftFrames([
      ...draftFrames.filter((d) => d.container !== name),
      {
        container: name,
        position: { x: Math.round(centre.x - width / 2), y: Math.round(centre.y - height / 2) },
        width,
        height,
      },
    ]);
    selectContainer(name);
  };

  return (
    <header className="toolbar" role="toolbar" aria-label={text.label}>
      <span className="brand">
        <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true">
          <rect x="3" y="3" width="8" height="8" rx="2" fill="currentColor" opacity="0.9" />
          <rect x="13" y="13" width="8" height="8" rx="2" fill="currentColor" opacity="0.6" />
          <path d="M11 7h4a2 2 0 0 1 2 2v4" stroke="currentColor" strokeWidth="1.8" fill="none" />
        </svg>
        <span className="brand-name">StackSketch</span>
      </span>
      <DesignName />
      <div className="toolbar-group">
        <button
          type="button"
          data-testid="new-design"
          onClick={() => replaceAfterAsking(emptyDesign(), text.newDesign)}
        >
          {text.new}
        </button>
        <label className="button file-button" title={text.openTitle}>
          {text.open}
          <input
            ref={fileInput}
            type="file"
            data-testid="import-file"
            accept=".json,.stacksketch.json,application/json,.svg,.png"
            onChange={(event) => void onOpen(event)}
          />
        </label>
        <ImportConfigs />
        <button type="button" data-testid="save-design" onClick={saveDesignFile} title={text.saveTitle}>
          {text.save}
        </button>
      </div>
      <div className="toolbar-group">
        <button
          type="button"
          data-testid="undo"
          disabled={!canUndo}
          onClick={() => useAppStore.getState().undo()}
          title={text.undoTitle}
          aria-label={text.undo}
          className="icon-button"
        >
          <span aria-hidden="true">↶</span>
        </button>
        <button
          type="button"
          data-testid="redo"
          disabled={!canRedo}
          onClick={() => useAppStore.getState().redo()}
          title={text.redoTitle}
          aria-label={text.redo}
          className="icon-button"
        >
          <span aria-hidden="true">↷</span>
        </button>
      </div>
      <div className="toolbar-group">
        <button
          type="button"
          data-testid="fit-view"
          onClick={() => void flow.fitView(FIT_VIEW)}
          title={text.fitTitle}
          aria-label={text.fit}
          className="icon-button"
        >
          <span aria-hidden="true">⤢</span>
        </button>
        <MoreMenu
          items={[
            {
              testId: 'auto-layout',
              label: text.autoLayout,
              title: text.autoLayoutTitle,
              run: () => void autoLayout(flow),
            },
            { testId: 'new-frame', label: text.newFrame, title: text.newFrameTitle, run: newFrame },
            {
              testId: 'color-mode',
              label:
                colorMode === 'system'
                  ? text.themeAuto
                  : colorMode === 'dark'
                    ? text.themeDark
                    : text.themeLight,
              title: text.themeTitle,
              run: () => useAppStore.getState().setColorMode(nextColorMode(colorMode)),
            },
          ]}
        />
      </div>
      <div className="toolbar-spacer" />
      <div className="toolbar-group">
        <ProblemsCount />
        <TargetSelect />
        <ShareMenu />
        <DownloadZipButton />
      </div>
      <div className="toolbar-group">
        <LanguageSelect />
        <button
          type="button"
          data-testid="help"
          aria-label={text.help}
          title={text.helpTitle}
          onClick={() => useAppStore.getState().setHelpOpen(true)}
        >
          ?
        </button>
      </div>
    </header>
  );
}
