import { categoryColors, type Theme } from '../palette';
import { KINDS, NODE_KINDS, type NodeKind } from '../registry';
import { glyphOf } from './glyphs';

// A glyph is drawn on a 24-unit grid at 20 px, in the middle of the 28 px icon (see .node-icon in
// card.css). In the sprite the glyphs sit in one row, 48 units (40 px) apart, so the icon's 4 px margin
// around its own glyph never shows a neighbour.
const GLYPH_UNITS = 24;
const GLYPH_PX = 20;
const MARGIN_PX = 4;
const PITCH_UNITS = 48;
const PITCH_PX = (PITCH_UNITS * GLYPH_PX) / GLYPH_UNITS;

/** The class that gives a card's icon its kind's glyph (see glyphStyleSheet). */
export function glyphClass(kind: NodeKind): string {
  return `node-glyph-${kind}`;
}

/** Every kind's glyph, stroked in its category's colour for the theme, in one SVG image as a CSS `url(…)`. */
export function glyphSpriteUrl(theme: Theme): string {
  const cells = NODE_KINDS.map((kind, index) => {
    const { icon, category } = KINDS[kind];
    const color = categoryColors(category, theme).accent;
    return `<g transform="translate(${index * PITCH_UNITS} 0)" stroke="${color}">${glyphOf(icon)}</g>`;
  });
  const width = NODE_KINDS.length * PITCH_UNITS;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${GLYPH_UNITS}" viewBox="0 0 ${width} ${GLYPH_UNITS}" ` +
    `fill="none" stroke-width="1.7" stroke-linecap="round" stroke-linejoin="round">${cells.join('')}</svg>`;
  return `url("data:image/svg+xml,${encodeURIComponent(svg)}")`;
}

/**
 * The cards' glyphs: one image per theme holding every kind's glyph (the dark one applies inside any
 * element marked `data-theme="dark"`), and per kind the offset of its glyph in it. The browser builds
 * a document for each SVG image it shows, so a page of cards costs one such build, not one per kind.
 */
export function glyphStyleSheet(): string {
  const rules = [
    `.node-glyph { background-image: ${glyphSpriteUrl('light')}; background-size: ${NODE_KINDS.length * PITCH_PX}px ${GLYPH_PX}px; }`,
    `[data-theme='dark'] .node-glyph { background-image: ${glyphSpriteUrl('dark')}; }`,
  ];
  NODE_KINDS.forEach((kind, index) => {
    rules.push(
      `.${glyphClass(kind)} { background-position: ${MARGIN_PX - index * PITCH_PX}px ${MARGIN_PX}px; }`,
    );
  });
  return `${rules.join('\n')}\n`;
}
