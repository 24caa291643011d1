import type { Design, DesignEdge, DesignNode, FORMAT } from '../model/design';
import type { Target } from '../model/target';
import type { RuleMessages } from '../i18n';
import type { Role } from '../nodes/registry';

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
  /** The repair a one-click button applies. */
  fix?: QuickFix;
  /** Other repairs that also make the problem go away (offered after `fix`). */
  alternatives?: QuickFix[];
}

/**
 * A design as written in a file (the current format, props optional): the form rule examples
 * take, so docs/rules.md shows exactly what a user would write.
 */
export interface DesignFile {
  format: typeof FORMAT;
  name?: string;
  containers?: Record<string, { replicas?: number }>;
  nodes: Record<string, unknown>[];
  edges: Record<string, unknown>[];
}

export interface RuleExamples {
  /** A design on which the rule fires (and, when the rule offers a fix, the fix removes it). */
  fires: DesignFile;
  /** A design close to `fires` on which the rule must stay silent. */
  nearMiss: DesignFile;
}

export interface Rule {
  id: string;
  severity: Severity;
  /** One line for docs/rules.md: when the rule fires. */
  summary: string;
  /** Why it matters, in plain words (docs and the problems panel). */
  why: string;
  /** What the quick fix does, for docs/rules.md (absent when no mechanical fix exists). */
  fixSummary?: string;
  /** The output targets the rule is about (absent: every target); validate() runs it only for those. */
  targets?: readonly Target[];
  check: (design: Design, context: RuleContext) => Diagnostic[];
  /**
   * 'shape': the rule reads only node ids, kinds and containers and the edges (and its fixes read
   * the design they are applied to), so validate() reuses its diagnostics while that shape is the
   * same (see designShape).
   * 'part': what the rule says about a part of the design (nodes joined by edges or a shared
   * container, see designParts) reads only that part, in node or edge order, and its fixes read the
   * design they are applied to, so validate() may check each part alone and reuse a part's
   * diagnostics while its nodes are the same objects.
   * Absent: the rule may read anything, it runs every time.
   */
  reads?: 'shape' | 'part';
  /** Shared by docs/rules.md and the unit tests, so the documented examples are the tested ones. */
  examples: RuleExamples;
}

/** Lookups shared by all rules, computed once per validation. */
export interface RuleContext {
  /** What the design is validated for: the bundle's output target. */
  target: Target;
  /** The rules' texts in the language diagnostics are written in. */
  text: RuleMessages;
  nodeById: ReadonlyMap<string, DesignNode>;
  outgoing: ReadonlyMap<string, readonly DesignEdge[]>;
  incoming: ReadonlyMap<string, readonly DesignEdge[]>;
  /** Edges leaving `id` whose target exists (and plays `role`, when given). */
  edgesOut: (id: string, role?: Role) => DesignEdge[];
  /** Edges entering `id` whose source exists (and plays `role`, when given). */
  edgesIn: (id: string, role?: Role) => DesignEdge[];
}
