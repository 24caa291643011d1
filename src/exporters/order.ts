/** The order of Array.prototype.sort() without a comparison, for strings (UTF-16 code units). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
