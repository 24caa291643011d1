import type { KindText, NodeKind } from './types';

/**
 * The Korean words of `kinds` (the registry's NODE_KINDS), each loaded from the kind's own folder
 * (`src/nodes/<kind>/ko.ts`, typed there against its props) when the Korean catalogue loads: the
 * registry line stays the kind's only registration, and the bundler puts each kind's words in a chunk
 * that only Korean fetches. The caller passes the kinds so this chunk shares no module with the editor.
 */
export async function loadKindTextsKo(kinds: readonly NodeKind[]): Promise<Record<NodeKind, KindText>> {
  const loaded = await Promise.all(
    kinds.map(async (kind) => {
      const words = (await import(`./${kind}/ko.ts`)) as { ko: KindText };
      return [kind, words.ko] as const;
    }),
  );
  return Object.fromEntries(loaded) as Record<NodeKind, KindText>;
}
