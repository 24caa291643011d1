import { MAX_FILE_BYTES } from './design';

/**
 * Read and write PNG text chunks (tEXt, iTXt), the way a StackSketch PNG carries its design.
 * Hostile files are expected: the size is bounded before anything is read, every chunk length is
 * checked against what is left, every CRC is verified, and compressed text is never inflated.
 */

export const PNG_SIGNATURE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export class PngError extends Error {}

export interface PngTextChunk {
  keyword: string;
  text: string;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let crc = 0xffffffff;
  for (let i = start; i < end; i++) crc = CRC_TABLE[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= PNG_SIGNATURE.length && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

interface RawChunk {
  type: string;
  /** Offset of the length field. */
  start: number;
  /** Offset just after the CRC. */
  end: number;
  data: Uint8Array;
}

function readUint32(bytes: Uint8Array, offset: number): number {
  return (
    ((bytes[offset]! << 24) | (bytes[offset + 1]! << 16) | (bytes[offset + 2]! << 8) | bytes[offset + 3]!) >>>
    0
  );
}

function writeUint32(bytes: Uint8Array, offset: number, value: number): void {
  bytes[offset] = (value >>> 24) & 0xff;
  bytes[offset + 1] = (value >>> 16) & 0xff;
  bytes[offset + 2] = (value >>> 8) & 0xff;
  bytes[offset + 3] = value & 0xff;
}

/** Walk the chunks up to IEND, checking bounds and CRCs. Throws PngError naming the problem. */
function readChunks(bytes: Uint8Array, maxBytes: number): RawChunk[] {
  if (bytes.length > maxBytes)
    throw new PngError(
      `the PNG is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; images are limited to ${Math.round(maxBytes / 1024 / 1024)} MB`,
    );
  if (!isPng(bytes)) throw new PngError('the file is not a PNG (its signature is wrong)');
  const chunks: RawChunk[] = [];
  let offset = PNG_SIGNATURE.length;
  for (;;) {
    if (offset + 12 > bytes.length) throw new PngError('the PNG is cut short (no IEND chunk)');
    const length = readUint32(bytes, offset);
    if (length > bytes.length - offset - 12)
      throw new PngError('the PNG is cut short or a chunk length is wrong');
    const typeBytes = bytes.subarray(offset + 4, offset + 8);
    if (!typeBytes.every((b) => (b >= 65 && b <= 90) || (b >= 97 && b <= 122)))
      throw new PngError('the PNG has a malformed chunk type');
    const type = String.fromCharCode(...typeBytes);
    const dataEnd = offset + 8 + length;
    const expected = readUint32(bytes, dataEnd);
    if (crc32(bytes, offset + 4, dataEnd) !== expected)
      throw new PngError(`the PNG is damaged (the ${type} chunk fails its CRC check)`);
    chunks.push({ type, start: offset, end: dataEnd + 4, data: bytes.subarray(offset + 8, dataEnd) });
    offset = dataEnd + 4;
    if (chunks.length === 1 && type !== 'IHDR')
      throw new PngError('the PNG does not start with an IHDR chunk');
    if (type === 'IEND') return chunks;
  }
}

const latin1 = (bytes: Uint8Array) => Array.from(bytes, (b) => String.fromCharCode(b)).join('');

function decodeTextChunk(chunk: RawChunk): PngTextChunk | null {
  const data = chunk.data;
  const nul = data.indexOf(0);
  if (nul < 1 || nul > 79) throw new PngError(`the PNG has a ${chunk.type} chunk without a valid keyword`);
  const keyword = latin1(data.subarray(0, nul));
  if (chunk.type === 'tEXt') return { keyword, text: latin1(data.subarray(nul + 1)) };
  // iTXt: keyword, 0, compression flag, compression method, language tag, 0, translated keyword, 0, text
  const flag = data[nul + 1];
  const languageEnd = data.indexOf(0, nul + 3);
  const translatedEnd = languageEnd < 0 ? -1 : data.indexOf(0, languageEnd + 1);
  if (flag === undefined || translatedEnd < 0) throw new PngError('the PNG has a malformed iTXt chunk');
  if (flag !== 0) return null;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data.subarray(translatedEnd + 1));
  } catch {
    throw new PngError(`the PNG's "${keyword}" text is not valid UTF-8`);
  }
  return { keyword, text };
}

/** Every uncompressed tEXt/iTXt chunk, in file order. */
export function readPngText(bytes: Uint8Array, maxBytes = MAX_FILE_BYTES): PngTextChunk[] {
  const texts: PngTextChunk[] = [];
  for (const chunk of readChunks(bytes, maxBytes)) {
    if (chunk.type !== 'tEXt' && chunk.type !== 'iTXt') continue;
    const text = decodeTextChunk(chunk);
    if (text) texts.push(text);
  }
  return texts;
}

/** The text stored under `keyword`, or null when there is none. Throws PngError on a damaged file. */
export function findPngText(bytes: Uint8Array, keyword: string, maxBytes = MAX_FILE_BYTES): string | null {
  const matches = readPngText(bytes, maxBytes).filter((chunk) => chunk.keyword === keyword);
  if (matches.length > 1) throw new PngError(`the PNG carries more than one "${keyword}" text`);
  return matches[0]?.text ?? null;
}

function makeChunk(type: string, data: Uint8Array): Uint8Array {
  const chunk = new Uint8Array(data.length + 12);
  writeUint32(chunk, 0, data.length);
  for (let i = 0; i < 4; i++) chunk[4 + i] = type.charCodeAt(i);
  chunk.set(data, 8);
  writeUint32(chunk, 8 + data.length, crc32(chunk, 4, 8 + data.length));
  return chunk;
}

/**
 * A copy of the PNG with one uncompressed iTXt chunk `keyword` = `text` (UTF-8) right after IHDR;
 * any earlier text under the same keyword is dropped so the file never carries two designs.
 */
export function writePngText(png: Uint8Array, keyword: string, text: string): Uint8Array {
  if (!/^[\x20-\x7e]{1,79}$/.test(keyword) || keyword !== keyword.trim())
    throw new PngError('a PNG text keyword is 1 to 79 printable ASCII characters');
  const chunks = readChunks(png, Number.MAX_SAFE_INTEGER);
  const keywordBytes = new TextEncoder().encode(keyword);
  const textBytes = new TextEncoder().encode(text);
  // keyword, 0, flag 0 (uncompressed), method 0, empty language tag + 0, empty translated keyword + 0
  const data = new Uint8Array(keywordBytes.length + 5 + textBytes.length);
  data.set(keywordBytes, 0);
  data.set(textBytes, keywordBytes.length + 5);
  const inserted = makeChunk('iTXt', data);
  const kept = chunks.filter((chunk) => {
    if (chunk.type !== 'tEXt' && chunk.type !== 'iTXt') return true;
    const nul = chunk.data.indexOf(0);
    return latin1(chunk.data.subarray(0, nul < 0 ? 0 : nul)) !== keyword;
  });
  const parts = [
    PNG_SIGNATURE,
    ...kept.flatMap((chunk, index) => {
      const raw = png.subarray(chunk.start, chunk.end);
      return index === 0 ? [raw, inserted] : [raw];
    }),
  ];
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
