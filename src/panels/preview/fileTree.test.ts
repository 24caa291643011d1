import { describe, expect, it } from 'vitest';
import { fileTreeRows } from './fileTree';

describe('fileTreeRows', () => {
  it('lists folders first, then files, with depth', () => {
    const rows = fileTreeRows([
      'README.md',
      'web/nginx.conf',
      'app/app.py',
      'web/frontend/src/App.jsx',
      'Makefile',
      'web/Dockerfile',
    ]);
    expect(
      rows.map((row) => `${'  '.repeat(row.depth)}${row.kind === 'folder' ? row.name + '/' : row.name}`),
    ).toEqual([
      'app/',
      '  app.py',
      'web/',
      '  frontend/',
      '    src/',
      '      App.jsx',
      '  Dockerfile',
      '  nginx.conf',
      'Makefile',
      'README.md',
    ]);
    expect(rows.find((row) => row.name === 'App.jsx')?.path).toBe('web/frontend/src/App.jsx');
    expect(rows.find((row) => row.name === 'frontend')?.path).toBe('web/frontend');
  });

  it('keeps every file exactly once', () => {
    const paths = ['a', 'b/c', 'b/d/e', '.env.example', 'scripts/smoke.sh'];
    const files = fileTreeRows(paths)
      .filter((row) => row.kind === 'file')
      .map((row) => row.path);
    expect(files.sort()).toEqual([...paths].sort());
  });
});
