import { bundleFolderName, downloadBaseName } from '../../exporters/folder';

/**
 * Build the bundle zip (JSZip loaded on first use) and hand it to the browser as `<name>.zip`, named
 * after the design in its own letters. The folder inside stays ASCII-safe: it becomes a Compose
 * project name and a path on every OS and in every unzip tool, where non-ASCII names are not safe.
 */
export async function downloadBundle(files: Record<string, string>, designName: string): Promise<string> {
  const { buildBundleZip } = await import('../../exporters/zip');
  const folder = bundleFolderName(designName);
  const bytes = await buildBundleZip(files, folder);
  const fileName = `${downloadBaseName(designName, bundleFolderName)}.zip`;
  saveBlob(new Blob([bytes as BlobPart], { type: 'application/zip' }), fileName);
  return fileName;
}

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
