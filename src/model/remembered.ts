/**
 * A pure function of a string, with its result kept per distinct argument: a generate runs the same
 * checks and formatting on the same few hundred values thousands of times. A call that throws keeps
 * nothing, so a refused value throws every time. The bound only keeps a long session from growing.
 */
export function remembered<R extends string | null>(compute: (value: string) => R): (value: string) => R {
  const results = new Map<string, R>();
  return (value) => {
    let result = results.get(value);
    if (result === undefined) {
      if (results.size >= 10_000) results.clear();
      result = compute(value);
      results.set(value, result);
    }
    return result;
  };
}
