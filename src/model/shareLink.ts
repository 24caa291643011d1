import { deflateSync, strToU8 } from 'fflate';
import type { Design } from './design';
import { serializeDesign } from './serialize';
import { SHARE_PREFIX, toBase64Url } from './share';

/** The design as a share fragment (without #): compressed JSON, read back by decodeShareFragment. */
export function encodeShareFragment(design: Design): string {
  const compressed = deflateSync(strToU8(serializeDesign(design)), { level: 9 });
  return SHARE_PREFIX + toBase64Url(compressed);
}

/**
 * The share link for `base`, the editor's address: its query and fragment are dropped, as the browser
 * builds links from its origin + path. So the CLI's `share --base URL` and the editor at URL print the
 * same link for the same design.
 */
export function shareUrl(design: Design, base: string): string {
  const url = new URL(base);
  return `${url.origin}${url.pathname}#${encodeShareFragment(design)}`;
}
