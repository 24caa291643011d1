import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from './design';
import type { LoadResult } from './load';
import { serializeDesign } from './serialize';
import { decodeShareFragment, toBase64Url, fromBase64Url } from './share';
import { encodeShareFragment, shareUrl } from './shareLink';
import { TEMPLATE_IDS, loadTemplate } from './templates';

function messageOf(result: LoadResult): string {
  if (result.ok) throw new Error('expected the link to be refused');
  return result.errors.map((e) => e.message).join('; ');
}

describe('share fragments', () => {
  it.each(TEMPLATE_IDS)('round-trips the %s template byte for byte', (id) => {
    const design = loadTemplate(id);
    const fragment = encodeShareFragment(design);
    expect(fragment).toMatch(/^s1\.[A-Za-z0-9_-]+$/);
    const decoded = decodeShareFragment(`#${fragment}`);
    expect(decoded.ok).toBe(true);
    if (decoded.ok) expect(serializeDesign(decoded.design)).toBe(serializeDesign(design));
  });

  it('gives the same fragment for the same design (the CLI and the browser agree)', () => {
    const design = loadTemplate('uwsgi-unix-socket');
    expect(encodeShareFragment(design)).toBe(encodeShareFragment(loadTemplate('uwsgi-unix-socket')));
    expect(shareUrl(design, 'https://example.org/sketch/')).toBe(
      `https://example.org/sketch/#${encodeShareFragment(design)}`,
    );
    expect(shareUrl(design, 'https://example.org/sketch/?lang=en#s1.old')).toBe(
      `https://example.org/sketch/#${encodeShareFragment(design)}`,
    );
    expect(shareUrl(design, 'http://localhost:5173')).toBe(
      `http://localhost:5173/#${encodeShareFragment(design)}`,
    );
  });

  it('refuses a link from a newer share format', () => {
    const fragment = encodeShareFragment(loadTemplate('gunicorn-flask-sqlite')).replace(/^s1\./, 's2.');
    expect(messageOf(decodeShareFragment(fragment))).toMatch(/newer StackSketch \(share format s2\)/);
  });

  it('refuses a design of a newer file format inside a current link', () => {
    const text = serializeDesign(loadTemplate('gunicorn-flask-sqlite')).replace(
      'stacksketch/v2',
      'stacksketch/v3',
    );
    const fragment = `s1.${toBase64Url(deflateSync(strToU8(text)))}`;
    expect(messageOf(decodeShareFragment(fragment))).toMatch(
      /made by a newer StackSketch \(format "stacksketch\/v3"/,
    );
  });

  it('refuses tampered data with a clear message and never throws', () => {
    const fragment = encodeShareFragment(loadTemplate('react-nginx-gunicorn'));
    const middle = Math.floor(fragment.length / 2);
    let refused = 0;
    for (const replacement of ['A', 'z', '0', '_']) {
      const tampered = fragment.slice(0, middle) + replacement + fragment.slice(middle + 1);
      if (tampered === fragment) continue;
      const result = decodeShareFragment(tampered);
      if (!result.ok) {
        refused++;
        expect(messageOf(result)).toMatch(/damaged|link's design/);
      }
    }
    expect(refused).toBeGreaterThan(0);
    expect(messageOf(decodeShareFragment(fragment.slice(0, fragment.length - 7)))).toMatch(/damaged/);
  });

  it('refuses a design whose content breaks the schema', () => {
    const text = JSON.stringify({ format: 'stacksketch/v1', nodes: [{ id: 'x', kind: 'mainframe' }] });
    const fragment = `s1.${toBase64Url(deflateSync(strToU8(text)))}`;
    expect(messageOf(decodeShareFragment(fragment))).toMatch(
      /in the link's design: .*unknown kind "mainframe"/,
    );
  });

  it('refuses a decompression bomb without inflating it all', () => {
    const bomb = deflateSync(new Uint8Array(MAX_FILE_BYTES * 4).fill(32), { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    expect(messageOf(decodeShareFragment(`s1.${toBase64Url(bomb)}`))).toMatch(/more than 5 MB/);
  });

  it('refuses characters that base64url never contains', () => {
    expect(messageOf(decodeShareFragment('s1.abc+def/'))).toMatch(/characters a share link never contains/);
    expect(messageOf(decodeShareFragment('s1.<script>alert(1)</script>'))).toMatch(/never contains/);
    expect(messageOf(decodeShareFragment('s1.abcde'))).toMatch(/damaged/);
  });

  it('refuses fragments that are not share links at all', () => {
    expect(messageOf(decodeShareFragment(''))).toMatch(/does not carry a StackSketch design/);
    expect(messageOf(decodeShareFragment('#section-2'))).toMatch(/does not carry a StackSketch design/);
    expect(messageOf(decodeShareFragment('s0.AAAA'))).toMatch(/not a share format/);
  });

  it('encodes base64url without padding and decodes it back', () => {
    for (let length = 0; length < 20; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 97 + length) & 0xff);
      const text = toBase64Url(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      expect([...fromBase64Url(text)]).toEqual([...bytes]);
    }
  });
});
