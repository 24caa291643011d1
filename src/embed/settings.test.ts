import { describe, expect, it } from 'vitest';
import { EN_CATALOGUE, loadCatalogue } from '../i18n';
import { loadTemplate } from '../model/templates';
import { keySettings } from './settings';

describe('keySettings', () => {
  const design = loadTemplate('gunicorn-flask-sqlite');
  const proxy = design.nodes.find((node) => node.id === 'proxy')!;

  it('names the settings in English by default, as the descriptors do', () => {
    const rows = keySettings(proxy, EN_CATALOGUE);
    expect(rows[0]).toEqual({ label: 'Container', value: proxy.container });
    expect(rows.map((row) => row.value)).toContain('yes');
  });

  it('names the settings, options and yes/no in Korean from the Korean catalogue', async () => {
    const rows = keySettings(proxy, await loadCatalogue('ko'));
    expect(rows[0]).toEqual({ label: '컨테이너', value: proxy.container });
    expect(rows.map((row) => row.value)).toContain('예');
    expect(rows.map((row) => row.value)).not.toContain('yes');
    for (const row of rows) expect(row.label).toMatch(/[\uac00-\ud7a3]|^[\w -]+$/);
    expect(rows.filter((row) => /[\uac00-\ud7a3]/.test(row.label)).length).toBeGreaterThan(rows.length / 2);
  });
});
