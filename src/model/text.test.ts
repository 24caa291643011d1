import { describe, expect, it } from 'vitest';
import { joinPieces, keptJoin } from './text';

describe('joinPieces', () => {
  it('joins pieces with the separator, and nothing as the empty text', () => {
    expect(joinPieces(['a', 'b', 'c'], '\n')).toBe('a\nb\nc');
    expect(joinPieces(['only'], ', ')).toBe('only');
    expect(joinPieces([], '\n')).toBe('');
  });
});

describe('keptJoin', () => {
  it('gives the joined text of the pieces it is handed, kept or not', () => {
    const join = keptJoin('\n');
    const key = {};
    expect(join(key, ['a', 'b'])).toBe('a\nb');
    expect(join(key, ['a', 'b'])).toBe('a\nb');
    expect(join(key, ['a', 'c'])).toBe('a\nc');
    expect(join(key, ['a', 'c', 'd'])).toBe('a\nc\nd');
    expect(join(key, ['a'])).toBe('a');
    expect(join(key, [])).toBe('');
  });

  it('keeps one text per key', () => {
    const join = keptJoin(' | ');
    const en = {};
    const ko = {};
    expect(join(en, ['one', 'two'])).toBe('one | two');
    expect(join(ko, ['하나', '둘'])).toBe('하나 | 둘');
    expect(join(en, ['one', 'two'])).toBe('one | two');
  });

  it('does not join again while the pieces are the same strings', () => {
    const join = keptJoin('\n');
    const key = {};
    const pieces = ['a', 'b', 'c'];
    join(key, pieces);
    // A kept text is returned without reading the new list's pieces past the comparison.
    let reads = 0;
    const counted = new Proxy(pieces.slice(), {
      get(target, property, receiver) {
        if (property === 'reduce') reads++;
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
    expect(join(key, counted)).toBe('a\nb\nc');
    expect(reads).toBe(0);
    expect(join(key, ['a', 'b', 'x'])).toBe('a\nb\nx');
  });
});
