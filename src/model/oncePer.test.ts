import { describe, expect, it } from 'vitest';
import { oncePer } from './oncePer';

describe('oncePer', () => {
  it('works an answer out once per key object, and again for another object', () => {
    const asked: string[] = [];
    const length = oncePer(
      (item: { name: string }) => item,
      (item: { name: string }) => {
        asked.push(item.name);
        return item.name.length;
      },
    );
    const a = { name: 'web' };
    const b = { name: 'app-2' };
    expect(length(a)).toBe(3);
    expect(length(a)).toBe(3);
    expect(length(b)).toBe(5);
    expect(length({ name: 'web' })).toBe(3);
    expect(asked).toEqual(['web', 'app-2', 'web']);
  });

  it('keeps an undefined or null answer too', () => {
    let calls = 0;
    const nothing = oncePer(
      (key: object) => key,
      (_key: object) => {
        calls++;
        return undefined;
      },
    );
    const key = {};
    expect(nothing(key)).toBeUndefined();
    expect(nothing(key)).toBeUndefined();
    expect(calls).toBe(1);
  });

  it('keys by the object keyOf picks, passing every argument to the work', () => {
    const shapes = new Map<string, object>();
    const shapeOf = (design: { shape: string }) =>
      shapes.get(design.shape) ?? shapes.set(design.shape, {}).get(design.shape)!;
    let calls = 0;
    const label = oncePer(shapeOf, (design: { shape: string; label: string }, suffix?: string) => {
      calls++;
      return `${design.shape}:${design.label}${suffix ?? ''}`;
    });
    expect(label({ shape: 'a', label: 'first' }, '!')).toBe('a:first!');
    // The same shape: the kept answer, whatever else differs.
    expect(label({ shape: 'a', label: 'second' })).toBe('a:first!');
    expect(label({ shape: 'b', label: 'third' })).toBe('b:third');
    expect(calls).toBe(2);
  });
});
