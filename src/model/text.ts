/**
 * Pieces and separators as one text, for whole-design files rebuilt from cached pieces after every
 * edit. Concatenated rather than joined: JavaScript engines keep a concatenation as a tree of its
 * pieces until the text is read, so rebuilding costs per piece, not per byte, and a file nobody
 * reads (the editor shows one file at a time) is never copied (the bench's edit ratio shows it).
 */
export function joinPieces(pieces: readonly string[], separator: string): string {
  return pieces.length === 0 ? '' : pieces.reduce((text, piece) => text + separator + piece);
}

/**
 * joinPieces for a section written again after every edit whose pieces mostly stay the same strings:
 * the text joined last time for `key` while the pieces are equal, so an unchanged section costs one
 * comparison per piece and makes nothing new (its readers then find the same text, too).
 */
export function keptJoin(separator: string): (key: object, pieces: readonly string[]) => string {
  const kept = new WeakMap<object, { pieces: readonly string[]; text: string }>();
  return (key, pieces) => {
    const last = kept.get(key);
    if (
      last &&
      (last.pieces === pieces ||
        (last.pieces.length === pieces.length && last.pieces.every((piece, at) => piece === pieces[at])))
    )
      return last.text;
    const text = joinPieces(pieces, separator);
    kept.set(key, { pieces, text });
    return text;
  };
}
