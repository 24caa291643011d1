import { useEffect } from 'react';
import { whenCanvasPainted } from '../../app/firstPaint';
import { loadErrorText } from '../../app/language';
import { decideShareLink } from '../../app/startup';
import { useAppStore } from '../../store';
import { AUTOSAVE_KEY, writeAutosave } from '../../store/autosave';

/** Forget the fragment once its design is on the canvas, so a reload does not offer it again. */
function clearFragment(): void {
  const { pathname, search } = window.location;
  window.history.replaceState(window.history.state, '', `${pathname}${search}`);
}

/** Apply the share link in the address: open it, ask before replacing work, or say why it cannot open. */
export function applyShareLink(hash: string): void {
  const state = useAppStore.getState();
  const hasWork = state.dirty || hasAutosave();
  const decision = decideShareLink(hash, state.design, hasWork);
  const text = state.catalogue.ui.startup;
  const open = (design: typeof state.design) => {
    useAppStore.getState().replaceDesign(design, { markClean: true });
    useAppStore.getState().showAlert(null);
    clearFragment();
  };
  switch (decision.action) {
    case 'none':
      return;
    case 'refuse':
      state.showAlert(
        text.shareRefused({ detail: decision.error ? loadErrorText(decision.error) : text.shareDamaged }),
      );
      return;
    case 'same':
      // Opened from the link with nothing saved before: keep it, so a reload without the fragment shows it.
      if (!hasAutosave()) writeAutosave(state.design);
      clearFragment();
      return;
    case 'open':
      open(decision.design);
      return;
    case 'ask':
      state.askConfirm({
        title: text.openSharedTitle,
        message: text.openSharedMessage({ name: decision.design.name }),
        confirmLabel: text.openShared,
        onConfirm: () => open(decision.design),
      });
  }
}

function hasAutosave(): boolean {
  try {
    return localStorage.getItem(AUTOSAVE_KEY) !== null;
  } catch {
    return false;
  }
}

let startupHandled = false;

/**
 * At start (once the canvas has painted: the editor already opened a link that has no autosaved work
 * to replace, see app/startup.ts) and whenever the fragment changes while the editor is open.
 */
export function useShareLinkStartup(): void {
  useEffect(() => {
    if (!startupHandled) {
      startupHandled = true;
      void whenCanvasPainted().then(() => applyShareLink(window.location.hash));
    }
    const onHashChange = () => applyShareLink(window.location.hash);
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
}
