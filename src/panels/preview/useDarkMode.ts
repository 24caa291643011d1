import { useSyncExternalStore } from 'react';
import { useAppStore } from '../../store';

const QUERY = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

/** True when the app shows dark colours: the chosen mode, or the system's when set to "system". */
export function useDarkMode(): boolean {
  const mode = useAppStore((state) => state.colorMode);
  const systemDark = useSyncExternalStore(
    subscribe,
    () => window.matchMedia(QUERY).matches,
    () => false,
  );
  return mode === 'dark' || (mode === 'system' && systemDark);
}
