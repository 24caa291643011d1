import type { RuleMessages } from '../i18n';
import type { Design } from '../model/design';
import { validate } from '../validation/validate';
import type { Diagnostic } from '../validation/types';
import { useAppStore, type AppState } from './index';

/** Memoise a derivation on the identity of the design: the store never holds derived copies. */
export function memoByDesign<T>(derive: (design: Design) => T): (design: Design) => T {
  let lastDesign: Design | null = null;
  let lastValue: T;
  return (design) => {
    if (design !== lastDesign) {
      lastValue = derive(design);
      lastDesign = design;
    }
    return lastValue;
  };
}

let lastValidated: { design: Design; rules: RuleMessages; diagnostics: Diagnostic[] } | null = null;

/** The design's diagnostics in the UI's language (remembered for the last design and language). */
export function diagnosticsOf(
  design: Design,
  rules: RuleMessages = useAppStore.getState().catalogue.rules,
): Diagnostic[] {
  if (lastValidated?.design !== design || lastValidated.rules !== rules)
    lastValidated = { design, rules, diagnostics: validate(design, 'compose', rules) };
  return lastValidated.diagnostics;
}

export function useDiagnostics(): Diagnostic[] {
  return useAppStore((state) => diagnosticsOf(state.design, state.catalogue.rules));
}

export interface ElementProblems {
  errors: number;
  warnings: number;
}

const NO_PROBLEMS: ElementProblems = { errors: 0, warnings: 0 };

function countProblems(diagnostics: readonly Diagnostic[], key: 'nodes' | 'edges') {
  const counts = new Map<string, ElementProblems>();
  for (const diagnostic of diagnostics) {
    for (const id of new Set(diagnostic[key])) {
      const current = counts.get(id) ?? { errors: 0, warnings: 0 };
      counts.set(id, {
        errors: current.errors + (diagnostic.severity === 'error' ? 1 : 0),
        warnings: current.warnings + (diagnostic.severity === 'warning' ? 1 : 0),
      });
    }
  }
  return counts;
}

const nodeProblemsOf = memoByDesign((design) => countProblems(diagnosticsOf(design), 'nodes'));
const edgeProblemsOf = memoByDesign((design) => countProblems(diagnosticsOf(design), 'edges'));

/** Error and warning counts of one node; compare shallowly (useShallow) so unchanged counts re-render nothing. */
export function selectNodeProblems(state: AppState, id: string): ElementProblems {
  return nodeProblemsOf(state.design).get(id) ?? NO_PROBLEMS;
}

export function edgeSeverities(design: Design): ReadonlyMap<string, ElementProblems> {
  return edgeProblemsOf(design);
}
