import { zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crc32, findPngText, PNG_SIGNATURE, readPngText, writePngText } from './pngText';

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length + 12);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** A real 2×1 RGBA PNG, built by hand. */
function tinyPng(extra: Uint8Array[] = []): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, 2);
  view.setUint32(4, 1);
  header.set([8, 6, 0, 0, 0], 8);
  const pixels = zlibSync(new Uint8Array([0, 255, 0, 0, 255, 0, 0, 255, 255]));
  return concat([
    PNG_SIGNATURE,
    chunk('IHDR', header),
    ...extra,
    chunk('IDAT', pixels),
    chunk('IEND', new Uint8Array()),
  ]);
}

describe('PNG text chunks', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('round-trips UTF-8 text in an iTXt chunk and keeps the image chunks', () => {
    const text = '{"name":"caf\u00e9 \u{1F680} <&>"}\n';
    const png = writePngText(tinyPng(), 'stacksketch', text);
    expect(findPngText(png, 'stacksketch')).toBe(text);
    expect(findPngText(png, 'other')).toBeNull();
    // The original chunks are still there, unchanged, after the inserted one.
    const original = tinyPng();
    expect(Buffer.from(png).includes(Buffer.from(original.subarray(33)))).toBe(true);
  });

  it('replaces an earlier text under the same keyword instead of adding a second one', () => {
    const once = writePngText(tinyPng(), 'stacksketch', 'first');
    const twice = writePngText(once, 'stacksketch', 'second');
    expect(readPngText(twice).filter((t) => t.keyword === 'stacksketch')).toEqual([
      { keyword: 'stacksketch', text: 'second' },
    ]);
  });

  it('reads Latin-1 tEXt chunks written by other tools', () => {
    const data = concat([new TextEncoder().encode('Comment'), new Uint8Array([0, 0x63, 0x61, 0x66, 0xe9])]);
    expect(readPngText(tinyPng([chunk('tEXt', data)]))).toEqual([{ keyword: 'Comment', text: 'caf\u00e9' }]);
  });

  it('refuses a chunk whose CRC does not match', () => {
    const png = writePngText(tinyPng(), 'stacksketch', 'design');
    const damaged = png.slice();
    const at = Buffer.from(damaged).indexOf('design');
    damaged[at] = 'D'.charCodeAt(0);
    expect(() => findPngText(damaged, 'stacksketch')).toThrow(/iTXt chunk fails its CRC check/);
  });

  it('refuses a truncated file and a chunk length that runs past the end', () => {
    const png = writePngText(tinyPng(), 'stacksketch', 'design');
    expect(() => findPngText(png.subarray(0, png.length - 12), 'stacksketch')).toThrow(/cut short/);
    const lying = png.slice();
    new DataView(lying.buffer).setUint32(8, 0x7fffffff);
    expect(() => findPngText(lying, 'stacksketch')).toThrow(/cut short or a chunk length is wrong/);
  });

  it('refuses files over the size limit before reading them', () => {
    const png = writePngText(tinyPng(), 'stacksketch', 'x'.repeat(2000));
    expect(() => findPngText(png, 'stacksketch', 1000)).toThrow(/limited to/);
  });

  it('refuses what is not a PNG and PNGs that carry two designs', () => {
    expect(() => readPngText(new TextEncoder().encode('GIF89a....'))).toThrow(/not a PNG/);
    const keyword = new TextEncoder().encode('stacksketch');
    const itxt = (text: string) =>
      chunk('iTXt', concat([keyword, new Uint8Array(5), new TextEncoder().encode(text)]));
    expect(() => findPngText(tinyPng([itxt('a'), itxt('b')]), 'stacksketch')).toThrow(/more than one/);
  });

  it('refuses bad keywords when writing', () => {
    expect(() => writePngText(tinyPng(), '', 'x')).toThrow(/keyword/);
    expect(() => writePngText(tinyPng(), 'k\u0000', 'x')).toThrow(/keyword/);
  });
});
