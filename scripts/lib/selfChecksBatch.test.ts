import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeploymentPlan } from '../../src/exporters/planTypes';
import {
  appFolders,
  flake8Excluded,
  folderFingerprint,
  groupBy,
  linesByFolder,
  pytestOutcomes,
} from './selfChecksBatch';

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folderWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'self-checks-test-'));
  temps.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const APP = {
  'setup.cfg': '[flake8]\n',
  'shop/api.py': 'app = 1\n',
  'tests/test_api.py': 'def test(): pass\n',
};

describe('folderFingerprint', () => {
  it('is the same for byte-identical folders and differs on one changed byte or a renamed file', () => {
    const same = folderFingerprint(folderWith(APP));
    expect(folderFingerprint(folderWith(APP))).toBe(same);
    expect(folderFingerprint(folderWith({ ...APP, 'shop/api.py': 'app = 2\n' }))).not.toBe(same);
    const { 'shop/api.py': code, ...rest } = APP;
    expect(folderFingerprint(folderWith({ ...rest, 'shop/app.py': code }))).not.toBe(same);
  });

  it('tells file boundaries apart (two files are not one with their texts joined)', () => {
    const split = folderWith({ 'a.py': 'x', 'b.py': 'y' });
    const joined = folderWith({ 'a.py': 'xy', 'b.py': '' });
    expect(folderFingerprint(split)).not.toBe(folderFingerprint(joined));
  });
});

describe('appFolders', () => {
  it('lists each build folder that ships setup.cfg once, with its design id', () => {
    const bundle = folderWith({ 'api/setup.cfg': '[flake8]\n', 'web/nginx.conf': '' });
    const plan = {
      services: [{ buildDir: 'api' }, { buildDir: 'api' }, { buildDir: 'web' }],
    } as unknown as DeploymentPlan;
    expect(appFolders([{ id: 'fuzz-1', dir: bundle, plan }])).toEqual([
      { id: 'fuzz-1', dir: join(bundle, 'api') },
    ]);
  });
});

describe('groupBy', () => {
  it('keeps every item, in order, under its key', () => {
    const groups = groupBy(['a1', 'b1', 'a2'], (item) => item[0]!);
    expect([...groups]).toEqual([
      ['a', ['a1', 'a2']],
      ['b', ['b1']],
    ]);
  });
});

describe('flake8Excluded', () => {
  it("reads the [flake8] section's exclude list", () => {
    const cfg = '[flake8]\nmax-line-length = 88\nexclude = .git,__pycache__, static\n[other]\nexclude = x\n';
    expect([...flake8Excluded(cfg)]).toEqual(['.git', '__pycache__', 'static']);
    expect(flake8Excluded('[other]\nexclude = x\n').size).toBe(0);
  });
});

describe('linesByFolder', () => {
  it('puts each line under the folder whose path it names, never a folder whose name is a prefix', () => {
    const output = [
      '/t/fuzz-10/api/shop/api.py:3:1: E741 ambiguous variable name',
      'would reformat /t/fuzz-1/api/wsgi.py',
      'Oh no! 1 file would be reformatted.',
    ].join('\n');
    expect([...linesByFolder(output, ['/t/fuzz-1/api', '/t/fuzz-10/api'])]).toEqual([
      ['/t/fuzz-10/api', ['/t/fuzz-10/api/shop/api.py:3:1: E741 ambiguous variable name']],
      ['/t/fuzz-1/api', ['would reformat /t/fuzz-1/api/wsgi.py']],
      ['', ['Oh no! 1 file would be reformatted.']],
    ]);
  });
});

describe('pytestOutcomes', () => {
  it("gives each folder its exit code and the session's output before its result line", () => {
    const output = ['..', '2 passed', '@@result 0 /t/a', 'F', '1 failed', '@@result 1 /t/b'].join('\n');
    expect([...pytestOutcomes(output)]).toEqual([
      ['/t/a', { code: 0, output: '..\n2 passed' }],
      ['/t/b', { code: 1, output: 'F\n1 failed' }],
    ]);
  });
});
