import type { LoadResult } from './load';
import { parseDesign } from './load';

/**
 * Read a design from an opened file's bytes: design JSON today; SVG and PNG exports that carry a
 * design are added by the image export work. Everything goes through the same loader.
 */
export function readDesignFromBytes(bytes: Uint8Array, _fileName: string): LoadResult {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      errors: [{ path: '', message: 'the file is not UTF-8 text (expected a .stacksketch.json design)' }],
    };
  }
  return parseDesign(text);
}
