import { useReactFlow } from '@xyflow/react';
import { useMemo, useRef, type KeyboardEvent } from 'react';
import { ErrorBoundary } from '../../app/ErrorBoundary';
import { useAppStore } from '../../store';
import { useChecking, useDiagnostics } from '../../store/selectors';
import { validationEngine } from '../../store/validation';
import { useText } from '../../app/language';
import type { Diagnostic, QuickFix } from '../../validation/types';
import { problemKeys, problemTargets, problemsSummary, sortBySeverity } from './problems';
import './problems.css';

const CENTRE_DURATION_MS = 300;
const CENTRE_MAX_ZOOM = 1.25;

/**
 * Every diagnostic of the current design, errors first. Clicking (or Enter on) a problem selects what it
 * names and centres the canvas on it; a quick fix is applied as one undo step.
 */
export function ProblemsPanel() {
  return (
    <ErrorBoundary area="problems">
      <ProblemsList />
    </ErrorBoundary>
  );
}

function ProblemsList() {
  const diagnostics = useDiagnostics();
  const sorted = useMemo(() => sortBySeverity(diagnostics), [diagnostics]);
  const keys = useMemo(() => problemKeys(sorted), [sorted]);
  const select = useAppStore((state) => state.select);
  const selectedNodeIds = useAppStore((state) => state.selectedNodeIds);
  const selectedEdgeIds = useAppStore((state) => state.selectedEdgeIds);
  const commit = useAppStore((state) => state.commit);
  const showAlert = useAppStore((state) => state.showAlert);
  const showToast = useAppStore((state) => state.showToast);
  const { fitView } = useReactFlow();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const text = useText().problems;
  const checking = useChecking();
  const summary = checking ? text.checking : problemsSummary(sorted, text);

  function reveal(diagnostic: Diagnostic) {
    const targets = problemTargets(diagnostic, useAppStore.getState().design);
    select({ nodes: targets.nodes, edges: targets.edges });
    if (targets.centreOn.length > 0) {
      void fitView({
        nodes: targets.centreOn.map((id) => ({ id })),
        duration: CENTRE_DURATION_MS,
        maxZoom: CENTRE_MAX_ZOOM,
        padding: 0.4,
      });
    }
  }

  function applyFix(fix: QuickFix) {
    let failure: unknown = null;
    commit((design) => {
      try {
        return fix.apply(design);
      } catch (error) {
        // A fix written against an older design must not take the editor down; nothing is changed.
        failure = error;
        return design;
      }
    });
    if (failure !== null) {
      showAlert(text.fixFailed({ label: fix.label, failure: String(failure) }));
      return;
    }
    showToast(text.applied({ label: fix.label }));
    // The fixed problem leaves the list: keep keyboard focus inside the panel.
    headingRef.current?.focus();
  }

  function onItemKeyDown(event: KeyboardEvent<HTMLLIElement>, diagnostic: Diagnostic) {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      reveal(diagnostic);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const sibling =
        event.key === 'ArrowDown'
          ? event.currentTarget.nextElementSibling
          : event.currentTarget.previousElementSibling;
      if (sibling instanceof HTMLElement) sibling.focus();
    }
  }

  return (
    <section
      className="problems"
      data-testid="problems"
      aria-label={text.label}
      aria-busy={checking}
      data-checking={checking || undefined}
    >
      <header className="problems-header">
        <h2 ref={headingRef} tabIndex={-1}>
          {text.heading}
        </h2>
        <span
          className={`problems-summary${sorted.length === 0 ? ' is-clean' : ''}`}
          data-testid="problems-summary"
          aria-live="polite"
        >
          {summary}
        </span>
      </header>
      {sorted.length === 0 ? (
        <p className="problems-empty">{checking ? text.checking : text.empty}</p>
      ) : (
        <ul className="problems-list">
          {sorted.map((diagnostic, index) => (
            <li
              key={keys[index]}
              className={`problem problem-${diagnostic.severity}${
                isShown(diagnostic, selectedNodeIds, selectedEdgeIds) ? ' is-selected' : ''
              }`}
              data-rule={diagnostic.rule}
              data-severity={diagnostic.severity}
              tabIndex={0}
              aria-label={`${diagnostic.severity}: ${diagnostic.rule}. ${diagnostic.message}`}
              onClick={() => reveal(diagnostic)}
              onKeyDown={(event) => onItemKeyDown(event, diagnostic)}
            >
              <div className="problem-head">
                <span className="problem-severity">
                  {diagnostic.severity === 'error' ? text.error : text.warning}
                </span>
                <code className="problem-rule">{diagnostic.rule}</code>
              </div>
              <p className="problem-message">{diagnostic.message}</p>
              <ProblemTargetsLine diagnostic={diagnostic} />
              <RuleWhy rule={diagnostic.rule} />
              {(diagnostic.fix || (diagnostic.alternatives?.length ?? 0) > 0) && (
                <div className="problem-fixes">
                  {diagnostic.fix && <FixButton fix={diagnostic.fix} testId="quick-fix" onApply={applyFix} />}
                  {diagnostic.alternatives?.map((alternative) => (
                    <FixButton
                      key={alternative.label}
                      fix={alternative}
                      testId="quick-fix-alternative"
                      onApply={applyFix}
                    />
                  ))}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** True when the canvas selection is exactly what this problem names (after clicking it, say). */
function isShown(diagnostic: Diagnostic, nodes: readonly string[], edges: readonly string[]): boolean {
  if (diagnostic.nodes.length === 0 && diagnostic.edges.length === 0) return false;
  const same = (a: readonly string[], b: readonly string[]) =>
    new Set(a).size === new Set(b).size && a.every((id) => b.includes(id));
  return same(diagnostic.nodes, nodes) && same(diagnostic.edges, edges);
}

function FixButton({
  fix,
  testId,
  onApply,
}: {
  fix: QuickFix;
  testId: string;
  onApply: (fix: QuickFix) => void;
}) {
  return (
    <button
      type="button"
      className={testId === 'quick-fix' ? 'problem-fix' : 'problem-fix problem-fix-alternative'}
      data-testid={testId}
      // The item itself selects on click and Enter; the button only applies its fix.
      onClick={(event) => {
        event.stopPropagation();
        onApply(fix);
      }}
      onKeyDown={(event) => event.stopPropagation()}
    >
      {fix.label}
    </button>
  );
}

/** The rule's reasoning, folded away: the message says what is wrong, this says why it matters. */
function RuleWhy({ rule }: { rule: string }) {
  const catalogue = useAppStore((state) => state.catalogue);
  const why =
    catalogue.ruleDocs?.[rule as keyof typeof catalogue.ruleDocs]?.why ??
    validationEngine()?.RULE_BY_ID.get(rule)?.why;
  if (!why) return null;
  return (
    <details className="problem-why" onClick={(event) => event.stopPropagation()}>
      <summary onKeyDown={(event) => event.stopPropagation()}>{catalogue.ui.problems.why}</summary>
      <p>
        <InlineCode text={why} />
      </p>
    </details>
  );
}

/** Text with `backtick` spans shown as code (rule texts are written that way for docs/rules.md). */
function InlineCode({ text }: { text: string }) {
  return (
    <>{text.split('`').map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part))}</>
  );
}

function ProblemTargetsLine({ diagnostic }: { diagnostic: Diagnostic }) {
  const text = useText().problems;
  if (diagnostic.nodes.length === 0 && diagnostic.edges.length === 0) return null;
  return (
    <p className="problem-targets">
      {diagnostic.nodes.length > 0 && (
        <span>
          {text.nodes({ count: diagnostic.nodes.length })}
          {diagnostic.nodes.map((id) => (
            <code key={id}>{id}</code>
          ))}
        </span>
      )}
      {diagnostic.edges.length > 0 && (
        <span>
          {text.edges({ count: diagnostic.edges.length })}
          {diagnostic.edges.map((id) => (
            <code key={id}>{id}</code>
          ))}
        </span>
      )}
    </p>
  );
}
