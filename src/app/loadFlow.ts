import { downloadBaseName } from '../exporters/folder';
import type { LoadResult } from '../model/load';
import { loadErrorText } from './language';
import type { Design } from '../model/design';
import { FORMAT } from '../model/design';
import { useAppStore } from '../store';

/**
 * Replace the design with another (template, file, new). Unsaved work is asked about first, and the
 * replacement is one undo step either way.
 */
export function replaceAfterAsking(design: Design, what: string): void {
  const { dirty, askConfirm, replaceDesign, showAlert, catalogue } = useAppStore.getState();
  const text = catalogue.ui.dialogs;
  const apply = () => {
    replaceDesign(design, { markClean: true });
    showAlert(null);
    useAppStore.getState().setDraftFrames([]);
  };
  if (!dirty) return apply();
  askConfirm({
    title: text.replaceTitle({ what }),
    message: text.replaceMessage,
    confirmLabel: what,
    onConfirm: apply,
  });
}

export function emptyDesign(): Design {
  return { format: FORMAT, name: 'untitled', containers: {}, nodes: [], edges: [] };
}

/** Open a loaded file, or show why it cannot be opened (the canvas stays as it was). */
export function openLoadResult(result: LoadResult, fileName: string): void {
  const { showAlert, catalogue } = useAppStore.getState();
  const text = catalogue.ui.dialogs;
  if (!result.ok) {
    const [first, ...rest] = result.errors;
    const detail = first ? loadErrorText(first) : text.unknownProblem;
    showAlert(text.openFailed({ file: fileName, detail, more: rest.length }));
    return;
  }
  replaceAfterAsking(result.design, text.openFile);
}

/** A file name for the design: its name with anything unsafe for a file name replaced. */
export function designFileName(name: string): string {
  return `${downloadBaseName(name, asciiFileName)}.stacksketch.json`;
}

/** The ASCII file name (downloadBaseName's fallback): the name's ASCII letters, else "design". */
function asciiFileName(name: string): string {
  const safe = name
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+|-+$/g, '')
    .slice(0, 80);
  return safe || 'design';
}
