import { describe, expect, it } from 'vitest';
import { cutToWidth, fitter } from './fitText';

// one pixel per code point: easy to reason about
const perChar = (text: string) => Array.from(text).length;

describe('cutToWidth', () => {
  it('keeps text that fits', () => {
    expect(cutToWidth('nginx', 5, perChar)).toBe('nginx');
  });

  it('cuts to the longest prefix that fits with the ellipsis', () => {
    const cut = cutToWidth('api.example.internal', 10, perChar);
    expect(cut).toBe('api.examp…');
    expect(perChar(cut)).toBeLessThanOrEqual(10);
  });

  it('never splits a surrogate pair and drops trailing spaces before the ellipsis', () => {
    expect(cutToWidth('ab 😀😀😀', 5, perChar)).toBe('ab 😀…');
    expect(cutToWidth('ab    cdef', 5, perChar)).toBe('ab…');
  });

  it('gives only the ellipsis when nothing else fits', () => {
    expect(cutToWidth('abcdef', 1, perChar)).toBe('…');
  });
});

describe('fitter', () => {
  it('measures each text once per width', () => {
    let calls = 0;
    const fit = fitter((text) => {
      calls++;
      return perChar(text);
    });
    expect(fit('short', 10)).toBe('short');
    expect(fit('short', 10)).toBe('short');
    expect(calls).toBe(1);
    expect(fit('a much longer name', 10)).toBe('a much lo…');
    const after = calls;
    fit('a much longer name', 10);
    expect(calls).toBe(after);
  });
});
