import { zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { designToSvg } from '../exporters/svg';
import { MAX_FILE_BYTES } from './design';
import { PNG_DESIGN_KEYWORD, readDesignFromBytes } from './importFile';
import type { LoadResult } from './load';
import { crc32, PNG_SIGNATURE, writePngText } from './pngText';
import { serializeDesign } from './serialize';
import { loadTemplate } from './templates';

const encode = (text: string) => new TextEncoder().encode(text);

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length + 12);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

function plainPng(): Uint8Array {
  const header = new Uint8Array(13);
  new DataView(header.buffer).setUint32(0, 1);
  new DataView(header.buffer).setUint32(4, 1);
  header.set([8, 0, 0, 0, 0], 8);
  const parts = [
    PNG_SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', zlibSync(new Uint8Array([0, 128]))),
    chunk('IEND', new Uint8Array()),
  ];
  return Buffer.concat(parts);
}

function messages(result: LoadResult): string {
  if (result.ok) throw new Error('expected the file to be refused');
  return result.errors.map((e) => e.message).join('; ');
}

const design = loadTemplate('react-nginx-gunicorn');
const expected = serializeDesign(design);

describe('readDesignFromBytes', () => {
  it('reads design JSON', () => {
    const result = readDesignFromBytes(encode(expected), 'x.stacksketch.json');
    expect(result.ok && serializeDesign(result.design)).toBe(expected);
  });

  it('restores the design from an exported SVG, whatever the file is called', () => {
    const result = readDesignFromBytes(encode(designToSvg(design)), 'picture.txt');
    expect(result.ok && serializeDesign(result.design)).toBe(expected);
  });

  it('restores the design from a PNG carrying it in its stacksketch text chunk', () => {
    const png = writePngText(plainPng(), PNG_DESIGN_KEYWORD, expected);
    const result = readDesignFromBytes(png, 'diagram.png');
    expect(result.ok && serializeDesign(result.design)).toBe(expected);
  });

  it('says plainly when an image carries no design', () => {
    expect(messages(readDesignFromBytes(plainPng(), 'photo.png'))).toBe(
      'this PNG does not carry a StackSketch design',
    );
    expect(messages(readDesignFromBytes(encode('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'a.svg'))).toBe(
      'this SVG does not carry a StackSketch design',
    );
    expect(messages(readDesignFromBytes(encode('<html><body>hi</body></html>'), 'a.html'))).toMatch(
      /not an SVG/,
    );
  });

  it('refuses a damaged PNG and an invalid design inside an image through the same loader', () => {
    const png = writePngText(plainPng(), PNG_DESIGN_KEYWORD, expected);
    const damaged = png.slice();
    damaged[damaged.length - 20] = damaged[damaged.length - 20]! ^ 0xff;
    expect(messages(readDesignFromBytes(damaged, 'd.png'))).toMatch(/CRC/);
    const wrong = writePngText(
      plainPng(),
      PNG_DESIGN_KEYWORD,
      '{"format":"stacksketch/v1","nodes":[{"id":"a","kind":"x"}]}',
    );
    expect(messages(readDesignFromBytes(wrong, 'w.png'))).toMatch(/in the PNG's design: .*unknown kind/);
    const svg = designToSvg(design).replace('stacksketch/v2', 'stacksketch/v9');
    expect(messages(readDesignFromBytes(encode(svg), 'n.svg'))).toMatch(/made by a newer StackSketch/);
  });

  it('refuses files over 5 MB and binary files that are not PNG', () => {
    expect(messages(readDesignFromBytes(new Uint8Array(MAX_FILE_BYTES + 1), 'big.json'))).toMatch(
      /limited to 5 MB/,
    );
    expect(messages(readDesignFromBytes(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x80]), 'a.jpg'))).toMatch(
      /not a StackSketch design/,
    );
  });

  it('names the JSON problem for a malformed design file', () => {
    expect(
      messages(readDesignFromBytes(encode('{"format": "stacksketch/v1", nodes: []}'), 'bad.json')),
    ).toMatch(/not valid JSON/);
  });
});
