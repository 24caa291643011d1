import { describe, expect, it } from 'vitest';
import { clampPanelSize, PANEL_LIMITS, parsePanelLayout } from './panels';

const defaults = parsePanelLayout(null);

describe('parsePanelLayout', () => {
  it('gives every panel its initial size, open, and the minimap shown, when nothing is stored', () => {
    expect(defaults.panels.palette).toEqual({ size: PANEL_LIMITS.palette.initial, collapsed: false });
    expect(defaults.panels.preview).toEqual({ size: PANEL_LIMITS.preview.initial, collapsed: false });
    expect(defaults.minimapHidden).toBe(false);
  });

  it('reads back what was stored', () => {
    const stored = {
      panels: { palette: { size: 300, collapsed: true }, preview: { size: 80, collapsed: false } },
      minimapHidden: true,
    };
    const layout = parsePanelLayout(JSON.stringify(stored));
    expect(layout.panels.palette).toEqual({ size: 300, collapsed: true });
    expect(layout.panels.preview).toEqual({ size: 80, collapsed: false });
    expect(layout.panels.side).toEqual(defaults.panels.side);
    expect(layout.minimapHidden).toBe(true);
  });

  it.each([
    ['not JSON', '{panels'],
    ['a number', '42'],
    ['JSON null', 'null'],
    ['a list', '[1,2]'],
    ['panels as a string', '{"panels":"wide"}'],
    ['a panel as null', '{"panels":{"palette":null}}'],
    ['mistyped fields', '{"panels":{"palette":{"size":"300","collapsed":"yes"}},"minimapHidden":1}'],
  ])('falls back to the defaults for %s', (_case, text) => {
    expect(parsePanelLayout(text)).toEqual(defaults);
  });

  it('keeps stored sizes within their limits', () => {
    const layout = parsePanelLayout('{"panels":{"palette":{"size":-5},"preview":{"size":1e999}}}');
    expect(layout.panels.palette.size).toBe(PANEL_LIMITS.palette.min);
    expect(layout.panels.preview.size).toBe(PANEL_LIMITS.preview.max);
  });
});

describe('clampPanelSize', () => {
  it('rounds to whole units within the limits', () => {
    expect(clampPanelSize('side', 300.4)).toBe(300);
    expect(clampPanelSize('problems', 99)).toBe(PANEL_LIMITS.problems.max);
  });
});
