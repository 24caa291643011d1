import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('.', import.meta.url).pathname;
const LIMIT = 80;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every function (declaration, expression, arrow, method) longer than LIMIT lines, as "file:line name (n lines)". */
function longFunctions(path: string, text = readFileSync(path, 'utf8')): string[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      const name = node.name && ts.isIdentifier(node.name) ? node.name.text : '(anonymous)';
      if (lines > LIMIT) found.push(`${relative(ROOT, path)}:${start + 1} ${name} (${lines} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the exporters stay readable', () => {
  it(`have no function longer than ${LIMIT} lines`, () => {
    const files = sourceFiles(ROOT);
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap((path) => longFunctions(path))).toEqual([]);
  });

  it('finds a long function, an arrow or a method as well as a declaration', () => {
    const body = (size: number) => Array.from({ length: size }, (_, i) => `  const v${i} = ${i};`).join('\n');
    const text = [
      `function long() {\n${body(LIMIT)}\n}`,
      `function short() {\n${body(LIMIT - 2)}\n}`,
      `const arrow = () => {\n${body(LIMIT)}\n};`,
      `class C {\n  method() {\n${body(LIMIT)}\n  }\n}`,
    ].join('\n');
    const found = longFunctions(join(ROOT, 'example.ts'), text);
    expect(found.map((entry) => entry.split(' ')[1])).toEqual(['long', '(anonymous)', 'method']);
  });
});
