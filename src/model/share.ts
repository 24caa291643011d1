import { MAX_FILE_BYTES } from './design';
import { parseDesign, type LoadResult } from './load';
import { inflateLimited } from './inflate';

/*
 * Opening a share link. Making one (the compressor) lives in shareLink.ts: the editor needs only this
 * half at start.
 */

/** Share fragments start with a version tag so a newer link is recognised, not misread. */
export const SHARE_PREFIX = 's1.';

/** Decode a URL fragment (with or without the leading #) through the same loader as files. */
export function decodeShareFragment(fragment: string): LoadResult {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  const versioned = /^s(\d{1,9})\.(.*)$/s.exec(text);
  if (!versioned) return failure('this link does not carry a StackSketch design');
  const version = Number(versioned[1]);
  if (version > 1)
    return failure(
      `this link was made by a newer StackSketch (share format s${version}); update StackSketch to open it`,
    );
  if (versioned[1] !== '1') return failure(`this link is damaged: "s${versioned[1]}" is not a share format`);
  const payload = versioned[2] ?? '';
  if (payload.length > MAX_FILE_BYTES) return failure('this link is too long to be a design (over 5 MB)');
  if (!/^[A-Za-z0-9_-]*$/.test(payload))
    return failure('this link is damaged: its design data has characters a share link never contains');
  let bytes: Uint8Array;
  try {
    bytes = inflateLimited(fromBase64Url(payload), MAX_FILE_BYTES);
  } catch (error) {
    return failure(
      `this link is damaged: ${error instanceof Error ? error.message : 'its data does not decompress'}`,
    );
  }
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return failure('this link is damaged: its data is not text');
  }
  const result = parseDesign(json);
  if (!result.ok)
    return {
      ok: false,
      errors: result.errors.map((e) => ({ path: e.path, message: `in the link's design: ${e.message}` })),
    };
  return result;
}

function failure(message: string): LoadResult {
  return { ok: false, errors: [{ path: '', message }] };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += ALPHABET[a >> 2]! + ALPHABET[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    if (b !== undefined) out += ALPHABET[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    if (c !== undefined) out += ALPHABET[c & 63]!;
  }
  return out;
}

export function fromBase64Url(text: string): Uint8Array {
  if (text.length % 4 === 1) throw new Error('its data is cut short');
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let index = 0;
  for (const ch of text) {
    const digit = ALPHABET.indexOf(ch);
    if (digit < 0) throw new Error('its data has characters a share link never contains');
    value = (value << 6) | digit;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (value >> bits) & 0xff;
    }
  }
  return out.subarray(0, index);
}
