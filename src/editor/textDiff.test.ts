import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedLines, lineRanges, minimalEdit } from './textDiff';

describe('minimalEdit', () => {
  it('returns null for equal texts', () => {
    expect(minimalEdit('a\nb', 'a\nb')).toBeNull();
  });

  it('replaces only the differing middle', () => {
    expect(minimalEdit('listen 80;', 'listen 8080;')).toEqual({ start: 9, end: 9, text: '80' });
    expect(minimalEdit('abc', 'ac')).toEqual({ start: 1, end: 2, text: '' });
  });

  it('always turns before into after', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (before, after) => {
        const edit = minimalEdit(before, after);
        const result = edit ? before.slice(0, edit.start) + edit.text + before.slice(edit.end) : before;
        expect(result).toBe(after);
      }),
    );
  });
});

describe('changedLines', () => {
  it('finds a changed line in the middle', () => {
    expect(changedLines('a\nlisten 80;\nc', 'a\nlisten 8080;\nc')).toEqual([2]);
  });

  it('finds inserted lines and two separate edits', () => {
    expect(changedLines('a\nb\nc\nd', 'a\nx\nb\nc\nd\ny')).toEqual([2, 6]);
    expect(changedLines('a\nb\nc', 'A\nb\nC')).toEqual([1, 3]);
  });

  it('reports nothing for deletions only or equal texts', () => {
    expect(changedLines('a\nb\nc', 'a\nc')).toEqual([]);
    expect(changedLines('same', 'same')).toEqual([]);
  });

  it('never reports a line that is unchanged and in place when only one line differs', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 3 }), { minLength: 1, maxLength: 20 }),
        fc.nat(),
        (lines, at) => {
          const index = at % lines.length;
          const after = [...lines];
          after[index] = `${after[index]}!changed`;
          expect(changedLines(lines.join('\n'), after.join('\n'))).toEqual([index + 1]);
        },
      ),
    );
  });
});

describe('lineRanges', () => {
  it('merges consecutive lines', () => {
    expect(lineRanges([1, 2, 3, 7, 9, 10])).toEqual([
      [1, 3],
      [7, 7],
      [9, 10],
    ]);
  });
});
