/** Placeholder: the file tree and Monaco preview (preview issue). */
export function PreviewPanel() {
  return <section aria-label="Generated files" data-testid="files" />;
}
