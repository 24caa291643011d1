import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validate } from '../validation/validate';
import { COMPOSE_EN, generate } from './generate';
import {
  GOLDEN_FUZZ_COUNT,
  diagnosticsDigest,
  filesDigest,
  goldenDesigns,
  readmeWithoutWarnings,
} from './testing/golden';

const golden = JSON.parse(readFileSync(new URL('./fixtures/golden.json', import.meta.url), 'utf8')) as Record<
  string,
  { files: Record<string, string>; diagnostics: string[] }
>;

describe('golden output (generated files and diagnostics stay byte-identical)', () => {
  const designs = goldenDesigns();

  it('covers every template, the variety, the forced designs and the fuzz designs', () => {
    expect(designs.length).toBeGreaterThanOrEqual(GOLDEN_FUZZ_COUNT + 10);
    expect(designs.map((entry) => entry.id).sort()).toEqual(Object.keys(golden).sort());
  });

  it('gives the recorded bytes for every file of every design', () => {
    const changed: string[] = [];
    for (const { id, design } of designs) {
      const files = filesDigest(generate(design, COMPOSE_EN).files);
      const want = golden[id]!.files;
      for (const path of new Set([...Object.keys(files), ...Object.keys(want)]))
        if (files[path] !== want[path]) changed.push(`${id}: ${path}`);
    }
    expect(changed).toEqual([]);
  });

  it('gives the recorded diagnostics for every design', () => {
    const changed: string[] = [];
    for (const { id, design } of designs)
      if (JSON.stringify(diagnosticsDigest(validate(design))) !== JSON.stringify(golden[id]!.diagnostics))
        changed.push(id);
    expect(changed).toEqual([]);
  });

  it('leaves only the warnings section out of the README record', () => {
    const readme = '# x\n\n## Warnings\n\n- ⚠️ one\n- ⚠️ two\n\n## How to run\n';
    expect(readmeWithoutWarnings(readme)).toBe('# x\n\n## Warnings\n\n## How to run\n');
  });
});
