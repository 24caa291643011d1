import type { Design } from '../model/design';
import { serializeDesign } from '../model/serialize';
import type { LoadError } from '../model/load';
import { decodeShareFragment } from '../model/share';
import { loadTemplate } from '../model/templates';
import { readAutosave, readAutosavedHistory } from '../store/autosave';
import type { History } from '../store/savedHistory';

/**
 * The design the editor opens with: the autosaved one; else the design of a share link in the address
 * (nothing to ask: there is no work to lose); else the React + Nginx + Gunicorn template.
 * A link over existing autosaved work is decided after start (see decideShareLink): it asks first.
 */
export function initialDesign(): { design: Design; history: History | null } {
  const saved = readAutosave();
  if (saved) return { design: saved, history: readAutosavedHistory(saved) };
  if (typeof window !== 'undefined' && window.location.hash.length > 1) {
    const fromLink = decodeShareFragment(window.location.hash);
    if (fromLink.ok) return { design: fromLink.design, history: null };
  }
  return { design: loadTemplate('react-nginx-gunicorn'), history: null };
}

export type ShareLinkDecision =
  /** The address has no fragment: nothing to do. */
  | { action: 'none' }
  /** The fragment is not a design this StackSketch can open: say why (the UI words it), change nothing. */
  | { action: 'refuse'; error: LoadError | null }
  /** The editor already shows the link's design. */
  | { action: 'same' }
  /** Nothing would be lost: open the link's design. */
  | { action: 'open'; design: Design }
  /** The link's design would replace other work: ask first, and touch nothing (autosave included) until yes. */
  | { action: 'ask'; design: Design };

/**
 * What to do with the address fragment, at start or on hashchange. `current` is the design on the
 * canvas; `hasWork` says whether it is the user's work (autosaved or edited) rather than a default.
 */
export function decideShareLink(hash: string, current: Design, hasWork: boolean): ShareLinkDecision {
  const fragment = hash.replace(/^#/, '');
  if (fragment === '') return { action: 'none' };
  const result = decodeShareFragment(fragment);
  if (!result.ok) {
    return { action: 'refuse', error: result.errors[0] ?? null };
  }
  if (serializeDesign(result.design) === serializeDesign(current)) return { action: 'same' };
  if (hasWork && current.nodes.length > 0) return { action: 'ask', design: result.design };
  return { action: 'open', design: result.design };
}
