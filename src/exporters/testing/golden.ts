/**
 * The byte-for-byte record of what the exporters and the validator give for a fixed set of designs
 * (every template, the variety catalogue, the forced designs and 300 seeded fuzz designs). A
 * restructuring of the core must leave it unchanged; a deliberate change of output regenerates it
 * with `npm run golden` and says why in its commit.
 */
import { createHash } from 'node:crypto';
import type { Design } from '../../model/design';
import type { Diagnostic } from '../../validation/types';
import { fuzzDesigns } from '../../../scripts/lib/fuzzDesigns';
import { FORCED, allValidDesigns, load } from './designs';

export const GOLDEN_FUZZ_COUNT = 300;

export function goldenDesigns(): { id: string; design: Design }[] {
  return [
    ...allValidDesigns(),
    ...Object.entries(FORCED).map(([id, raw]) => ({ id: `forced-${id}`, design: load(raw) })),
    ...fuzzDesigns(GOLDEN_FUZZ_COUNT).designs,
  ];
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 24);
}

/**
 * The README without its warnings section: warnings are worded by the rules, so only their
 * presence is part of the record (the rules' own record below holds which ones fire).
 */
export function readmeWithoutWarnings(readme: string): string {
  return readme.replace(/## Warnings\n\n(?:- [^\n]*\n)+\n/, '## Warnings\n\n');
}

/** File path → hash, every file but design.json (which records the design in the current format). */
export function filesDigest(files: Record<string, string>): Record<string, string> {
  const digest: Record<string, string> = {};
  for (const path of Object.keys(files).sort()) {
    if (path === 'design.json') continue;
    const text = path === 'README.md' ? readmeWithoutWarnings(files[path]!) : files[path]!;
    digest[path] = sha256(text);
  }
  return digest;
}

/** Rule, severity and the nodes and edges it names, for every diagnostic, in order. */
export function diagnosticsDigest(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map(
    (diagnostic) =>
      `${diagnostic.rule} ${diagnostic.severity} [${diagnostic.nodes.join(',')}] [${diagnostic.edges.join(',')}]`,
  );
}
