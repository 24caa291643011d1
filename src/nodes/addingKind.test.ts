import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_KINDS } from './registry';

const ROOT = join(import.meta.dirname, '..', '..');

function sourceFiles(root: string, dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(root, path);
    return /\.tsx?$/.test(entry.name) ? [relative(root, path)] : [];
  });
}

/** Where a kind may be named besides its folder: its rules, its template, tests and test designs. */
const KIND_PLACES = /^src\/validation\/rules\/|^src\/model\/templates|\.test\.tsx?$|\/fixtures\/|\/testing\//;

/**
 * The files outside its folder and its own places that name a kind: as a quoted name ('flask') or by
 * importing from its folder ('./flask/plan').
 */
function filesNaming(kind: string): string[] {
  const named = new RegExp(`['"]${kind}['"]|/${kind}/`);
  return sourceFiles(ROOT, join(ROOT, 'src'))
    .filter((file) => !file.startsWith(`src/nodes/${kind}/`) && !KIND_PLACES.test(file))
    .filter((file) => named.test(readFileSync(join(ROOT, file), 'utf8')))
    .sort();
}

/**
 * The lists that name every kind (docs/architecture.md, "Adding a kind"): the registry, and the plan
 * parts, which load with the exporters (the planner runs synchronously, in the CLI too, so they are
 * imported statically there and not through the registry, which is in the editor's first load).
 */
const KIND_LISTS = ['src/nodes/planParts.ts', 'src/nodes/registry.ts'];
/** Needed only when configs of the kind can be imported: the importers' word for it. */
const IMPORTED = 'src/nodes/imported.ts';

describe('the kinds already there', () => {
  // Kinds whose names mean nothing else in the code ("nginx" is also an image and a config language,
  // "client" and "uwsgi" are also a role and a protocol), so every file naming them names the kind.
  const plainNames = NODE_KINDS.filter((kind) => ['flask', 'django', 'react-static'].includes(kind));

  it('include the kinds the check means', () => {
    expect(plainNames).toEqual(['flask', 'django', 'react-static']);
  });

  it.each(plainNames)('%s is named outside its folder, rules and template only by the kind lists', (kind) => {
    const files = filesNaming(kind);
    expect(files.filter((file) => file !== IMPORTED)).toEqual(KIND_LISTS);
  });

  it('are each in every kind list', () => {
    for (const file of KIND_LISTS) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const kind of NODE_KINDS) expect(text, `${file} names ${kind}`).toMatch(`/${kind}/`);
    }
  });
});

// A throwaway kind, as its folder would hold it: a database whose file the app opens.
const THROWAWAY_FOLDER: Record<string, string> = {
  'descriptor.ts': `import { defineKind } from '../types';

export interface DuckdbProps {
  file: string;
}

export const duckdbDescriptor = defineKind<'duckdb', DuckdbProps>({
  kind: 'duckdb',
  label: 'DuckDB',
  icon: 'sqlite',
  category: 'data',
  roles: ['database'],
  role: 'An analytics database in one file.',
  doc: 'DuckDB is a file the app opens in-process.',
  summary: (props) => props.file,
  shape: 'cylinder',
  props: {
    file: { type: 'string', label: 'Database file', doc: 'Where the file lives.', default: '/duck/data.duckdb' },
  },
  defaultContainer: 'app',
  handles: { target: true, source: false },
  noun: 'DuckDB',
  nounKo: 'DuckDB',
});
`,
  'plan.ts': `import type { KindPlanPart } from '../planParts';
import type { DuckdbProps } from './descriptor';

export const duckdbPlan: KindPlanPart<DuckdbProps> = { database: { file: (props) => props.file } };
`,
  'ko.ts': `import type { KindText } from '../types';
import type { DuckdbProps } from './descriptor';

export const ko: KindText<DuckdbProps> = {
  role: '파일 하나로 된 분석용 데이터베이스.',
  doc: 'DuckDB는 앱이 프로세스 안에서 여는 파일입니다.',
  props: { file: { label: '데이터베이스 파일', doc: '파일이 있는 곳.' } },
};
`,
};

/** Adds `line` to a kind list, after the line of the last kind (and its import after the first import). */
function addLine(file: string, importLine: string, after: string, line: string): void {
  const text = readFileSync(file, 'utf8');
  expect(text, file).toContain(after);
  writeFileSync(file, `${importLine}\n${text.replace(after, `${after}\n${line}`)}`);
}

