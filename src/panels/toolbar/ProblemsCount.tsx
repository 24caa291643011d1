import { useText } from '../../app/language';
import { useChecking, useDiagnostics } from '../../store/selectors';

/** Brings the problems panel into view and moves the focus to it (it may sit below a long inspector). */
export function showProblemsPanel(): void {
  const heading = document.querySelector<HTMLElement>('[data-testid="problems"] h2');
  heading?.scrollIntoView({ block: 'start' });
  heading?.focus();
}

/** The count of errors and warnings, always in sight; a click opens the problems panel. */
export function ProblemsCount() {
  const diagnostics = useDiagnostics();
  const checking = useChecking();
  const text = useText().problems;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const summary = checking
    ? text.checking
    : diagnostics.length === 0
      ? text.none
      : text.count({ errors, warnings });
  const state = checking ? 'checking' : errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'clean';
  return (
    <button
      type="button"
      className={`problems-count is-${state}`}
      data-testid="problems-count"
      // Counts only once the design has been checked: a test (or a user) never reads "0" too early.
      data-errors={checking ? undefined : errors}
      data-warnings={checking ? undefined : warnings}
      title={text.show}
      aria-label={`${summary}. ${text.show}`}
      onClick={showProblemsPanel}
    >
      <span aria-hidden="true">{checking ? '…' : errors > 0 ? '⛔' : warnings > 0 ? '⚠' : '✓'}</span>{' '}
      {summary}
    </button>
  );
}
