import { glyphOf } from '../nodes/card/glyphs';

/** An inline SVG icon of a kind, drawn in the text colour (palette, inspector). */
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
      // constant markup from the glyph table, never user text
      dangerouslySetInnerHTML={{ __html: glyphOf(icon) }}
    />
  );
}
