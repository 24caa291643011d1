import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** Every module the embed entry reaches through static or dynamic imports, and the packages it names. */
function importGraph(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(
      /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g,
    )) {
      const spec = match[1] ?? match[2] ?? match[3]!;
      if (!spec.startsWith('.')) {
        packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
        continue;
      }
      const base = resolve(dirname(file), spec);
      const found = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find(
        (candidate) => existsSync(candidate) && !candidate.endsWith('/'),
      );
      if (found && /\.(ts|tsx)$/.test(found)) pending.push(found);
    }
  }
  return { files: [...files].map((file) => relative(ROOT, file)).sort(), packages: [...packages].sort() };
}

describe('the embed bundle', () => {
  const graph = importGraph(join(ROOT, 'src/embed/main.tsx'));

  it('reaches nothing of the editor: no canvas, panels, store, Monaco or file generation', () => {
    expect(graph.files.length).toBeGreaterThan(10);
    const editorOnly = graph.files.filter((file) =>
      /^src\/(canvas|panels|store|editor|app)\/|^src\/exporters\/(generate|plan|render|serializers|zip)|^src\/nodes\/[^/]+\/view|monaco/i.test(
        file,
      ),
    );
    expect(editorOnly).toEqual([]);
  });

  it('uses only React, React Flow and the decompressor', () => {
    expect(graph.packages).toEqual(['@xyflow/react', 'fflate', 'react', 'react-dom']);
  });
});
