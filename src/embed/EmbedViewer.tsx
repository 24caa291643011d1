/** Placeholder: the read-only embed viewer (share/embed issue). */
export function EmbedViewer() {
  return <p>StackSketch embed</p>;
}
