/**
 * Why a connection is refused, in the designer's language, for the canvas and the inspector. The
 * words load after the first paint, in their own chunk: only a drag onto a refused node or a refused
 * edge needs them, and the editor's first paint stays small.
 */
import { useEffect, useState } from 'react';
import type { Catalogue } from '../i18n';
import type { ConnectionWords } from '../i18n/connections';
import { useAppStore } from '../store';
import { whenCanvasPainted } from './firstPaint';

export const loadConnectionWords = (catalogue: Catalogue): Promise<ConnectionWords> =>
  import('../i18n/connections').then((wording) => wording.connectionWordsOf(catalogue));

/** The current language's connection words; null until they have loaded. */
export function useConnectionWords(): ConnectionWords | null {
  const catalogue = useAppStore((state) => state.catalogue);
  const [words, setWords] = useState<ConnectionWords | null>(null);
  useEffect(() => {
    // Asked for once the canvas has painted: the canvas mounts before its first paint.
    void whenCanvasPainted()
      .then(() => loadConnectionWords(catalogue))
      .then(setWords);
  }, [catalogue]);
  return words;
}
