import { useEffect } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { useAppStore } from '../store';
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
      useAppStore
        .getState()
        .showAlert(autosaveProblem() ?? "The other tab's design is no longer saved in this browser.");
      return;
    }
    guard.acceptOther();
    // One undo step: this tab's own design is one Ctrl+Z away.
    useAppStore.getState().replaceDesign(other);
  }

  function keepMine() {
    useAppStore.getState().askConfirm({
      title: "Overwrite the other tab's design?",
      message:
        "The design saved by the other tab will be replaced by this tab's design. The other tab keeps its copy on screen until it saves again, when it will ask the same question.",
      confirmLabel: 'Overwrite',
      onConfirm: () => guard.overwrite(),
    });
  }

  return (
    <div className="tab-conflict" role="alert" data-testid="tab-conflict">
      <p>
        <strong>This design is also open in another tab.</strong> That tab saved a different design since this
        tab last saved, so autosave is paused here and neither design is overwritten.
      </p>
      <div className="tab-conflict-actions">
        <button type="button" data-testid="load-other-tab" onClick={loadOther}>
          Load the other tab&apos;s design
        </button>
        <button type="button" data-testid="keep-mine" onClick={keepMine}>
          Keep mine (overwrite)
        </button>
      </div>
    </div>
  );
}
