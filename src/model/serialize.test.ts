import { describe, expect, it } from 'vitest';
import { goldenDesigns } from '../exporters/testing/golden';
import type { Design } from './design';
import { serializeDesign, toFileObject } from './serialize';

const plainJson = (design: Design) => `${JSON.stringify(toFileObject(design), null, 2)}\n`;

describe('serializeDesign', () => {
  it('writes exactly the file object as two-space JSON, for every golden design', () => {
    for (const { design } of goldenDesigns()) expect(serializeDesign(design)).toBe(plainJson(design));
  });

  it('writes empty node and edge lists as []', () => {
    const empty: Design = { format: 'stacksketch/v2', name: 'empty', containers: {}, nodes: [], edges: [] };
    expect(serializeDesign(empty)).toBe(plainJson(empty));
  });

  it('gives the new text after an edit, though unchanged nodes reuse their block', () => {
    const { design } = goldenDesigns()[0]!;
    const before = serializeDesign(design);
    const node = design.nodes.find((candidate) => candidate.container !== undefined)!;
    const moved: Design = {
      ...design,
      nodes: design.nodes.map((n) => (n === node ? { ...n, position: { x: 12.34, y: 5 } } : n)),
    };
    expect(serializeDesign(moved)).toBe(plainJson(moved));
    expect(serializeDesign(moved)).not.toBe(before);
    expect(serializeDesign(design)).toBe(before);
  });

  it('keeps the edges list’s text while the list is the same, and writes a new list’s', () => {
    const { design } = goldenDesigns().find((golden) => golden.design.edges.length > 1)!;
    serializeDesign(design);
    const node = design.nodes[0]!;
    const renamed: Design = {
      ...design,
      nodes: design.nodes.map((n) => (n === node ? { ...n, position: { x: 1, y: 2 } } : n)),
    };
    expect(serializeDesign(renamed)).toBe(plainJson(renamed));
    const [first, ...rest] = design.edges;
    const reordered: Design = { ...renamed, edges: [...rest, first!] };
    expect(serializeDesign(reordered)).toBe(plainJson(reordered));
    expect(serializeDesign(reordered)).not.toBe(serializeDesign(renamed));
  });
});