/** Runs in the copy under the CLI's loader (tsx), synchronously planning, as the CLI does. */
const PROBE = `import { NODE_KINDS, KINDS, isDatabase } from './src/nodes/registry';
import { PLAN_PARTS } from './src/nodes/planParts';
import { loadCatalogue } from './src/i18n';
import { loadDesign } from './src/model/load';
import { validate } from './src/validation/validate';
import { toMermaid } from './src/exporters/mermaid';
import { generate } from './src/exporters/generate';
import { designJsonSchema } from './src/model/schema';

const loaded = loadDesign({
  format: 'stacksketch/v2',
  name: 'duck',
  nodes: [
    { id: 'browser', kind: 'client' },
    { id: 'proxy', kind: 'nginx' },
    { id: 'wsgi', kind: 'gunicorn' },
    { id: 'api', kind: 'flask' },
    { id: 'db', kind: 'duckdb' },
  ],
  edges: [
    { id: 'e1', source: 'browser', target: 'proxy' },
    { id: 'e2', source: 'proxy', target: 'wsgi' },
    { id: 'e3', source: 'wsgi', target: 'api' },
    { id: 'e4', source: 'api', target: 'db' },
  ],
});
if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
const { files } = generate(loaded.design, { target: 'compose', lang: 'en' });
const korean = await loadCatalogue('ko');
console.log(JSON.stringify({
  palette: NODE_KINDS,
  label: KINDS.duckdb.label,
  database: isDatabase({ kind: 'duckdb' }),
  planPart: PLAN_PARTS.duckdb.database.file({ file: '/x' }),
  korean: korean.kinds.duckdb.role,
  errors: validate(loaded.design, 'compose').filter((d) => d.severity === 'error').map((d) => d.rule),
  mermaid: toMermaid(loaded.design),
  compose: files['docker-compose.yml'],
  dbContainer: loaded.design.nodes.find((node) => node.id === 'db').container,
  schema: JSON.stringify(designJsonSchema()).includes('duckdb'),
}));
`;

describe('adding a kind', () => {
  let copy = '';
  let seen: {
    palette: string[];
    label: string;
    database: boolean;
    planPart: string;
    korean: string;
    errors: string[];
    mermaid: string;
    compose: string;
    dbContainer: string;
    schema: boolean;
  };

  beforeAll(() => {
    // A copy of the sources with a throwaway kind: its folder, one registry line and its plan part.
    copy = mkdtempSync(join(tmpdir(), 'stacksketch-kind-'));
    cpSync(join(ROOT, 'src'), join(copy, 'src'), { recursive: true });
    writeFileSync(join(copy, 'package.json'), JSON.stringify({ type: 'module' }));
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
    mkdirSync(join(copy, 'src/nodes/duckdb'));
    for (const [name, text] of Object.entries(THROWAWAY_FOLDER))
      writeFileSync(join(copy, 'src/nodes/duckdb', name), text);
    addLine(
      join(copy, 'src/nodes/registry.ts'),
      "import { duckdbDescriptor } from './duckdb/descriptor';",
      "  'react-static': reactStaticDescriptor,",
      '  duckdb: duckdbDescriptor,',
    );
    addLine(
      join(copy, 'src/nodes/planParts.ts'),
      "import { duckdbPlan } from './duckdb/plan';",
      "  'react-static': reactStaticPlan,",
      '  duckdb: duckdbPlan,',
    );
    writeFileSync(join(copy, 'probe.ts'), PROBE);
    const output = execFileSync(process.execPath, ['--import', 'tsx', 'probe.ts'], {
      cwd: copy,
      encoding: 'utf8',
    });
    seen = JSON.parse(output) as typeof seen;
  }, 120_000);

  afterAll(() => {
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  it('touches only its folder, the registry and the plan parts', () => {
    const changed = sourceFiles(copy, join(copy, 'src')).filter(
      (file) =>
        !existsSync(join(ROOT, file)) ||
        !readFileSync(join(ROOT, file)).equals(readFileSync(join(copy, file))),
    );
    expect(changed.sort()).toEqual([
      'src/nodes/duckdb/descriptor.ts',
      'src/nodes/duckdb/ko.ts',
      'src/nodes/duckdb/plan.ts',
      ...KIND_LISTS,
    ]);
  });

  it('is in the palette, last, and plays its role', () => {
    expect(seen.palette).toEqual([...NODE_KINDS, 'duckdb']);
    expect(seen.label).toBe('DuckDB');
    expect(seen.database).toBe(true);
    expect(seen.schema).toBe(true);
  });

  it('loads, connects and goes to its default container', () => {
    expect(seen.errors).toEqual([]);
    expect(seen.dbContainer).toBe('app');
  });

  it('has its Korean words from its folder', () => {
    expect(seen.korean).toBe('파일 하나로 된 분석용 데이터베이스.');
  });

  it('is drawn by the Mermaid export with its summary and shape', () => {
    expect(seen.mermaid).toContain('[("DuckDB /duck/data.duckdb")]');
  });

  it('takes part in the plan: its file gets a named volume', () => {
    expect(seen.planPart).toBe('/x');
    expect(seen.compose).toMatch(/volumes:[\s\S]*:\/duck"?$/m);
  });
});
