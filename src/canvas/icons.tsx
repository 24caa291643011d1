import type { CSSProperties } from 'react';
import type { Category } from '../nodes/types';

/** Small line glyphs for the node kinds (descriptor.icon names), drawn on a 24×24 grid. */
const GLYPHS: Record<string, string> = {
  client: '<rect x="3" y="4" width="18" height="12" rx="1.5"/><path d="M8 20h8M12 16v4"/>',
  nginx: '<path d="M12 2.5l8.5 4.9v9.2L12 21.5l-8.5-4.9V7.4z"/><path d="M9 15.5v-7l6 7v-7"/>',
  gunicorn:
    '<circle cx="12" cy="12" r="3"/><path d="M12 3v3M12 18v3M3 12h3M18 12h3M5.6 5.6l2.1 2.1M16.3 16.3l2.1 2.1M5.6 18.4l2.1-2.1M16.3 7.7l2.1-2.1"/>',
  uwsgi: '<rect x="4" y="4" width="16" height="16" rx="3"/><path d="M8.5 9v3.5a3.5 3.5 0 0 0 7 0V9"/>',
  flask:
    '<path d="M9 3h6M10 3v6L4.8 18.2A1.9 1.9 0 0 0 6.5 21h11a1.9 1.9 0 0 0 1.7-2.8L14 9V3"/><path d="M7.5 15h9"/>',
  sqlite:
    '<ellipse cx="12" cy="5.5" rx="7" ry="2.5"/><path d="M5 5.5v13c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5v-13M5 12c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5"/>',
  react:
    '<circle cx="12" cy="12" r="1.6"/><ellipse cx="12" cy="12" rx="9" ry="3.6"/><ellipse cx="12" cy="12" rx="9" ry="3.6" transform="rotate(60 12 12)"/><ellipse cx="12" cy="12" rx="9" ry="3.6" transform="rotate(120 12 12)"/>',
};
const FALLBACK_GLYPH = '<circle cx="12" cy="12" r="8"/>';

function glyphOf(icon: string): string {
  return GLYPHS[icon] ?? FALLBACK_GLYPH;
}

/** An inline SVG icon, drawn in the text colour (palette, inspector). */
export function KindIcon({ icon, size = 18 }: { icon: string; size?: number }) {
  return (
    <svg
      className="kind-icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.7"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      // constant markup from GLYPHS above, never user text
      dangerouslySetInnerHTML={{ __html: glyphOf(icon) }}
    />
  );
}

/** The category colours of styles.css (--cat-*), light and dark, for what is drawn outside CSS. */
export const CATEGORY_COLORS: Record<Category, { light: string; dark: string }> = {
  client: { light: '#6e7781', dark: '#9198a1' },
  proxy: { light: '#1a7f37', dark: '#3fb950' },
  server: { light: '#8250df', dark: '#a371f7' },
  app: { light: '#0969da', dark: '#4493f8' },
  data: { light: '#bc4c00', dark: '#db6d28' },
  static: { light: '#1b7c83', dark: '#39c5cf' },
};

function iconUrl(icon: string, color: string): string {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" fill="none" ` +
    `stroke="${color}" stroke-width="1.7" stroke-linecap="round" stroke-linejoin="round">${glyphOf(icon)}</svg>`;
  return `url("data:image/svg+xml,${encodeURIComponent(svg)}")`;
}

const imageStyles = new Map<string, CSSProperties>();

/**
 * The icon of a node card as CSS custom properties holding one image per theme (styles.css picks one).
 * On a canvas of hundreds of nodes an image costs the compositor far less than an inline SVG per card.
 */
export function kindIconImageStyle(icon: string, category: Category): CSSProperties {
  const key = `${icon}\u0000${category}`;
  let style = imageStyles.get(key);
  if (!style) {
    const colors = CATEGORY_COLORS[category];
    style = {
      '--icon-light': iconUrl(icon, colors.light),
      '--icon-dark': iconUrl(icon, colors.dark),
    } as CSSProperties;
    imageStyles.set(key, style);
  }
  return style;
}
