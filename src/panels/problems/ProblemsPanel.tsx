/** Placeholder: the problems panel (validation issue). */
export function ProblemsPanel() {
  return <section data-testid="problems" aria-label="Problems" />;
}
