import { describe, expect, it } from 'vitest';
import { mapKept, mapKeptList } from './mapKept';

describe('mapKept', () => {
  const items = () => [{ n: 1 }, { n: 2 }, { n: 3 }];

  it('maps every item, calling the step only for items not at the same position as last time', () => {
    const seen: number[] = [];
    const double = mapKept((item: { n: number }, _key: object) => {
      seen.push(item.n);
      return item.n * 2;
    });
    const key = {};
    const first = items();
    expect(double(key, first)).toEqual([2, 4, 6]);
    expect(seen).toEqual([1, 2, 3]);
    const edited = [first[0]!, { n: 5 }, first[2]!];
    expect(double(key, edited)).toEqual([2, 10, 6]);
    expect(seen).toEqual([1, 2, 3, 5]);
    // A removed item shifts the rest: they are mapped again (the step's own reuse is what keeps them).
    expect(double(key, [edited[0]!, edited[2]!])).toEqual([2, 6]);
    expect(seen).toEqual([1, 2, 3, 5, 3]);
  });

  it('returns the last results list itself while every result is the same', () => {
    const names = mapKept((item: { n: number }, _key: object) => `n${item.n}`);
    const key = {};
    const list = items();
    const first = names(key, list);
    expect(names(key, list.slice())).toBe(first);
    expect(names(key, [list[0]!, { n: 2 }, list[2]!])).toBe(first);
    expect(names(key, [list[0]!, { n: 9 }, list[2]!])).toEqual(['n1', 'n9', 'n3']);
  });

  it('keeps one list per key, and the key reaches the step', () => {
    const label = mapKept((item: { n: number }, key: { lang: string }) => `${key.lang}${item.n}`);
    const en = { lang: 'en' };
    const ko = { lang: 'ko' };
    const list = items();
    expect(label(en, list)).toEqual(['en1', 'en2', 'en3']);
    expect(label(ko, list)).toEqual(['ko1', 'ko2', 'ko3']);
    expect(label(en, list.slice())).toEqual(['en1', 'en2', 'en3']);
  });
});

describe('mapKeptList', () => {
  it('maps a list, calling the step only for items not where they were in the last list', () => {
    const seen: number[] = [];
    const triple = mapKeptList((item: { n: number }) => {
      seen.push(item.n);
      return item.n * 3;
    });
    const first = [{ n: 1 }, { n: 2 }];
    const results = triple(first);
    expect(results).toEqual([3, 6]);
    expect(triple([first[0]!, first[1]!])).toBe(results);
    expect(triple([first[0]!, { n: 4 }])).toEqual([3, 12]);
    expect(seen).toEqual([1, 2, 4]);
  });
});
