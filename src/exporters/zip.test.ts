import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { bundleFolderName } from './folder';
import { buildBundleZip } from './zip';

const files = {
  'README.md': '# hi\n',
  'scripts/smoke.sh': '#!/bin/sh\necho ok\n',
  'web/nginx.conf': 'events {}\n',
};

describe('buildBundleZip', () => {
  it('gives the same bytes for the same files, whatever their order', async () => {
    const a = await buildBundleZip(files, 'demo');
    const reordered = Object.fromEntries(Object.entries(files).reverse());
    const b = await buildBundleZip(reordered, 'demo');
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('gives the same bytes in every time zone, dated 2024-01-01 00:00', async () => {
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'UTC';
      const utc = await buildBundleZip(files, 'demo');
      process.env.TZ = 'Asia/Seoul';
      const seoul = await buildBundleZip(files, 'demo');
      process.env.TZ = 'America/Los_Angeles';
      const angeles = await buildBundleZip(files, 'demo');
      expect(Buffer.from(seoul).equals(Buffer.from(utc))).toBe(true);
      expect(Buffer.from(angeles).equals(Buffer.from(utc))).toBe(true);
      // The DOS date and time of the first local header (offsets 10–13): 2024-01-01 00:00:00.
      const view = new DataView(utc.buffer, utc.byteOffset);
      expect(view.getUint16(10, true)).toBe(0);
      expect(view.getUint16(12, true)).toBe(((2024 - 1980) << 9) | (1 << 5) | 1);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('puts everything under one top folder, with scripts executable', async () => {
    const zip = await JSZip.loadAsync(await buildBundleZip(files, 'demo'));
    const names = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir);
    expect(names.sort()).toEqual(['demo/README.md', 'demo/scripts/smoke.sh', 'demo/web/nginx.conf']);
    expect(Number(zip.files['demo/scripts/smoke.sh']!.unixPermissions) & 0o777).toBe(0o755);
    expect(Number(zip.files['demo/README.md']!.unixPermissions) & 0o777).toBe(0o644);
    expect(await zip.files['demo/web/nginx.conf']!.async('string')).toBe('events {}\n');
  });

  it('refuses paths that would leave the bundle', async () => {
    await expect(buildBundleZip({ '../evil': 'x' }, 'demo')).rejects.toThrow(/unsafe path/);
    await expect(buildBundleZip({ '/etc/passwd': 'x' }, 'demo')).rejects.toThrow(/unsafe path/);
    await expect(buildBundleZip({ a: 'x' }, '..')).rejects.toThrow(/unsafe bundle folder/);
  });
});

describe('bundleFolderName', () => {
  it.each([
    ['Todo Stack', 'todo-stack'],
    ['../../etc/passwd', 'etc-passwd'],
    ['..', 'stacksketch-design'],
    ['', 'stacksketch-design'],
    ['/abs/path', 'abs-path'],
    ['Café Ünïcode', 'cafe-unicode'],
    ['a'.repeat(200), 'a'.repeat(64)],
    ['name\nwith\u0000control', 'name-with-control'],
  ])('%j → %j', (name, folder) => {
    expect(bundleFolderName(name)).toBe(folder);
  });
});
