import JSZip from 'jszip';
import { fileMode, isSafeBundlePath } from './folder';

/** Every entry gets this timestamp, so the same files always give the same archive bytes. */
export const ZIP_DATE = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));

/**
 * The bundle as a zip: one top folder, entries in sorted order, fixed timestamps, unix modes
 * (scripts executable). Used by the browser download and by the CLI, so both give identical bytes.
 */
export async function buildBundleZip(files: Record<string, string>, folder: string): Promise<Uint8Array> {
  if (!isSafeBundlePath(folder) || folder.includes('/'))
    throw new Error(`unsafe bundle folder name: ${JSON.stringify(folder)}`);
  const zip = new JSZip();
  // Folder entries first, so unzip tools create them with sane modes.
  const folders = new Set<string>([folder]);
  for (const path of Object.keys(files)) {
    if (!isSafeBundlePath(path)) throw new Error(`unsafe path in bundle: ${JSON.stringify(path)}`);
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) folders.add(`${folder}/${parts.slice(0, i).join('/')}`);
  }
  for (const dir of [...folders].sort()) {
    zip.file(`${dir}/`, null, { dir: true, date: ZIP_DATE, unixPermissions: 0o40755 });
  }
  for (const path of Object.keys(files).sort()) {
    zip.file(`${folder}/${path}`, files[path]!, {
      date: ZIP_DATE,
      unixPermissions: fileMode(path),
      createFolders: false,
    });
  }
  return zip.generateAsync({
    type: 'uint8array',
    platform: 'UNIX',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
  });
}
