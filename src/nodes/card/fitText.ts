/**
 * Node cards cut long text themselves instead of clipping it with `overflow: hidden`: a clip per
 * card is a separate paint chunk per node, and on a 600-node design Chromium re-layerizes every chunk
 * on each frame a node moves. The full text stays in the element's `title`.
 */
export type MeasureText = (text: string) => number;

const ELLIPSIS = '…';

/** The longest prefix of `text` that fits `maxPx` with an ellipsis, or `text` itself if it fits. */
export function cutToWidth(text: string, maxPx: number, measure: MeasureText): string {
  if (measure(text) <= maxPx) return text;
  // binary search over code points, so a cut never splits a surrogate pair
  const points = Array.from(text);
  let fits = 0;
  let tooLong = points.length;
  while (tooLong - fits > 1) {
    const middle = (fits + tooLong) >> 1;
    if (measure(points.slice(0, middle).join('') + ELLIPSIS) <= maxPx) fits = middle;
    else tooLong = middle;
  }
  return points.slice(0, fits).join('').trimEnd() + ELLIPSIS;
}

/**
 * A measurer for a CSS font (e.g. `600 13px system-ui`), asked for on first use so it can read the
 * page's styles; without a canvas (unit tests) each code point counts `fallbackPxPerChar`.
 */
export function canvasMeasure(font: () => string, fallbackPxPerChar: number): MeasureText {
  let context: CanvasRenderingContext2D | null | undefined;
  return (text) => {
    if (context === undefined) {
      context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
      if (context) context.font = font();
    }
    return context ? context.measureText(text).width : Array.from(text).length * fallbackPxPerChar;
  };
}

/** `cutToWidth` remembered per text: every card of a large design asks again on each render. */
export function fitter(measure: MeasureText): (text: string, maxPx: number) => string {
  const cache = new Map<string, string>();
  return (text, maxPx) => {
    const key = `${maxPx}\u0000${text}`;
    let cut = cache.get(key);
    if (cut === undefined) {
      if (cache.size > 5000) cache.clear();
      cut = cutToWidth(text, maxPx, measure);
      cache.set(key, cut);
    }
    return cut;
  };
}
