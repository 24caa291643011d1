/** Append `value` to the list under `key` (linear time, unlike re-spreading the list each time). */
export function groupPush<K, V>(groups: Map<K, V[]>, key: K, value: V): void {
  const list = groups.get(key);
  if (list) list.push(value);
  else groups.set(key, [value]);
}
