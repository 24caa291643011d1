import { describe, expect, it } from 'vitest';
import { categoryColors } from '../palette';
import { KINDS, NODE_KINDS } from '../registry';
import { glyphOf } from './glyphs';
import { glyphClass, glyphSpriteUrl, glyphStyleSheet } from './glyphStyle';

const svgOf = (url: string) =>
  decodeURIComponent(url.replace(/^url\("data:image\/svg\+xml,/, '').replace(/"\)$/, ''));

describe('the glyph stylesheet', () => {
  it('draws every kind in one image per theme, each glyph in its category colour', () => {
    for (const theme of ['light', 'dark'] as const) {
      const svg = svgOf(glyphSpriteUrl(theme));
      NODE_KINDS.forEach((kind, index) => {
        const { icon, category } = KINDS[kind];
        const color = categoryColors(category, theme).accent;
        expect(svg).toContain(
          `<g transform="translate(${index * 48} 0)" stroke="${color}">${glyphOf(icon)}</g>`,
        );
      });
    }
  });

  it('uses the light image by default and the dark one inside a dark theme', () => {
    const css = glyphStyleSheet();
    const light = `.node-glyph { background-image: ${glyphSpriteUrl('light')};`;
    const dark = `[data-theme='dark'] .node-glyph { background-image: ${glyphSpriteUrl('dark')}; }`;
    expect(css).toContain(light);
    expect(css).toContain(dark);
    expect(css.indexOf(dark)).toBeGreaterThan(css.indexOf(light));
  });

  it('shows each kind its own glyph, 40 px apart in the image, in the middle of the 28 px icon', () => {
    const css = glyphStyleSheet();
    expect(css).toContain(`background-size: ${NODE_KINDS.length * 40}px 20px;`);
    NODE_KINDS.forEach((kind, index) => {
      expect(css).toContain(`.${glyphClass(kind)} { background-position: ${4 - index * 40}px 4px; }`);
    });
  });
});
