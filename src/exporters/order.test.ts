import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareText } from './order';

describe('compareText', () => {
  it('orders strings exactly as Array.prototype.sort() without a comparison does', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 40 }), (items) => {
        expect([...items].sort(compareText)).toEqual([...items].sort());
      }),
      { numRuns: 500, seed: 5 },
    );
  });
});
