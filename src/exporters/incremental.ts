/**
 * Incremental generation in one place: a step returns its last result for the same key and inputs.
 *
 * The key (a design node, a planned service) is held weakly; inputs compare by identity first, small
 * plain data by value. The editor keeps unchanged nodes as the same objects, and each step hands on
 * the same objects while its own inputs are the same (structural sharing: processes, python drafts,
 * nginx server blocks, planned services, their files), so after an edit the checks of unchanged
 * services are identity checks and only the services that read the edited node are planned and
 * rendered again (the bench's editRegenerateRatio1000Nodes measures what it saves).
 */
export function reuseWhenSame<A extends unknown[], R>(
  step: (...args: A) => R,
  keyOf: (...args: A) => object,
): (...args: A) => R {
  const last = new WeakMap<object, { args: A; result: R }>();
  return (...args) => {
    const key = keyOf(...args);
    const hit = last.get(key);
    // The same inputs (the usual hit) leave the kept ones alone: storing each call's fresh arguments
    // list would keep it alive until the next edit, for the garbage collector to move.
    if (hit && sameObjects(hit.args, args)) return hit.result;
    if (hit && sameArguments(hit.args, args)) {
      // The newest equal inputs are kept, so the next call finds them by identity, not by value.
      hit.args = args;
      return hit.result;
    }
    const result = step(...args);
    last.set(key, { args, result });
    return result;
  };
}

/** The same arguments, one by one, by identity. */
function sameObjects(last: readonly unknown[], next: readonly unknown[]): boolean {
  return last.length === next.length && last.every((arg, at) => arg === next[at]);
}

/** Arguments compared one by one: identity (the usual hit, since unchanged inputs are shared) before value. */
function sameArguments(last: readonly unknown[], next: readonly unknown[]): boolean {
  return last.length === next.length && last.every((arg, at) => arg === next[at] || sameValue(arg, next[at]));
}

/** Identity, or equal plain data (arrays, plain objects, primitives). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b))
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]))
    );
  if (Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype)
    return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every(
    (key) => Object.prototype.hasOwnProperty.call(b, key) && sameValue((a as never)[key], (b as never)[key]),
  );
}

/**
 * Structural sharing for a value a step builds afresh each time: the value kept for `key` when the
 * new one equals it, so the steps that read it find their input unchanged by identity (one small
 * comparison here instead of one walk per reader).
 */
export function sharedWhenEqual<T>(): (key: object, value: T) => T {
  const kept = new WeakMap<object, T>();
  return (key, value) => {
    const previous = kept.get(key);
    if (previous !== undefined && sameValue(previous, value)) return previous;
    kept.set(key, value);
    return value;
  };
}
