import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORY_PALETTE, categoryClass, categoryStyleSheet, type Theme } from './palette';
import type { Category } from './types';

const ROOT = resolve(import.meta.dirname, '../..');
const STYLESHEETS = ['src/styles.css', 'src/embed/embed.css', 'src/nodes/card/card.css'];

const entries = Object.entries(CATEGORY_PALETTE) as [Category, (typeof CATEGORY_PALETTE)[Category]][];
const allColors = entries.flatMap(([, themes]) =>
  (['light', 'dark'] as Theme[]).flatMap((theme) => Object.values(themes[theme])),
);

describe('the category palette', () => {
  it('gives every category a fill, a stroke and an accent colour in both themes', () => {
    for (const [, themes] of entries)
      for (const theme of ['light', 'dark'] as Theme[])
        expect(Object.keys(themes[theme]).sort()).toEqual(['accent', 'fill', 'stroke']);
    for (const color of allColors) expect(color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('becomes one class per category, light by default and dark inside a dark theme', () => {
    const css = categoryStyleSheet();
    for (const [category, themes] of entries) {
      const selector = `.${categoryClass(category)}`;
      const light = `${selector} { --cat: ${themes.light.accent}; --cat-fill: ${themes.light.fill}; --cat-stroke: ${themes.light.stroke}; }`;
      const dark = `[data-theme='dark'] ${selector} { --cat: ${themes.dark.accent}; --cat-fill: ${themes.dark.fill}; --cat-stroke: ${themes.dark.stroke}; }`;
      expect(css).toContain(light);
      expect(css).toContain(dark);
      // the dark rule comes later, so that it wins inside a dark page
      expect(css.indexOf(dark)).toBeGreaterThan(css.indexOf(light));
    }
  });

  it.each(STYLESHEETS)('is the only place category colours are written: %s has none of them', (file) => {
    const css = readFileSync(resolve(ROOT, file), 'utf8').toLowerCase();
    expect(allColors.filter((color) => css.includes(color))).toEqual([]);
    // nor its own copy of the category classes or variables
    expect(css).not.toMatch(/--cat(-[a-z]+)?\s*:/);
    for (const [category] of entries) expect(css).not.toContain(`.${categoryClass(category)}`);
  });
});
