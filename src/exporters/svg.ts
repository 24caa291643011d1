import type { Lang } from '../i18n/lang';
import type { Design } from '../model/design';
import { serializeDesign } from '../model/serialize';
import { escapeXml, SVG_METADATA_CLOSE, SVG_METADATA_OPEN } from '../model/svgMetadata';
import { categoryColors } from '../nodes/palette';
import { cardLinesOf, KINDS } from '../nodes/registry';
import { edgeRoute, layoutDiagram, NODE_HEIGHT, NODE_WIDTH, type PlacedNode } from './diagram';

/**
 * The diagram as a standalone SVG file. The design travels inside, in one `<metadata>` element whose
 * text is the design file, XML-escaped, so that opening the image in StackSketch restores it.
 * Every piece of user text is escaped; nothing is ever written as markup. Pure: same design, same bytes.
 */

const MARGIN = 32;
const MAX_LABEL = 36;
// What fits a card's lines (190 px less 12 px padding each side) at their font sizes.
const MAX_KIND = 14;
const MAX_ID = 16;
const MAX_NAME = 22;
const MAX_SUMMARY = 25;
const MONO = 'ui-monospace, Menlo, Consolas, monospace';

/** The design file as metadata text. JSON.stringify already escapes control characters and lone
 * surrogates; U+FFFE/U+FFFF can only sit inside JSON strings, where a \u escape means the same. */
