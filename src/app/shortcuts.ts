import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import { copySelection, pasteClip, type Clip } from '../model/edit';
import { autoLayout, saveDesignFile } from '../panels/toolbar/Toolbar';
import { FIT_VIEW, NODE_HEIGHT, NODE_WIDTH } from '../canvas/layout';
import { freeSpot } from '../canvas/placement';
import { useAppStore } from '../store';

/** True when the key goes to a text field (or the code editor), where shortcuts must not fire. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.closest('.monaco-editor')) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'file', 'range', 'color'].includes(type);
}

const PASTE_STEP = 32;

/** The editor's keyboard shortcuts (listed in the help dialog). */
export function useShortcuts(): void {
  const flow = useReactFlow();
  useEffect(() => {
    let clip: Clip | null = null;
    let pastes = 0;
    /** Where the clip goes: the free space nearest a step below-right of it (each paste a step further). */
    const pasteOffset = (source: Clip) => {
      const cards = flow.getNodes().map((node) => ({
        ...node.position,
        width: node.measured?.width ?? NODE_WIDTH,
        height: node.measured?.height ?? NODE_HEIGHT,
      }));
      const positions = source.nodes.map((node) => node.position ?? { x: 0, y: 0 });
      const left = Math.min(...positions.map((p) => p.x));
      const top = Math.min(...positions.map((p) => p.y));
      const size = {
        width: Math.max(...positions.map((p) => p.x)) - left + NODE_WIDTH,
        height: Math.max(...positions.map((p) => p.y)) - top + NODE_HEIGHT,
      };
      const desired = { x: left + PASTE_STEP * pastes, y: top + PASTE_STEP * pastes };
      const spot = freeSpot(desired, size, cards, PASTE_STEP / 2);
      return { x: spot.x - left, y: spot.y - top };
    };
    const paste = (source: Clip) => {
      pastes++;
      let ids: string[] = [];
      const store = useAppStore.getState();
      const offset = pasteOffset(source);
      store.commit((design) => {
        const result = pasteClip(design, source, offset);
        ids = result.ids;
        return result.design;
      });
      store.select({ nodes: ids });
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      if (isTyping(event.target)) {
        // Inspector fields apply every keystroke to the design, so their undo is the design's undo.
        const inForm =
          event.target instanceof HTMLElement &&
          event.target.closest('.inspector-form, [data-testid="design-name"]') !== null;
        const mod = event.ctrlKey || event.metaKey;
        const key = event.key.toLowerCase();
        if (!inForm || !mod || (key !== 'z' && key !== 'y')) return;
        event.preventDefault();
        const store = useAppStore.getState();
        store.breakCoalesce();
        if (key === 'z' && !event.shiftKey) store.undo();
        else store.redo();
        return;
      }
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      const store = useAppStore.getState();
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && key === 'z' && !event.shiftKey) {
        event.preventDefault();
        store.undo();
      } else if (mod && ((key === 'z' && event.shiftKey) || key === 'y')) {
        event.preventDefault();
        store.redo();
      } else if (mod && key === 'c') {
        const copied = copySelection(store.design, store.selectedNodeIds);
        if (copied) {
          clip = copied;
          pastes = 0;
        }
      } else if (mod && key === 'x') {
        const copied = copySelection(store.design, store.selectedNodeIds);
        if (copied) {
          clip = copied;
          pastes = 0;
          store.commit((design) => ({
            ...design,
            nodes: design.nodes.filter((n) => !store.selectedNodeIds.includes(n.id)),
            edges: design.edges.filter(
              (e) => !store.selectedNodeIds.includes(e.source) && !store.selectedNodeIds.includes(e.target),
            ),
          }));
          store.select({});
        }
      } else if (mod && key === 'v') {
        if (clip) {
          event.preventDefault();
          paste(clip);
        }
      } else if (mod && key === 'd') {
        event.preventDefault();
        const copied = copySelection(store.design, store.selectedNodeIds);
        if (copied) {
          pastes = 0;
          paste(copied);
        }
      } else if (mod && key === 'a') {
        event.preventDefault();
        store.select({
          nodes: store.design.nodes.map((n) => n.id),
          edges: store.design.edges.map((e) => e.id),
        });
      } else if (mod && key === 's') {
        event.preventDefault();
        saveDesignFile();
      } else if (!mod && event.key === '?') {
        event.preventDefault();
        store.setHelpOpen(true);
      } else if (!mod && !event.altKey && event.shiftKey && key === 'l') {
        void autoLayout(flow);
      } else if (!mod && !event.altKey && !event.shiftKey && key === 'c') {
        // The node with the keyboard focus, else the one selected node.
        const focused = (event.target as HTMLElement | null)?.closest?.<HTMLElement>('.react-flow__node')
          ?.dataset.id;
        const nodeId = focused ?? (store.selectedNodeIds.length === 1 ? store.selectedNodeIds[0] : undefined);
        if (nodeId === undefined) {
          store.showToast(store.catalogue.ui.canvas.selectFirst);
          return;
        }
        event.preventDefault();
        if (!store.selectedNodeIds.includes(nodeId)) store.select({ nodes: [nodeId] });
        store.setConnectFrom(nodeId);
      } else if (!mod && event.key === 'F2' && store.selectedNodeIds.length === 1) {
        const idField = document.querySelector<HTMLInputElement>('[data-testid="node-id"]');
        if (idField) {
          event.preventDefault();
          idField.focus();
          idField.select();
        }
      } else if (!mod && !event.altKey && !event.shiftKey && key === 'f') {
        void flow.fitView(FIT_VIEW);
      } else if (event.key === 'Escape') {
        if (store.alert) store.showAlert(null);
        else store.select({});
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [flow]);
}
