/** Placeholder: share link, embed dialog and image/Mermaid exports (share issue). */
export function ShareMenu() {
  return null;
}