export function designMetadataText(design: Design): string {
  const json = serializeDesign(design).replace(
    /[\ufffe\uffff]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16)}`,
  );
  return escapeXml(json);
}

/** Hangul, CJK and fullwidth forms: about twice as wide as a Latin letter (one em, not half). */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** How wide a text is, in Latin letters: a wide character counts as two. */
export function textUnits(text: string): number {
  return Array.from(text).reduce((units, ch) => units + (WIDE.test(ch) ? 2 : 1), 0);
}

/** The text cut to `max` Latin letters' width, ending in "…" when cut: Hangul is cut by its width too. */
function shorten(text: string, max = MAX_LABEL): string {
  if (textUnits(text) <= max) return text;
  let kept = '';
  for (const ch of Array.from(text)) {
    if (textUnits(kept + ch) > max - 1) break;
    kept += ch;
  }
  return `${kept}…`;
}

function num(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

function edgePath(from: { x: number; y: number }, to: { x: number; y: number }) {
  const route = edgeRoute(from, to);
  if (route === 'right') {
    const x1 = from.x + NODE_WIDTH;
    const y1 = from.y + NODE_HEIGHT / 2;
    const x2 = to.x;
    const y2 = to.y + NODE_HEIGHT / 2;
    const bend = Math.max(40, (x2 - x1) / 2);
    return {
      x1,
      y1,
      x2,
      y2,
      d: `M${num(x1)} ${num(y1)}C${num(x1 + bend)} ${num(y1)} ${num(x2 - bend)} ${num(y2)} ${num(x2)} ${num(y2)}`,
    };
  }
  const down = route === 'down';
  const x1 = from.x + NODE_WIDTH / 2;
  const y1 = down ? from.y + NODE_HEIGHT : from.y;
  const x2 = to.x + NODE_WIDTH / 2;
  const y2 = down ? to.y : to.y + NODE_HEIGHT;
  const bend = Math.max(30, Math.abs(y2 - y1) / 2) * (down ? 1 : -1);
  return {
    x1,
    y1,
    x2,
    y2,
    d: `M${num(x1)} ${num(y1)}C${num(x1)} ${num(y1 + bend)} ${num(x2)} ${num(y2 - bend)} ${num(x2)} ${num(y2)}`,
  };
}

/** A node as its card looks (see src/nodes/card): kind (and id, for a titled node), name, key setting. */
function nodeCard({ node, x, y }: PlacedNode): string {
  const colors = categoryColors(KINDS[node.kind].category, 'light');
  const lines = cardLinesOf(node);
  const text = (dx: number, dy: number, attributes: string, content: string) =>
    content === ''
      ? ''
      : `<text x="${num(x + dx)}" y="${num(y + dy)}" ${attributes}>${escapeXml(content)}</text>`;
  const kind = shorten(lines.kind.toUpperCase(), MAX_KIND);
  const id = lines.id === null ? '' : shorten(lines.id, MAX_ID);
  return (
    `<g class="node node-${node.kind}"><rect x="${num(x)}" y="${num(y)}" width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="8" fill="${colors.fill}" stroke="${colors.stroke}" stroke-width="1.5"/>` +
    text(12, 19, `font-size="10" letter-spacing="0.5" fill="${colors.accent}"`, kind) +
    text(NODE_WIDTH - 12, 19, 'font-size="10" text-anchor="end" fill="#475569"', id) +
    text(12, 38, 'font-size="13" font-weight="600" fill="#0f172a"', shorten(lines.name, MAX_NAME)) +
    text(12, 56, `font-size="11" font-family="${MONO}" fill="#475569"`, shorten(lines.summary, MAX_SUMMARY)) +
    '</g>'
  );
}

/** The design as an SVG picture, its edge captions worded in `lang`. */
export function designToSvg(design: Design, lang: Lang = 'en'): string {
  const diagram = layoutDiagram(design, lang);
  const { bounds } = diagram;
  const originX = bounds.x - MARGIN;
  const originY = bounds.y - MARGIN;
  const width = Math.max(bounds.width + 2 * MARGIN, 120);
  const height = Math.max(bounds.height + 2 * MARGIN, 80);
  const place = new Map(diagram.nodes.map((placed) => [placed.node.id, placed]));
  const out: string[] = [];

  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="${num(originX)} ${num(originY)} ${num(width)} ${num(height)}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, 'Noto Sans CJK KR', 'Apple SD Gothic Neo', 'Malgun Gothic', NanumGothic, sans-serif">`,
  );
  out.push(`<title>${escapeXml(shorten(design.name))}</title>`);
  out.push(`${SVG_METADATA_OPEN}${designMetadataText(design)}${SVG_METADATA_CLOSE}`);
  out.push(
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#64748b"/></marker></defs>',
  );
  out.push(
    `<rect x="${num(originX)}" y="${num(originY)}" width="${num(width)}" height="${num(height)}" fill="#ffffff"/>`,
  );

  for (const frame of diagram.frames) {
    out.push(
      `<g class="frame"><rect x="${num(frame.x)}" y="${num(frame.y)}" width="${num(frame.width)}" height="${num(frame.height)}" rx="10" fill="#f8fafc" stroke="#94a3b8" stroke-dasharray="6 4"/>` +
        `<text x="${num(frame.x + 12)}" y="${num(frame.y + 18)}" font-size="13" font-weight="600" fill="#475569">${escapeXml(shorten(frame.container))}</text></g>`,
    );
  }

  for (const { edge, caption, allowed } of diagram.edges) {
    const from = place.get(edge.source);
    const to = place.get(edge.target);
    if (!from || !to) continue;
    const { x1, y1, x2, y2, d } = edgePath(from, to);
    out.push(
      `<path class="edge" d="${d}" fill="none" stroke="#64748b" stroke-width="1.5"${allowed ? '' : ' stroke-dasharray="5 4"'} marker-end="url(#arrow)"/>`,
    );
    if (caption) {
      const text = shorten(caption);
      const mx = (x1 + x2) / 2;
      const my = (y1 + y2) / 2;
      const boxWidth = textUnits(text) * 6.6 + 12;
      out.push(
        `<g class="edge-label"><rect x="${num(mx - boxWidth / 2)}" y="${num(my - 10)}" width="${num(boxWidth)}" height="20" rx="4" fill="#ffffff" stroke="#cbd5e1"/>` +
          `<text x="${num(mx)}" y="${num(my + 4)}" font-size="11" text-anchor="middle" fill="#334155">${escapeXml(text)}</text></g>`,
      );
    }
  }

  for (const placed of diagram.nodes) out.push(nodeCard(placed));
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

export { extractSvgDesignText } from '../model/svgMetadata';
