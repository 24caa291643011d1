import { describe, expect, it } from 'vitest';
import { AUTOSAVE_KEY } from './autosave';
import { AUTOSAVE_META_KEY, AUTOSAVE_SLOT_KEY, createTabGuard, parseMeta } from './tabGuard';

const SLOT = 'stacksketch:autosave';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    items,
  };
}

/** What an autosave does: write the design text into the shared slot, through the guard. */
function saver(storage: ReturnType<typeof memoryStorage>, guard: ReturnType<typeof createTabGuard>) {
  return (text: string) => guard.save(text, () => storage.setItem(SLOT, text));
}

describe('tab guard', () => {
  it('lets one tab save repeatedly and stamps each save', () => {
    const storage = memoryStorage();
    const guard = createTabGuard(storage, 'a');
    const save = saver(storage, guard);
    expect(save('one')).toBe('written');
    expect(save('two')).toBe('written');
    expect(storage.items.get(SLOT)).toBe('two');
    expect(parseMeta(storage.items.get(AUTOSAVE_META_KEY) ?? null)).toEqual({
      tabId: 'a',
      revision: 2,
    });
  });

  it('does not rewrite the slot with the design it already holds', () => {
    const storage = memoryStorage();
    const save = saver(storage, createTabGuard(storage, 'a'));
    save('same');
    expect(save('same')).toBe('unchanged');
    expect(parseMeta(storage.items.get(AUTOSAVE_META_KEY) ?? null)?.revision).toBe(1);
  });

  it('writes the design again when the slot lost it', () => {
    const storage = memoryStorage();
    const save = saver(storage, createTabGuard(storage, 'a'));
    save('same');
    storage.items.delete(SLOT);
    expect(save('same')).toBe('written');
    expect(storage.items.get(SLOT)).toBe('same');
  });

  it('guards the slot autosave writes', () => {
    expect(AUTOSAVE_SLOT_KEY).toBe(AUTOSAVE_KEY);
  });

  it('stops a tab from saving over a newer save of another tab, and keeps that save', () => {
    const storage = memoryStorage();
    const tabA = createTabGuard(storage, 'a');
    const tabB = createTabGuard(storage, 'b');
    expect(saver(storage, tabA)('design of A')).toBe('written');
    expect(saver(storage, tabB)('design of B')).toBe('blocked');
    expect(storage.items.get(SLOT)).toBe('design of A');
    expect(tabB.state.getState().conflict).toEqual({ otherTabId: 'a', revision: 1 });
    // Still paused: later edits in B do not reach the slot either.
    expect(saver(storage, tabB)('design of B, edited')).toBe('blocked');
    expect(storage.items.get(SLOT)).toBe('design of A');
  });

  it('resumes after loading the other design without writing it again', () => {
    const storage = memoryStorage();
    const tabA = createTabGuard(storage, 'a');
    const tabB = createTabGuard(storage, 'b');
    saver(storage, tabA)('design of A');
    saver(storage, tabB)('design of B');
    tabB.acceptOther();
    expect(tabB.state.getState().conflict).toBeNull();
    expect(saver(storage, tabB)('design of A')).toBe('unchanged');
    expect(saver(storage, tabB)('design of A, edited in B')).toBe('written');
    // Now A is the one behind: its next save is held back in turn.
    expect(saver(storage, tabA)('design of A, edited in A')).toBe('blocked');
    expect(storage.items.get(SLOT)).toBe('design of A, edited in B');
  });

  it('overwrites with the latest blocked design when the user keeps theirs', () => {
    const storage = memoryStorage();
    const tabA = createTabGuard(storage, 'a');
    const tabB = createTabGuard(storage, 'b');
    saver(storage, tabA)('design of A');
    saver(storage, tabB)('B, first');
    saver(storage, tabB)('B, latest');
    tabB.overwrite();
    expect(storage.items.get(SLOT)).toBe('B, latest');
    expect(tabB.state.getState().conflict).toBeNull();
    expect(parseMeta(storage.items.get(AUTOSAVE_META_KEY) ?? null)).toMatchObject({
      tabId: 'b',
      revision: 2,
    });
    expect(saver(storage, tabB)('B, after')).toBe('written');
  });

  it('counts a save made before this tab started as seen', () => {
    const storage = memoryStorage();
    saver(storage, createTabGuard(storage, 'old'))('restored design');
    const fresh = createTabGuard(storage, 'new');
    expect(saver(storage, fresh)('edited after restoring')).toBe('written');
  });

  it('ignores a stamp that is not shaped like one', () => {
    for (const text of [
      '',
      'null',
      '[]',
      '{"tabId":1}',
      '{"tabId":"x","revision":-1}',
      '{"tabId":"x"}',
      '{',
    ]) {
      expect(parseMeta(text)).toBeNull();
    }
    const storage = memoryStorage();
    storage.setItem(AUTOSAVE_META_KEY, '{"tabId":"x","revision":"9"}');
    expect(saver(storage, createTabGuard(storage, 'a'))('design')).toBe('written');
  });
});

describe('tab guard: another tab seen at once', () => {
  it("pauses on another tab's stamp from a storage event, and keep-mine writes this tab's design", () => {
    const storage = memoryStorage();
    const a = createTabGuard(storage, 'a');
    const b = createTabGuard(storage, 'b');
    saver(storage, a)('from a');
    let mine = 'from b';
    b.noticeOtherSave(storage.items.get(AUTOSAVE_META_KEY) ?? null, () => storage.setItem(SLOT, mine));
    expect(b.state.getState().conflict).toEqual({ otherTabId: 'a', revision: 1 });
    expect(storage.items.get(SLOT)).toBe('from a');
    mine = 'from b, edited since';
    b.overwrite();
    expect(storage.items.get(SLOT)).toBe('from b, edited since');
    expect(parseMeta(storage.items.get(AUTOSAVE_META_KEY) ?? null)).toEqual({ tabId: 'b', revision: 2 });
  });

  it('ignores its own stamp, an old one and a malformed one', () => {
    const storage = memoryStorage();
    const a = createTabGuard(storage, 'a');
    saver(storage, a)('one');
    const stamp = storage.items.get(AUTOSAVE_META_KEY) ?? null;
    a.noticeOtherSave(stamp, () => {});
    a.noticeOtherSave('{"tabId":"z","revision":0}', () => {});
    a.noticeOtherSave('not json', () => {});
    a.noticeOtherSave(null, () => {});
    expect(a.state.getState().conflict).toBeNull();
  });
});
