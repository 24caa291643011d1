/**
 * Append `value` to the list under `key` (linear time, unlike re-spreading the list each time). A new
 * list starts as [value]: `[]` and then push would reserve room for 17, and most lists stay short.
 */
export function groupPush<K, V>(groups: Map<K, V[]>, key: K, value: V): void {
  const list = groups.get(key);
  if (list) list.push(value);
  else groups.set(key, [value]);
}
