import { describe, expect, it } from 'vitest';
import { renameDesign } from '../model/edit';
import { loadTemplate } from '../model/templates';
import { SAVED_HISTORY_CHARS, SAVED_STEPS, historyText, readHistory } from './savedHistory';

const base = loadTemplate('gunicorn-flask-sqlite');
const named = (n: number) => renameDesign(base, `step ${n}`);

describe('the undo history saved beside the autosave', () => {
  it('round-trips undo steps, redo steps and the unsaved mark', () => {
    const current = named(2);
    const text = historyText(current, { past: [named(0), named(1)], future: [named(3)], dirty: true });
    const read = readHistory(text, current);
    expect(read?.past.map((d) => d.name)).toEqual(['step 0', 'step 1']);
    expect(read?.future.map((d) => d.name)).toEqual(['step 3']);
    expect(read?.dirty).toBe(true);
  });

  it('belongs to one design: beside another (another tab saved since) it is ignored', () => {
    const text = historyText(named(1), { past: [named(0)], future: [], dirty: true });
    expect(readHistory(text, named(9))).toBeNull();
  });

  it('keeps the nearest steps within the step and size budgets', () => {
    const past = Array.from({ length: SAVED_STEPS + 10 }, (_, n) => named(n));
    const read = readHistory(historyText(named(999), { past, future: [], dirty: true }), named(999));
    expect(read?.past).toHaveLength(SAVED_STEPS);
    expect(read?.past.at(-1)?.name).toBe(`step ${SAVED_STEPS + 9}`);
    const huge = renameDesign(base, 'x'.repeat(SAVED_HISTORY_CHARS));
    const text = historyText(named(1), { past: [huge, named(0)], future: [], dirty: false });
    expect(readHistory(text, named(1))?.past.map((d) => d.name)).toEqual(['step 0']);
  });

  it('refuses a damaged or hostile history as a whole', () => {
    const current = named(1);
    const good = JSON.parse(historyText(current, { past: [named(0)], future: [], dirty: true })) as Record<
      string,
      unknown
    >;
    for (const bad of [
      'not json',
      'null',
      JSON.stringify({ ...good, format: 'other' }),
      JSON.stringify({ ...good, dirty: 'yes' }),
      JSON.stringify({ ...good, past: [42] }),
      JSON.stringify({ ...good, past: ['{"format":"stacksketch/v9"}'] }),
    ])
      expect(readHistory(bad, current)).toBeNull();
  });
});
