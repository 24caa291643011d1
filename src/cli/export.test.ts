import { spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMPOSE_EN, generate } from '../exporters/generate';
import { buildBundleZip } from '../exporters/zip';
import { serializeDesign } from '../model/serialize';
import { loadTemplate } from '../model/templates';
import { FORCED, load } from '../exporters/testing/designs';

const ROOT = mkdtempSync(join(tmpdir(), 'stacksketch-export-'));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

function cli(...args: string[]) {
  // node --import tsx: the same as npx tsx, without npx's start-up cost on every call.
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'export', ...args], {
    cwd: join(import.meta.dirname, '../..'),
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function designFile(name: string, text: string): string {
  const path = join(ROOT, name);
  writeFileSync(path, text);
  return path;
}

/** Every file under a folder, relative, sorted. */
function tree(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() && !entry.isSymbolicLink()
        ? tree(join(dir, entry.name), `${prefix}${entry.name}/`)
        : [`${prefix}${entry.name}`],
    )
    .sort();
}

const template = designFile('template.json', serializeDesign(loadTemplate('react-nginx-gunicorn')));

describe('stacksketch export', () => {
  it('writes the bundle to DIR/<folder>/ and lists the files', () => {
    const out = join(ROOT, 'out-dir');
    const { code, stdout } = cli(template, '--out', out);
    expect(code).toBe(0);
    const expected = Object.keys(generate(loadTemplate('react-nginx-gunicorn'), COMPOSE_EN).files);
    expect(tree(join(out, 'react-flask-app'))).toEqual([...expected].sort());
    for (const path of expected) expect(stdout).toContain(`react-flask-app/${path}`);
    expect(lstatSync(join(out, 'react-flask-app/scripts/smoke.sh')).mode & 0o777).toBe(0o755);
    expect(readFileSync(join(out, 'react-flask-app/web/nginx.conf'), 'utf8')).toBe(
      generate(loadTemplate('react-nginx-gunicorn'), COMPOSE_EN).files['web/nginx.conf'],
    );
    // Re-exporting over a previous export is expected, and files of the user stay.
    writeFileSync(join(out, 'react-flask-app/NOTES.txt'), 'mine');
    expect(cli(template, '--out', out).code).toBe(0);
    expect(readFileSync(join(out, 'react-flask-app/NOTES.txt'), 'utf8')).toBe('mine');
  });

  it('re-exports over a bundle made by the first release (its design.json says stacksketch/v1)', () => {
    const out = join(ROOT, 'first-release');
    expect(cli(template, '--out', out).code).toBe(0);
    const designJson = join(out, 'react-flask-app/design.json');
    writeFileSync(designJson, readFileSync(designJson, 'utf8').replace('stacksketch/v2', 'stacksketch/v1'));
    expect(readFileSync(designJson, 'utf8')).toContain('"format": "stacksketch/v1"');
    expect(cli(template, '--out', out).code).toBe(0);
  });

  it('removes files of the previous export that the new bundle no longer has, unless edited', () => {
    const out = join(ROOT, 'switch');
    const uwsgi = loadTemplate('uwsgi-unix-socket');
    uwsgi.name = 'switching';
    expect(cli(designFile('switch-1.json', serializeDesign(uwsgi)), '--out', out).code).toBe(0);
    expect(existsSync(join(out, 'switching/app/uwsgi.ini'))).toBe(true);
    writeFileSync(join(out, 'switching/app/requirements.txt'), 'edited by hand\n');
    const gunicorn = loadTemplate('gunicorn-flask-sqlite');
    gunicorn.name = 'switching';
    const { code, stdout } = cli(designFile('switch-2.json', serializeDesign(gunicorn)), '--out', out);
    expect(code).toBe(0);
    expect(stdout).toContain('removed switching/app/uwsgi.ini');
    expect(existsSync(join(out, 'switching/app/uwsgi.ini'))).toBe(false);
    expect(existsSync(join(out, 'switching/app/gunicorn.conf.py'))).toBe(true);
    // requirements.txt is part of both bundles: rewritten, never deleted.
    expect(readFileSync(join(out, 'switching/app/requirements.txt'), 'utf8')).toContain('gunicorn==');
    // Back to uWSGI after editing gunicorn.conf.py by hand: the edited file is kept.
    writeFileSync(join(out, 'switching/app/gunicorn.conf.py'), 'workers = 2\n');
    const back = cli(designFile('switch-3.json', serializeDesign(uwsgi)), '--out', out);
    expect(back.code).toBe(0);
    expect(back.stdout).not.toContain('removed');
    expect(readFileSync(join(out, 'switching/app/gunicorn.conf.py'), 'utf8')).toBe('workers = 2\n');
  });

  it('writes a zip with the same bytes as the browser download', async () => {
    const out = join(ROOT, 'bundle.zip');
    expect(cli(template, '--out', out).code).toBe(0);
    const design = loadTemplate('react-nginx-gunicorn');
    const expected = await buildBundleZip(generate(design, COMPOSE_EN).files, 'react-flask-app');
    expect(Buffer.from(readFileSync(out)).equals(Buffer.from(expected))).toBe(true);
  });

  it('refuses topology errors unless --force, and writes nothing when refusing', () => {
    const forced = designFile('forced.json', serializeDesign(load(FORCED['uwsgi-pass-to-http-socket']!)));
    const out = join(ROOT, 'forced');
    const refused = cli(forced, '--out', out);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('uwsgi-pass-needs-socket');
    expect(refused.stderr).toContain('--force');
    expect(existsSync(out)).toBe(false);
    const exported = cli(forced, '--out', out, '--force');
    expect(exported.code).toBe(0);
    expect(existsSync(join(out, 'forced-mismatch/web/nginx.conf'))).toBe(true);
  });

  it('never exports invalid values, even with --force', () => {
    const design = loadTemplate('gunicorn-flask-sqlite');
    design.edges[1]!.props.route = '/api; return 200 x';
    const file = designFile('invalid.json', serializeDesign(design));
    const out = join(ROOT, 'invalid');
    const result = cli(file, '--out', out, '--force');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('invalid-route');
    expect(existsSync(out)).toBe(false);
  });

  it('keeps hostile design names inside --out', () => {
    const sandbox = join(ROOT, 'names');
    mkdirSync(sandbox);
    const names = ['../../escape', '/etc/cron.d/x', '..', 'a/../../b', '.hidden', 'C:\\win', 'ok name'];
    for (const [index, name] of names.entries()) {
      const design = loadTemplate('gunicorn-flask-sqlite');
      design.name = name;
      const file = designFile(`name-${index}.json`, serializeDesign(design));
      const out = join(sandbox, 'out');
      const { code } = cli(file, '--out', out, '--force');
      expect([0, 1]).toContain(code);
      expect(readdirSync(sandbox)).toEqual(code === 0 || existsSync(out) ? ['out'] : []);
      for (const folder of existsSync(out) ? readdirSync(out) : [])
        expect(folder).toMatch(/^[a-z0-9][a-z0-9._-]*$/);
    }
    expect(readdirSync(ROOT).some((entry) => entry === 'escape' || entry === 'b')).toBe(false);
  });

  it('refuses to write through symlinks', () => {
    const out = join(ROOT, 'links');
    const elsewhere = join(ROOT, 'elsewhere');
    mkdirSync(out);
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, join(out, 'react-flask-app'));
    const result = cli(template, '--out', out);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/symlink/);
    expect(readdirSync(elsewhere)).toEqual([]);

    const out2 = join(ROOT, 'links2');
    mkdirSync(join(out2, 'react-flask-app'), { recursive: true });
    symlinkSync(elsewhere, join(out2, 'react-flask-app/web'));
    expect(cli(template, '--out', out2).code).toBe(2);
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(tree(join(out2, 'react-flask-app'))).toEqual(['web']);
  });

  it('refuses a non-empty folder that is not a previous export unless --force, never deleting files', () => {
    const out = join(ROOT, 'busy');
    mkdirSync(join(out, 'react-flask-app'), { recursive: true });
    writeFileSync(join(out, 'react-flask-app/thesis.tex'), 'precious');
    const refused = cli(template, '--out', out);
    expect(refused.code).toBe(2);
    expect(tree(join(out, 'react-flask-app'))).toEqual(['thesis.tex']);
    expect(cli(template, '--out', out, '--force').code).toBe(0);
    expect(readFileSync(join(out, 'react-flask-app/thesis.tex'), 'utf8')).toBe('precious');
    expect(existsSync(join(out, 'react-flask-app/docker-compose.yml'))).toBe(true);
  });

  it('answers 2 for unusable files and arguments', () => {
    expect(cli(template).code).toBe(2);
    expect(cli(join(ROOT, 'missing.json'), '--out', join(ROOT, 'x')).code).toBe(2);
    const broken = designFile('broken.json', '{"format": "stacksketch/v1", "nodes": [{"id": 1}]}');
    const result = cli(broken, '--out', join(ROOT, 'x'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('nodes[0]');
    expect(existsSync(join(ROOT, 'x'))).toBe(false);
  });
});

