/** How a StackSketch SVG carries its design, shared by the SVG export and the importer. Pure. */

/** The exact opening tag the importer looks for (it never parses the SVG as XML). */
export const SVG_METADATA_OPEN = '<metadata id="stacksketch-design">';
export const SVG_METADATA_CLOSE = '</metadata>';

const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

// Characters XML 1.0 does not allow even when escaped, and lone surrogates.
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text safe inside an XML element or a double- or single-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '\ufffd').replace(/[&<>"']/g, (ch) => XML_ENTITIES[ch]!);
}

const PREDEFINED_ENTITIES = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

export type SvgDesignText = { ok: true; text: string } | { ok: false; message: string };

/**
 * Find the design text in an SVG without an XML parser (so no entity expansion, no external
 * references): exactly one element opened with SVG_METADATA_OPEN, plain text inside, and only the
 * five predefined entities.
 */
export function extractSvgDesignText(svg: string): SvgDesignText {
  const start = svg.indexOf(SVG_METADATA_OPEN);
  if (start < 0) return { ok: false, message: 'this SVG does not carry a StackSketch design' };
  if (svg.indexOf(SVG_METADATA_OPEN, start + 1) >= 0)
    return { ok: false, message: 'this SVG carries more than one StackSketch design' };
  const bodyStart = start + SVG_METADATA_OPEN.length;
  const end = svg.indexOf(SVG_METADATA_CLOSE, bodyStart);
  if (end < 0) return { ok: false, message: 'the StackSketch design in this SVG is cut short' };
  const body = svg.slice(bodyStart, end);
  if (body.includes('<'))
    return {
      ok: false,
      message: 'the StackSketch design in this SVG contains markup, which StackSketch never writes',
    };
  let bad = false;
  const text = body.replace(/&([a-zA-Z0-9#]*);?/g, (match, name: string) => {
    const known = PREDEFINED_ENTITIES.get(name);
    if (known === undefined || !match.endsWith(';')) bad = true;
    return known ?? '';
  });
  if (bad)
    return {
      ok: false,
      message: 'the StackSketch design in this SVG uses XML entities StackSketch never writes',
    };
  return { ok: true, text };
}
