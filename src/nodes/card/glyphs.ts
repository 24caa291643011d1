/** Small line glyphs for the node kinds (descriptor.icon names), drawn on a 24×24 grid. */
const GLYPHS: Record<string, string> = {
  client: '<rect x="3" y="4" width="18" height="12" rx="1.5"/><path d="M8 20h8M12 16v4"/>',
  nginx: '<path d="M12 2.5l8.5 4.9v9.2L12 21.5l-8.5-4.9V7.4z"/><path d="M9 15.5v-7l6 7v-7"/>',
  gunicorn:
    '<circle cx="12" cy="12" r="3"/><path d="M12 3v3M12 18v3M3 12h3M18 12h3M5.6 5.6l2.1 2.1M16.3 16.3l2.1 2.1M5.6 18.4l2.1-2.1M16.3 7.7l2.1-2.1"/>',
  uwsgi: '<rect x="4" y="4" width="16" height="16" rx="3"/><path d="M8.5 9v3.5a3.5 3.5 0 0 0 7 0V9"/>',
  flask:
    '<path d="M9 3h6M10 3v6L4.8 18.2A1.9 1.9 0 0 0 6.5 21h11a1.9 1.9 0 0 0 1.7-2.8L14 9V3"/><path d="M7.5 15h9"/>',
  django:
    '<path d="M14 3v15.2c-1.3.5-2.4.7-3.6.7-3 0-4.6-1.5-4.6-4.1 0-2.6 1.7-4.3 4.4-4.3.6 0 1.1.1 1.6.2V3z"/><path d="M18 8v7.8c0 2.7-.2 4-.8 5.1"/><path d="M18 4v1.5"/>',
  sqlite:
    '<ellipse cx="12" cy="5.5" rx="7" ry="2.5"/><path d="M5 5.5v13c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5v-13M5 12c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5"/>',
  react:
    '<circle cx="12" cy="12" r="1.6"/><ellipse cx="12" cy="12" rx="9" ry="3.6"/><ellipse cx="12" cy="12" rx="9" ry="3.6" transform="rotate(60 12 12)"/><ellipse cx="12" cy="12" rx="9" ry="3.6" transform="rotate(120 12 12)"/>',
};
const FALLBACK_GLYPH = '<circle cx="12" cy="12" r="8"/>';

/** The SVG markup of a glyph (constant, never user text), to go inside a 24×24 viewBox. */
export function glyphOf(icon: string): string {
  return GLYPHS[icon] ?? FALLBACK_GLYPH;
}