describe('export --target', () => {
  it('writes the server bundle, the same bytes as generate()', () => {
    const design = loadTemplate('uwsgi-unix-socket');
    const file = designFile('server.stacksketch.json', serializeDesign(design));
    const out = join(ROOT, 'server-out');
    const result = cli(file, '--out', out, '--target', 'server');
    expect(result.code).toBe(0);
    const expected = generate(design, { target: 'server', lang: 'en' }).files;
    const folder = join(out, 'flask-uwsgi-socket');
    for (const [path, text] of Object.entries(expected))
      if (path !== 'design.json') expect(readFileSync(join(folder, path), 'utf8')).toBe(text);
    expect(lstatSync(join(folder, 'install.sh')).mode & 0o111).not.toBe(0);
  });

  it('exports --target kubernetes: the same bytes as generate', () => {
    const design = loadTemplate('react-nginx-gunicorn');
    const file = designFile('k8s.stacksketch.json', serializeDesign(design));
    const out = join(ROOT, 'k8s-out');
    const result = cli(file, '--out', out, '--target', 'kubernetes');
    expect(result.code).toBe(0);
    const expected = generate(design, { target: 'kubernetes', lang: 'en' }).files;
    const folder = join(out, generate(design, { target: 'kubernetes', lang: 'en' }).plan.folder);
    expect(Object.keys(expected)).toContain('k8s/kustomization.yaml');
    for (const [path, text] of Object.entries(expected))
      if (path !== 'design.json') expect(readFileSync(join(folder, path), 'utf8')).toBe(text);
  });

  it('refuses an unknown target, writing nothing', () => {
    const file = designFile('t.stacksketch.json', serializeDesign(loadTemplate('gunicorn-flask-sqlite')));
    for (const target of ['swarm']) {
      const out = join(ROOT, `refused-${target}`);
      const result = cli(file, '--out', out, '--target', target);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`cannot export to target "${target}"`);
      expect(existsSync(out)).toBe(false);
    }
  });
});
