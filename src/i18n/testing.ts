/**
 * Compares two catalogues shape by shape: the same keys at every level, and for every message with
 * values, the same named parameters read by both languages.
 */
type Entry = { path: string; kind: 'text' | 'message'; params: string[] };

/** Calls a message with a recording argument: each read parameter answers with a harmless value. */
function paramsOf(message: (params: never) => string): string[] {
  const read = new Set<string>();
  const recorder = new Proxy(
    {},
    {
      get(_target, key) {
        if (typeof key !== 'string') return undefined;
        read.add(key);
        return Object.assign([`{${key}}`], { toString: () => `{${key}}` });
      },
    },
  );
  message(recorder as never);
  return [...read].sort();
}

export function catalogueEntries(catalogue: unknown, path = ''): Entry[] {
  if (typeof catalogue === 'string') return [{ path, kind: 'text', params: [] }];
  if (typeof catalogue === 'function')
    return [{ path, kind: 'message', params: paramsOf(catalogue as (params: never) => string) }];
  if (catalogue && typeof catalogue === 'object')
    return Object.entries(catalogue)
      .sort(([a], [b]) => a.localeCompare(b))
      .flatMap(([key, inner]) => catalogueEntries(inner, path ? `${path}.${key}` : key));
  throw new Error(`${path}: a catalogue holds only texts, messages and groups`);
}

/** Every text of a catalogue, messages rendered with placeholder values. */
export function catalogueTexts(catalogue: unknown): string[] {
  if (typeof catalogue === 'string') return [catalogue];
  if (typeof catalogue === 'function') {
    const recorder = new Proxy(
      {},
      { get: (_t, key) => Object.assign([`{${String(key)}}`], { toString: () => `{${String(key)}}` }) },
    );
    return [(catalogue as (params: unknown) => string)(recorder)];
  }
  return Object.values(catalogue as object).flatMap(catalogueTexts);
}
