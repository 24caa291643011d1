/** A project folder as one `.zip`: its text files with their paths inside the archive kept. */
import JSZip from 'jszip';
import { MAX_CONFIG_BYTES, type ReportEntry, type SourceFile } from './types';

/** More files than any project's configs; the rest of the archive is not read. */
export const MAX_PROJECT_FILES = 2000;
/** All files together: a zip bomb stops here, before it is inflated. */
export const MAX_PROJECT_BYTES = 4 * MAX_CONFIG_BYTES;

/** Paths worth reading: configs and Python; images, lock files, node_modules and .git are skipped. */
export function isProjectPath(path: string): boolean {
  if (/(^|\/)(node_modules|\.git|__pycache__|\.venv|venv|dist|build)\//.test(path)) return false;
  return !/\.(png|jpe?g|gif|ico|svg|woff2?|ttf|eot|zip|gz|tar|pdf|pyc|so|db|sqlite3?|lock)$/i.test(path);
}

export async function readProjectZip(
  name: string,
  bytes: Uint8Array | ArrayBuffer,
  report: ReportEntry[],
): Promise<SourceFile[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    report.push({
      file: name,
      line: 0,
      message: `error: not a readable zip (${error instanceof Error ? error.message : String(error)})`,
    });
    return [];
  }
  const entries = Object.values(zip.files).filter((entry) => !entry.dir);
  const files: SourceFile[] = [];
  let total = 0;
  for (const entry of entries) {
    const path = entry.name.replace(/\\/g, '/');
    if (path.startsWith('/') || path.split('/').includes('..')) {
      report.push({
        file: `${name}:${path}`,
        line: 0,
        message: 'error: a path outside the archive (refused)',
      });
      continue;
    }
    if (!isProjectPath(path)) continue;
    if (files.length >= MAX_PROJECT_FILES) {
      report.push({
        file: name,
        line: 0,
        message: `more than ${MAX_PROJECT_FILES} files: the rest is not read`,
      });
      break;
    }
    // The size the archive declares, checked before inflating anything.
    const declared =
      (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    if (declared > MAX_CONFIG_BYTES) {
      report.push({
        file: path,
        line: 0,
        message: `error: ${(declared / 1024 / 1024).toFixed(1)} MB; imported files are limited to ${MAX_CONFIG_BYTES / 1024 / 1024} MB`,
      });
      continue;
    }
    total += declared;
    if (total > MAX_PROJECT_BYTES) {
      report.push({
        file: name,
        line: 0,
        message: `error: the archive holds more than ${MAX_PROJECT_BYTES / 1024 / 1024} MB of files: the rest is not read`,
      });
      break;
    }
    const text = await entry.async('string');
    if (text.length > MAX_CONFIG_BYTES) {
      report.push({
        file: path,
        line: 0,
        message: `error: larger than ${MAX_CONFIG_BYTES / 1024 / 1024} MB once inflated (refused)`,
      });
      continue;
    }
    if (text.includes('\u0000')) continue;
    files.push({ path, text });
  }
  return files;
}
