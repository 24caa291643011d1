import type { Category } from './types';

export type Theme = 'light' | 'dark';

export interface CategoryColors {
  /** The background of a node drawn in this category (diagram boxes, icon tiles). */
  fill: string;
  /** The outline of a node box in diagrams, and a card's handles. */
  stroke: string;
  /** The category's own colour: icons, a card's left border, the minimap. */
  accent: string;
}

/**
 * The one set of category colours: the editor's stylesheet, the embed and the SVG/PNG export all
 * read it (the stylesheets through `categoryStyleSheet`), so a kind looks the same everywhere.
 */
export const CATEGORY_PALETTE: { readonly [C in Category]: { readonly [T in Theme]: CategoryColors } } = {
  client: {
    light: { fill: '#f2f3f4', stroke: '#8b929a', accent: '#6e7781' },
    dark: { fill: '#292e36', stroke: '#687079', accent: '#8b949e' },
  },
  proxy: {
    light: { fill: '#eaf3ed', stroke: '#48995f', accent: '#1a7f37' },
    dark: { fill: '#1d3429', stroke: '#338a42', accent: '#3fb950' },
  },
  server: {
    light: { fill: '#f4effc', stroke: '#9b73e5', accent: '#8250df' },
    dark: { fill: '#2d2944', stroke: '#7957b7', accent: '#a371f7' },
  },
  app: {
    light: { fill: '#e9f2fc', stroke: '#3a87e1', accent: '#0969da' },
    dark: { fill: '#213145', stroke: '#447cbd', accent: '#58a6ff' },
  },
  data: {
    light: { fill: '#f9efe8', stroke: '#c97033', accent: '#bc4c00' },
    dark: { fill: '#362823', stroke: '#a05426', accent: '#db6d28' },
  },
  static: {
    light: { fill: '#eaf3f4', stroke: '#49969c', accent: '#1b7c83' },
    dark: { fill: '#1c363e', stroke: '#2e929b', accent: '#39c5cf' },
  },
};

export function categoryColors(category: Category, theme: Theme): CategoryColors {
  return CATEGORY_PALETTE[category][theme];
}

/** The class that gives an element its category's colours (`--cat`, `--cat-fill`, `--cat-stroke`). */
export function categoryClass(category: Category): string {
  return `node-${category}`;
}

function declarations(colors: CategoryColors): string {
  return `--cat: ${colors.accent}; --cat-fill: ${colors.fill}; --cat-stroke: ${colors.stroke};`;
}

/**
 * The category classes as CSS, for both themes: the dark colours apply inside any element marked
 * `data-theme="dark"` (the editor marks `<html>`, the embed its own root).
 */
export function categoryStyleSheet(): string {
  const rules: string[] = [];
  for (const [category, themes] of Object.entries(CATEGORY_PALETTE) as [
    Category,
    (typeof CATEGORY_PALETTE)[Category],
  ][]) {
    const selector = `.${categoryClass(category)}`;
    rules.push(`${selector} { ${declarations(themes.light)} }`);
    rules.push(`[data-theme='dark'] ${selector} { ${declarations(themes.dark)} }`);
  }
  return `${rules.join('\n')}\n`;
}
