import { useEffect } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { useAppStore } from '../store';
import { loadErrorText, useText } from './language';
import { autosaveProblem, readAutosave } from '../store/autosave';
import { tabGuard, type TabGuardState } from '../store/tabGuard';
import './tabConflictBanner.css';

const NO_GUARD = createStore<TabGuardState>()(() => ({ conflict: null }));

/**
 * Shown when another StackSketch tab saved a different design to this browser since this tab last saved:
 * autosave is paused here until the user picks which design the shared slot keeps.
 */
export function TabConflictBanner() {
  const conflict = useStore(tabGuard?.state ?? NO_GUARD, (state) => state.conflict);
  const text = useText();
  const paused = conflict !== null;
  useEffect(() => {
    if (!paused) return;
    // While paused, this tab's edits exist only on screen: ask before the tab is closed or reloaded.
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [paused]);
  if (!conflict || !tabGuard) return null;
  const guard = tabGuard;

  function loadOther() {
    const other = readAutosave();
    if (!other) {
      const problem = autosaveProblem();
      useAppStore
        .getState()
        .showAlert(
          problem
            ? text.startup.autosaveUnreadable({ detail: loadErrorText(problem) })
            : text.tabConflict.otherGone,
        );
      return;
    }
    guard.acceptOther();
    // One undo step: this tab's own design is one Ctrl+Z away.
    useAppStore.getState().replaceDesign(other);
  }

  function keepMine() {
    useAppStore.getState().askConfirm({
      title: text.tabConflict.overwriteTitle,
      message: text.tabConflict.overwriteMessage,
      confirmLabel: text.tabConflict.overwrite,
      onConfirm: () => guard.overwrite(),
    });
  }

  return (
    <div className="tab-conflict" role="alert" data-testid="tab-conflict">
      <p>
        <strong>{text.tabConflict.headline}</strong> {text.tabConflict.explanation}
      </p>
      <div className="tab-conflict-actions">
        <button type="button" data-testid="load-other-tab" onClick={loadOther}>
          {text.tabConflict.loadOther}
        </button>
        <button type="button" data-testid="keep-mine" onClick={keepMine}>
          {text.tabConflict.keepMine}
        </button>
      </div>
    </div>
  );
}
