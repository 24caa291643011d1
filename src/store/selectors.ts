import type { Catalogue } from '../i18n';
import type { Design } from '../model/design';
import type { Target } from '../model/target';
import { validationEngine } from './validation';
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

/**
 * One memo per target and language, so switching back and forth reuses each one's last answer.
 * The language defaults to the UI's.
 */
export function memoByDesignPerTarget<T>(
  derive: (design: Design, target: Target, catalogue: Catalogue) => T,
): (design: Design, target?: Target, catalogue?: Catalogue) => T {
  const memos = new Map<string, (design: Design) => T>();
  return (design, target = 'compose', catalogue = useAppStore.getState().catalogue) => {
    const key = `${target} ${catalogue.lang}`;
    const memo = memos.get(key) ?? memoByDesign((next) => derive(next, target, catalogue));
    memos.set(key, memo);
    return memo(design);
  };
}

/** Shown while the rules are still loading: nothing found yet (see `useChecking`). */
const NOT_CHECKED_YET: Diagnostic[] = [];

const validated = memoByDesignPerTarget((design, target, catalogue) =>
  validationEngine()!.validate(design, target, catalogue.rules),
);

/**
 * The design's diagnostics for a target, in the UI's language unless another catalogue is given;
 * empty until the rules have loaded (only then is anything memoised).
 */
export function diagnosticsOf(design: Design, target?: Target, catalogue?: Catalogue): Diagnostic[] {
  return validationEngine() ? validated(design, target, catalogue) : NOT_CHECKED_YET;
}

export function useDiagnostics(): Diagnostic[] {
  return useAppStore((state) =>
    state.validationReady ? diagnosticsOf(state.design, state.target, state.catalogue) : NOT_CHECKED_YET,
  );
}

/** True until the rules have loaded: the design has not been checked yet. */
export function useChecking(): boolean {
  return useAppStore((state) => !state.validationReady);
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

const nodeProblemsOf = memoByDesignPerTarget((design, target, catalogue) =>
  countProblems(diagnosticsOf(design, target, catalogue), 'nodes'),
);
const edgeProblemsOf = memoByDesignPerTarget((design, target, catalogue) =>
  countProblems(diagnosticsOf(design, target, catalogue), 'edges'),
);

/** Error and warning counts of one node; compare shallowly (useShallow) so unchanged counts re-render nothing. */
export function selectNodeProblems(state: AppState, id: string): ElementProblems {
  if (!state.validationReady) return NO_PROBLEMS;
  return nodeProblemsOf(state.design, state.target, state.catalogue).get(id) ?? NO_PROBLEMS;
}

const NO_EDGE_PROBLEMS: ReadonlyMap<string, ElementProblems> = new Map();

/** Error and warning counts per edge (none until the rules have loaded). */
export function edgeSeverities(design: Design): ReadonlyMap<string, ElementProblems> {
  return validationEngine() ? edgeProblemsOf(design) : NO_EDGE_PROBLEMS;
}
