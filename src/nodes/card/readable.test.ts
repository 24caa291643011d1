import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  FAR_READABLE_ZOOM,
  FAR_TITLE_PX,
  READABLE_TEXT_PX,
  READABLE_ZOOM,
  SMALLEST_CANVAS_TEXT_PX,
} from './readable';

const css = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const cardCss = css('./card.css');
const editorCss = css('../../styles.css');
const embedCss = css('../../embed/embed.css');

/** The font sizes in px of the rules whose selector matches `selector`. */
function fontSizesOf(source: string, selector: RegExp): string[] {
  const rules = [...source.matchAll(/([^{}]+)\{([^}]*)\}/g)];
  return rules
    .filter(([, selectors]) => selector.test(selectors!))
    .flatMap(([, , body]) => [...body!.matchAll(/font-size:\s*([^;]+);/g)].map((match) => match[1]!.trim()));
}

describe('readable canvas text', () => {
  it('defines the CSS sizes from the same numbers as the zoom floor', () => {
    expect(cardCss).toContain(`--canvas-small-text: ${SMALLEST_CANVAS_TEXT_PX}px;`);
    expect(cardCss).toContain(`--canvas-far-title: ${FAR_TITLE_PX}px;`);
  });

  it('sets no card text smaller than the smallest size', () => {
    const sizes = fontSizesOf(cardCss, /\.node-/);
    expect(sizes.length).toBeGreaterThan(3);
    for (const size of sizes) {
      if (size.startsWith('var('))
        expect(['var(--canvas-small-text)', 'var(--canvas-far-title)']).toContain(size);
      else expect(Number.parseFloat(size)).toBeGreaterThanOrEqual(SMALLEST_CANVAS_TEXT_PX);
    }
  });

  it('sets edge labels at the smallest size in the editor and the embed', () => {
    expect(fontSizesOf(editorCss, /\.react-flow__edge-text\b/)).toEqual(['var(--canvas-small-text)']);
    expect(fontSizesOf(embedCss, /\.react-flow__edge-text\b/)).toEqual(['var(--canvas-small-text)']);
  });

  it('derives the zoom floors so the text they show is readable', () => {
    expect(SMALLEST_CANVAS_TEXT_PX * READABLE_ZOOM).toBeGreaterThanOrEqual(READABLE_TEXT_PX);
    expect(FAR_TITLE_PX * FAR_READABLE_ZOOM).toBeGreaterThanOrEqual(READABLE_TEXT_PX - 1e-9);
    expect(FAR_READABLE_ZOOM).toBeLessThan(READABLE_ZOOM);
  });
});
