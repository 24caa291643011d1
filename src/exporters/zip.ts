import { strToU8, zipSync, type Zippable } from 'fflate';
import { fileMode, isSafeBundlePath } from './folder';

/**
 * Every entry is dated 2024-01-01 00:00, so the same files always give the same archive bytes. A zip
 * stores the date as local wall-clock fields, which the writer reads in the local time zone: a date
 * built from local fields writes the same bytes in every zone.
 */
const zipDate = (): Date => new Date(2024, 0, 1, 0, 0, 0);

/**
 * The bundle as a zip: one top folder, entries in sorted order, fixed timestamps, unix modes
 * (scripts executable). Used by the browser download and by the CLI, so both give identical bytes.
 */
export async function buildBundleZip(files: Record<string, string>, folder: string): Promise<Uint8Array> {
  if (!isSafeBundlePath(folder) || folder.includes('/'))
    throw new Error(`unsafe bundle folder name: ${JSON.stringify(folder)}`);
  // Folder entries first, so unzip tools create them with sane modes.
  const folders = new Set<string>([folder]);
  for (const path of Object.keys(files)) {
    if (!isSafeBundlePath(path)) throw new Error(`unsafe path in bundle: ${JSON.stringify(path)}`);
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) folders.add(`${folder}/${parts.slice(0, i).join('/')}`);
  }
  // Unix attributes: the file type and mode in the high 16 bits (0x10 marks a folder for DOS tools).
  const entries: Zippable = {};
  const mtime = zipDate();
  for (const dir of [...folders].sort())
    entries[`${dir}/`] = [new Uint8Array(0), { level: 0, mtime, os: 3, attrs: (0o40755 << 16) | 0x10 }];
  for (const path of Object.keys(files).sort())
    entries[`${folder}/${path}`] = [
      strToU8(files[path]!),
      { level: 6, mtime, os: 3, attrs: (0o100000 | fileMode(path)) << 16 },
    ];
  return zipSync(entries);
}
