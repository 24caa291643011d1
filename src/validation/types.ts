import type { Design } from '../model/design';

export type Severity = 'error' | 'warning';

/** A mechanical repair the UI applies as one undoable step. Pure: returns a new design. */
export interface QuickFix {
  label: string;
  apply: (design: Design) => Design;
}

export interface Diagnostic {
  rule: string;
  severity: Severity;
  message: string;
  nodes: string[];
  edges: string[];
  fix?: QuickFix;
}

export interface Rule {
  id: string;
  severity: Severity;
  /** One line for docs/rules.md: when the rule fires. */
  summary: string;
  /** Why it matters, in plain words (docs and the problems panel). */
  why: string;
  check: (design: Design, context: RuleContext) => Diagnostic[];
  /** Examples for docs/rules.md and the unit tests: a design that fires and a near miss that must not. */
  examples?: { fires: Design; nearMiss: Design; fixHint?: string };
}

/** Lookups shared by all rules, computed once per validation. */
export interface RuleContext {
  nodeById: ReadonlyMap<string, Design['nodes'][number]>;
  outgoing: ReadonlyMap<string, Design['edges']>;
  incoming: ReadonlyMap<string, Design['edges']>;
}
