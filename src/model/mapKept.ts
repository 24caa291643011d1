/**
 * A step over a list whose items mostly stay the same objects from one call to the next (a plan's
 * services after an edit): an item at the same position as last time, and the same object, keeps its
 * last result without being looked up or read; only new items go through `each`. Reading two lists
 * side by side costs far less than one lookup per item, which touches every item's memory. While
 * every result is the same, the last list of results is returned itself.
 */
export function mapKept<K extends object, T, R>(
  each: (item: T, key: K) => R,
): (key: K, items: readonly T[]) => readonly R[] {
  const last = new WeakMap<K, { items: readonly T[]; results: readonly R[] }>();
  return (key, items) => {
    const kept = last.get(key);
    if (kept?.items === items) return kept.results;
    let changed = kept === undefined || kept.results.length !== items.length;
    const results = items.map((item, at) => {
      if (kept !== undefined && kept.items[at] === item) return kept.results[at]!;
      const result = each(item, key);
      if (result !== kept?.results[at]) changed = true;
      return result;
    });
    const next = changed ? results : kept!.results;
    last.set(key, { items, results: next });
    return next;
  };
}

/** mapKept for a step that reads nothing but the item: one list kept, the last one seen. */
export function mapKeptList<T, R>(each: (item: T) => R): (items: readonly T[]) => readonly R[] {
  const kept = mapKept((item: T, _list: object) => each(item));
  const list = {};
  return (items) => kept(list, items);
}
