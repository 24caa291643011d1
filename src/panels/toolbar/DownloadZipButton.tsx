/** Placeholder: the zip download (preview issue). */
export function DownloadZipButton() {
  return null;
}
