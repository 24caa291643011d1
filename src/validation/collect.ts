/**
 * `items.flatMap(find)` for rules that look at every node or edge and find something in few of them:
 * a plain loop, several times cheaper per item than flatMap's generic flattening on a 1,000-node design.
 */
export function collect<T, R>(items: readonly T[], find: (item: T) => readonly R[]): R[] {
  const found: R[] = [];
  for (let i = 0; i < items.length; i++) {
    const some = find(items[i]!);
    for (let j = 0; j < some.length; j++) found.push(some[j]!);
  }
  return found;
}
