import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareText, sortShort } from './order';

describe('sortShort', () => {
  it('orders strings exactly as Array.prototype.sort() does, short lists and long', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 40 }), (items) => {
        expect(sortShort([...items], compareText)).toEqual([...items].sort());
      }),
      { numRuns: 500, seed: 5 },
    );
  });

  it('is stable: equal items keep their order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.nat()), { maxLength: 30 }),
        (items) => {
          const byKey = (a: [number, number], b: [number, number]) => a[0] - b[0];
          expect(sortShort([...items], byKey)).toEqual([...items].sort(byKey));
        },
      ),
      { numRuns: 500, seed: 6 },
    );
  });
});
