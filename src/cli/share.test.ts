import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { serializeDesign } from '../model/serialize';
import { decodeShareFragment } from '../model/share';
import { encodeShareFragment } from '../model/shareLink';
import { loadTemplate } from '../model/templates';
import { main } from './main';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  return { out, err };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('stacksketch share', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stacksketch-share-cli-'));
  const file = join(dir, 'design.json');
  writeFileSync(file, serializeDesign(loadTemplate('uwsgi-unix-socket')));

  it('prints the link the editor at --base gives for the same design', async () => {
    const { out } = capture();
    expect(await main(['share', file, '--base', 'https://sketch.example.org/team/'])).toBe(0);
    const fragment = encodeShareFragment(loadTemplate('uwsgi-unix-socket'));
    expect(out.join('')).toBe(`https://sketch.example.org/team/#${fragment}\n`);
    const decoded = decodeShareFragment(fragment);
    expect(decoded.ok && serializeDesign(decoded.design)).toBe(
      serializeDesign(loadTemplate('uwsgi-unix-socket')),
    );
  });

  it('refuses a base that is not an http(s) URL and a file that is not a design', async () => {
    const { err } = capture();
    expect(await main(['share', file, '--base', 'javascript:alert(1)'])).toBe(2);
    expect(err.join('')).toMatch(/--base must be an http or https URL/);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"format":"stacksketch/v3","nodes":[]}');
    expect(await main(['share', bad])).toBe(2);
    expect(err.join('')).toMatch(/made by a newer StackSketch \(format "stacksketch\/v3"/);
  });
});
