/**
 * A function whose answer is decided by one object it reads (a design's shape, a node, an edges
 * list), worked out once per such object: `keyOf` picks that object from the first argument. The
 * objects are held weakly, so the answers go with the designs they were for. The store keeps
 * unchanged things as the same objects, so after an edit only what the edit replaced is worked out
 * again.
 */
export function oncePer<A extends [unknown, ...unknown[]], V>(
  keyOf: (first: NoInfer<A[0]>) => object,
  compute: (...args: A) => V,
): (...args: A) => V {
  const answers = new WeakMap<object, V>();
  return (...args) => {
    const key = keyOf(args[0]);
    const kept = answers.get(key);
    if (kept !== undefined || answers.has(key)) return kept as V;
    const answer = compute(...args);
    answers.set(key, answer);
    return answer;
  };
}
