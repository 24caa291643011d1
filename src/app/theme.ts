import { useEffect, useLayoutEffect, useState } from 'react';
import type { ColorMode } from '../store/uiSlice';

const STORAGE_KEY = 'stacksketch:color-mode';

export function nextColorMode(mode: ColorMode): ColorMode {
  return mode === 'system' ? 'dark' : mode === 'dark' ? 'light' : 'system';
}

export function storedColorMode(): ColorMode {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

/** Follow the chosen mode (or the system's) and publish it as <html data-theme> for every panel. */
export function useThemeAttribute(mode: ColorMode): 'light' | 'dark' {
  const [systemDark, setSystemDark] = useState(
    () => typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches,
  );
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const query = matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => setSystemDark(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  const resolved = mode === 'system' ? (systemDark ? 'dark' : 'light') : mode;
  // Before the browser paints: set after it, the attribute would restyle the whole page a second time.
  useLayoutEffect(() => {
    document.documentElement.dataset.theme = resolved;
    try {
      if (mode === 'system') localStorage.removeItem(STORAGE_KEY);
      else localStorage.setItem(STORAGE_KEY, mode);
    } catch {
      // Private browsing without storage: the choice lasts for this page only.
    }
  }, [resolved, mode]);
  return resolved;
}
