import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../cli/main';
import { parseDesign } from '../model/load';
import { serializeDesign } from '../model/serialize';
import { loadTemplate } from '../model/templates';
import { formatDiagnostics } from './format';
import type { Target } from '../model/target';
import { diagnosticsToJson, validate } from './validate';

const dir = mkdtempSync(join(tmpdir(), 'stacksketch-validate-'));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function run(...args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const code = await main(args);
  vi.restoreAllMocks();
  return { code, out };
}

afterEach(() => vi.restoreAllMocks());

function parseOrThrow(text: string) {
  const loaded = parseDesign(text);
  if (!loaded.ok) throw new Error('the design should load');
  return loaded.design;
}

const mismatch = () => {
  const design = loadTemplate('uwsgi-unix-socket');
  const uwsgi = design.nodes.find((node) => node.kind === 'uwsgi')!;
  (uwsgi.props as { protocol: string }).protocol = 'http';
  return serializeDesign(design);
};

describe('stacksketch validate', () => {
  it('exits 0 with an empty diagnostics list for a clean template', async () => {
    const { code, out } = await run(
      'validate',
      file('clean.json', serializeDesign(loadTemplate('gunicorn-flask-sqlite'))),
      '--json',
    );
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ diagnostics: [] });
  });

  it('exits 0 on warnings only', async () => {
    const { code, out } = await run(
      'validate',
      file('dev.json', serializeDesign(loadTemplate('flask-dev-server'))),
    );
    expect(code).toBe(0);
    expect(out).toContain('0 errors, 1 warning');
    expect(out).toMatch(/warning +flask-dev-server {2}\(nodes: api, proxy; edges: e2\)/);
  });

  it('exits 1 on errors and prints exactly the documented JSON shape (README, Command line)', async () => {
    const { code, out } = await run('validate', file('mismatch.json', mismatch()), '--json');
    expect(code).toBe(1);
    const parsed = JSON.parse(out) as { diagnostics: Record<string, unknown>[] };
    expect(Object.keys(parsed)).toEqual(['diagnostics']);
    expect(parsed.diagnostics).toEqual([
      {
        rule: 'uwsgi-pass-needs-socket',
        severity: 'error',
        message: expect.stringContaining('502'),
        nodes: ['proxy', 'uwsgi'],
        edges: ['e2'],
      },
    ]);
  });

  it('prints rule, severity, ids, message and the quick fix in the human report', async () => {
    const { code, out } = await run('validate', file('mismatch2.json', mismatch()));
    expect(code).toBe(1);
    expect(out).toContain('1 error, 0 warnings');
    expect(out).toContain('error   uwsgi-pass-needs-socket  (nodes: proxy, uwsgi; edges: e2)');
    expect(out).toContain('quick fix: Switch uWSGI "uwsgi" to socket');
  });

  it('exits 2 when the file is missing or not a design', async () => {
    expect((await run('validate', join(dir, 'missing.json'))).code).toBe(2);
    expect(
      (await run('validate', file('broken.json', '{"format": "stacksketch/v1", "nodes": [}'))).code,
    ).toBe(2);
    expect(
      (
        await run(
          'validate',
          file('unknown.json', '{"format":"stacksketch/v1","nodes":[{"id":"x","kind":"redis"}]}'),
          '--json',
        )
      ).code,
    ).toBe(2);
  });

  it('validates for the target named by --target, and refuses an unknown target as a usage error', async () => {
    const path = file('target.json', mismatch());
    for (const target of ['compose', 'server', 'kubernetes']) {
      const { code, out } = await run('validate', path, '--json', '--target', target);
      expect(code, target).toBe(1);
      expect(JSON.parse(out), target).toEqual(
        diagnosticsToJson(validate(parseOrThrow(mismatch()), target as Target)),
      );
    }
    const unknown = await run('validate', path, '--target', 'swarm');
    expect(unknown.code).toBe(2);
    expect(unknown.out).toBe('');
    expect((await run('validate', path, '--target')).code).toBe(2);
  });

  it('shows control and invisible characters of ids as U+FFFD', () => {
    const text = serializeDesign(loadTemplate('flask-dev-server')).replaceAll('"api"', '"a\u202epi"');
    const loaded = parseDesign(text);
    if (!loaded.ok) throw new Error('the design should load');
    const report = formatDiagnostics('x.json', validate(loaded.design));
    expect(report).not.toContain('\u202e');
    expect(report).toContain('a\ufffdpi');
  });
});
