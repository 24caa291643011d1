import { describe, expect, it } from 'vitest';
import { FORMAT } from './design';
import { MIGRATIONS, READABLE_FORMATS, migrateToCurrent, newerFormatProblem, v1ToV2 } from './migrations';

const v1File = () => ({
  format: 'stacksketch/v1',
  name: 'two servers',
  nodes: [
    { id: 'browser', kind: 'client' },
    { id: 'proxy', kind: 'nginx' },
    { id: 'one', kind: 'gunicorn' },
    { id: 'two', kind: 'uwsgi' },
    { id: 'api', kind: 'flask' },
    { id: 'admin', kind: 'flask' },
    { id: 'db', kind: 'sqlite' },
    { id: 'lonely', kind: 'flask' },
    { id: 'named', kind: 'sqlite', container: 'data' },
  ],
  edges: [
    { source: 'browser', target: 'proxy' },
    { source: 'proxy', target: 'one' },
    { source: 'proxy', target: 'two' },
    { source: 'one', target: 'api' },
    { source: 'two', target: 'admin' },
    { source: 'admin', target: 'db' },
  ],
});

describe('the migrations list', () => {
  it('is a chain from the oldest readable format to the current one, each with a title', () => {
    expect(MIGRATIONS[0]!.from).toBe('stacksketch/v1');
    MIGRATIONS.forEach((migration, index) => {
      expect(migration.title.length).toBeGreaterThan(10);
      expect(migration.to).toBe(MIGRATIONS[index + 1]?.from ?? FORMAT);
    });
    expect(READABLE_FORMATS).toEqual(['stacksketch/v1', 'stacksketch/v2']);
  });

  it('brings a v1 file to the current format, naming the migrations applied, without changing the file', () => {
    const file = v1File();
    const before = JSON.stringify(file);
    const result = migrateToCurrent(file);
    if (!result.ok) throw new Error(result.message);
    expect(result.file.format).toBe(FORMAT);
    expect(result.applied).toEqual([v1ToV2]);
    expect(JSON.stringify(file)).toBe(before);
  });

  it('leaves a current file as it is', () => {
    const file = { format: FORMAT, name: 'x', containers: { spare: {} }, nodes: [], edges: [] };
    const result = migrateToCurrent(file);
    expect(result).toEqual({ ok: true, file, applied: [] });
  });

  it('says when a format is newer than this StackSketch, and only then', () => {
    expect(newerFormatProblem('stacksketch/v3')).toMatch(
      /made by a newer StackSketch \(format "stacksketch\/v3"; this one reads stacksketch\/v1 and stacksketch\/v2\)/,
    );
    for (const format of ['stacksketch/v1', 'stacksketch/v2', 'stacksketch/v0', 'drawio', 42, undefined])
      expect(newerFormatProblem(format)).toBeNull();
  });
});

describe('v1 → v2', () => {
  it('derives containers from the nodes: named ones and each kind’s default, sorted, with no settings', () => {
    const migrated = v1ToV2.migrate(v1File());
    expect(migrated.format).toBe('stacksketch/v2');
    // proxy → web; servers → app, app-2; apps follow their server; db follows admin; lonely → app.
    expect(migrated.containers).toEqual({ app: {}, 'app-2': {}, data: {}, web: {} });
    expect(Object.keys(migrated.containers as object)).toEqual(['app', 'app-2', 'data', 'web']);
    expect(migrated.nodes).toEqual(v1File().nodes);
    expect(migrated.edges).toEqual(v1File().edges);
  });

  it('passes malformed nodes and edges through for the check to report', () => {
    const file = {
      format: 'stacksketch/v1',
      nodes: [{ id: 'x', kind: 'mainframe' }, 'junk', { id: 7, kind: 'nginx' }, { id: 'n', kind: 'nginx' }],
      edges: [{ source: 1 }],
    };
    const migrated = v1ToV2.migrate(file);
    expect(migrated.nodes).toBe(file.nodes);
    expect(migrated.edges).toBe(file.edges);
    expect(migrated.containers).toEqual({ web: {} });
    expect(v1ToV2.migrate({ format: 'stacksketch/v1', nodes: 'none' }).containers).toEqual({});
  });

  it('refuses a v1 file that already has containers, naming the field', () => {
    expect(migrateToCurrent({ ...v1File(), containers: {} })).toEqual({
      ok: false,
      path: 'containers',
      message: expect.stringMatching(/unknown field in a stacksketch\/v1 design/),
    });
  });

  it('keeps a container named like an Object property as a plain entry', () => {
    const file = {
      format: 'stacksketch/v1',
      nodes: [{ id: 'n', kind: 'nginx', container: '__proto__' }],
      edges: [],
    };
    const containers = v1ToV2.migrate(file).containers as Record<string, unknown>;
    expect(Object.keys(containers)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(containers)).toBe(Object.prototype);
  });
});
