import { MAX_FILE_BYTES } from './design';
import type { LoadResult } from './load';
import { parseDesign } from './load';
import { findPngText, isPng, PngError } from './pngText';
import { extractSvgDesignText } from './svgMetadata';

/** The PNG text keyword under which a StackSketch PNG carries its design file. */
export const PNG_DESIGN_KEYWORD = 'stacksketch';

/**
 * Read a design from an opened file's bytes, whatever StackSketch wrote: the design JSON, or an SVG or
 * PNG export that carries it. The content decides (not the file name); everything ends in the same
 * loader (size limit, schema) as a design file.
 */
export function readDesignFromBytes(bytes: Uint8Array, _fileName = ''): LoadResult {
  if (bytes.length > MAX_FILE_BYTES)
    return failure(`the file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; designs are limited to 5 MB`);
  if (isPng(bytes)) return readPng(bytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return failure('the file is not a StackSketch design, nor an SVG or PNG exported by StackSketch');
  }
  const body = text.replace(/^\ufeff?\s*/, '');
  if (body.startsWith('<')) return readSvg(body);
  return parseDesign(text);
}

function readPng(bytes: Uint8Array): LoadResult {
  let text: string | null;
  try {
    text = findPngText(bytes, PNG_DESIGN_KEYWORD);
  } catch (error) {
    return failure(error instanceof PngError ? error.message : 'the PNG cannot be read');
  }
  if (text === null) return failure('this PNG does not carry a StackSketch design');
  return prefixed(parseDesign(text), "the PNG's design");
}

function readSvg(text: string): LoadResult {
  if (!/^(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/.test(text))
    return failure('the file is markup but not an SVG image; StackSketch opens designs, SVG and PNG exports');
  const extracted = extractSvgDesignText(text);
  if (!extracted.ok) return failure(extracted.message);
  return prefixed(parseDesign(extracted.text), "the SVG's design");
}

function prefixed(result: LoadResult, where: string): LoadResult {
  if (result.ok) return result;
  return {
    ok: false,
    errors: result.errors.map((e) => ({ path: e.path, message: `in ${where}: ${e.message}` })),
  };
}

function failure(message: string): LoadResult {
  return { ok: false, errors: [{ path: '', message }] };
}
