/** A node id inside a docstring: only harmless characters survive, the rest become "?". */
export function docText(text: string): string {
  // Wrapped in single quotes: the kept characters include no quote of either kind.
  return `'${text.slice(0, 80).replace(/[^A-Za-z0-9 _.:-]/g, '?')}'`;
}
