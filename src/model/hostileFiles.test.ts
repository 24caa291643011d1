import fc from 'fast-check';
import { zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { designToSvg } from '../exporters/svg';
import { PNG_DESIGN_KEYWORD, readDesignFromBytes } from './importFile';
import { crc32, PNG_SIGNATURE, writePngText } from './pngText';
import { serializeDesign } from './serialize';
import { decodeShareFragment } from './share';
import { encodeShareFragment } from './shareLink';
import { loadTemplate } from './templates';

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length + 12);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

const header = new Uint8Array([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
const plainPng = Buffer.concat([
  PNG_SIGNATURE,
  chunk('IHDR', header),
  chunk('IDAT', zlibSync(new Uint8Array([0, 7]))),
  chunk('IEND', new Uint8Array()),
]);
const design = loadTemplate('gunicorn-flask-sqlite');
const png = writePngText(plainPng, PNG_DESIGN_KEYWORD, serializeDesign(design));
const svg = new TextEncoder().encode(designToSvg(design));
const fragment = encodeShareFragment(design);

/** Flip, drop or insert bytes at random places. */
const mutation = (length: number) =>
  fc.array(
    fc.record({
      at: fc.nat({ max: length - 1 }),
      op: fc.constantFrom('flip', 'drop', 'insert'),
      byte: fc.nat(255),
    }),
    { minLength: 1, maxLength: 6 },
  );

function mutate(bytes: Uint8Array, edits: { at: number; op: string; byte: number }[]): Uint8Array {
  const out = [...bytes];
  for (const { at, op, byte } of edits) {
    const index = at % Math.max(out.length, 1);
    if (op === 'flip') out[index] = (out[index] ?? 0) ^ (byte || 1);
    else if (op === 'drop') out.splice(index, 1);
    else out.splice(index, 0, byte);
  }
  return Uint8Array.from(out);
}

/** A result is either a design that serializes, or named errors: never a throw, never an empty error. */
function wellFormed(result: ReturnType<typeof readDesignFromBytes>): boolean {
  if (result.ok) return serializeDesign(result.design).length > 0;
  return result.errors.length > 0 && result.errors.every((e) => e.message.length > 0);
}

describe('hostile files and links', () => {
  it('damaged PNG exports are refused or read, never crash', () => {
    fc.assert(
      fc.property(mutation(png.length), (edits) =>
        wellFormed(readDesignFromBytes(mutate(png, edits), 'x.png')),
      ),
      { numRuns: 300 },
    );
  });

  it('damaged SVG exports are refused or read, never crash', () => {
    fc.assert(
      fc.property(mutation(svg.length), (edits) =>
        wellFormed(readDesignFromBytes(mutate(svg, edits), 'x.svg')),
      ),
      { numRuns: 300 },
    );
  });

  it('random bytes and random text are refused with a message', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => wellFormed(readDesignFromBytes(bytes, 'x'))),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => wellFormed(decodeShareFragment(text))),
      {
        numRuns: 300,
      },
    );
  });

  it('tampered share links are refused or decode to a valid design, never crash', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    fc.assert(
      fc.property(fc.nat({ max: fragment.length - 4 }), fc.nat(63), (at, digit) => {
        const tampered = fragment.slice(0, 3 + at) + alphabet[digit] + fragment.slice(4 + at);
        return wellFormed(decodeShareFragment(tampered));
      }),
      { numRuns: 300 },
    );
  });

  it('still reads the undamaged files', () => {
    expect(readDesignFromBytes(png, 'x.png').ok).toBe(true);
    expect(readDesignFromBytes(svg, 'x.svg').ok).toBe(true);
    expect(decodeShareFragment(fragment).ok).toBe(true);
  });
});
