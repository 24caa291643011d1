import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadTemplate } from '../model/templates';
import { AUTOSAVE_KEY, autosaveProblem, readAutosave, writeAutosave } from './autosave';

class MemoryStorage {
  private items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

describe('autosave', () => {
  beforeEach(() => vi.stubGlobal('localStorage', new MemoryStorage()));
  afterEach(() => vi.unstubAllGlobals());

  it('round-trips a design', () => {
    const design = loadTemplate('uwsgi-unix-socket');
    writeAutosave(design);
    expect(readAutosave()).toEqual(design);
    expect(autosaveProblem()).toBeNull();
  });

  it('ignores a corrupt autosave and says why', () => {
    localStorage.setItem(AUTOSAVE_KEY, '{"format":"stacksketch/v1","nodes":[');
    expect(readAutosave()).toBeNull();
    expect(autosaveProblem()?.message).toMatch(/not valid JSON/);
  });

  it('returns null when nothing is stored', () => {
    expect(readAutosave()).toBeNull();
    expect(autosaveProblem()).toBeNull();
  });
});
