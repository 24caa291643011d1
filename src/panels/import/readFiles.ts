import type { ReportEntry, SourceFile } from '../../importers/types';
import { MAX_CONFIG_BYTES } from '../../importers/types';
import { isProjectPath, readProjectZip } from '../../importers/zip';

/** The picked files as import sources: a `.zip` is expanded (paths inside kept), others read as text. */
export async function readPickedFiles(picked: readonly File[], report: ReportEntry[]): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  for (const file of picked) {
    const path = (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name;
    if (file.name.toLowerCase().endsWith('.zip')) {
      files.push(...(await readProjectZip(file.name, new Uint8Array(await file.arrayBuffer()), report)));
      continue;
    }
    if (!isProjectPath(path)) continue;
    if (file.size > MAX_CONFIG_BYTES) {
      report.push({
        file: path,
        line: 0,
        message: `error: the file is ${(file.size / 1024 / 1024).toFixed(1)} MB; imported files are limited to ${MAX_CONFIG_BYTES / 1024 / 1024} MB`,
      });
      continue;
    }
    const text = await file.text();
    if (!text.includes('\u0000')) files.push({ path, text });
  }
  return files;
}
