/** Small text diffs for the live preview: one minimal edit to apply, and which lines changed. Pure. */

export interface TextEdit {
  /** Offsets into the old text: [start, end) is replaced by `text`. */
  start: number;
  end: number;
  text: string;
}

/** The single edit (common prefix and suffix kept) that turns `before` into `after`; null when equal. */
export function minimalEdit(before: string, after: string): TextEdit | null {
  if (before === after) return null;
  const limit = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < limit - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  )
    suffix++;
  return { start: prefix, end: before.length - suffix, text: after.slice(prefix, after.length - suffix) };
}

/** Above this many line pairs the diff falls back to the common prefix/suffix of lines. */
const MAX_LCS_CELLS = 4_000_000;

/**
 * The 1-based line numbers of `after` that are new or changed compared with `before`
 * (a line-level longest common subsequence, so one edit in two places gives two short ranges).
 */
export function changedLines(before: string, after: string): number[] {
  if (before === after) return [];
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  const changed: number[] = [];
  if (n === 0 || n * m > MAX_LCS_CELLS) {
    for (let j = start; j < endB; j++) changed.push(j + 1);
    return changed;
  }
  // lengths[i][j] = LCS length of a[start+i..endA) and b[start+j..endB)
  const lengths: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lengths[i]![j] =
        a[start + i] === b[start + j]
          ? lengths[i + 1]![j + 1]! + 1
          : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
  let i = 0;
  let j = 0;
  while (j < m) {
    if (i < n && a[start + i] === b[start + j]) {
      i++;
      j++;
    } else if (i < n && lengths[i + 1]![j]! >= lengths[i]![j + 1]!) i++;
    else {
      changed.push(start + j + 1);
      j++;
    }
  }
  return changed;
}

/** Consecutive line numbers merged into [first, last] ranges. */
export function lineRanges(lines: readonly number[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const line of lines) {
    const last = ranges[ranges.length - 1];
    if (last && line === last[1] + 1) last[1] = line;
    else ranges.push([line, line]);
  }
  return ranges;
}
