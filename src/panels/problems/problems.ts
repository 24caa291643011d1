import type { Design } from '../../model/design';
import type { Diagnostic } from '../../validation/types';
import { EN_CATALOGUE, type UiMessages } from '../../i18n';

const SEVERITY_RANK = { error: 0, warning: 1 } as const;

/** Errors first, then warnings; the validator's order is kept within a severity. */
export function sortBySeverity(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((diagnostic, index) => ({ diagnostic, index }))
    .sort(
      (a, b) =>
        SEVERITY_RANK[a.diagnostic.severity] - SEVERITY_RANK[b.diagnostic.severity] || a.index - b.index,
    )
    .map(({ diagnostic }) => diagnostic);
}

/** The panel header: "No problems", "1 error", "2 errors, 1 warning", "3 warnings". */
export function problemsSummary(
  diagnostics: readonly Diagnostic[],
  words: Pick<UiMessages['problems'], 'none' | 'count'> = EN_CATALOGUE.ui.problems,
): string {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (errors === 0 && warnings === 0) return words.none;
  return words.count({ errors, warnings });
}

export interface ProblemTargets {
  /** What clicking the problem selects: exactly the nodes and edges the diagnostic names. */
  nodes: string[];
  edges: string[];
  /** The nodes the view centres on: the named nodes plus both ends of each named edge. */
  centreOn: string[];
}

/** Resolve a diagnostic against the current design, dropping ids that no longer exist. */
export function problemTargets(diagnostic: Diagnostic, design: Design): ProblemTargets {
  const nodeIds = new Set(design.nodes.map((node) => node.id));
  const edgeById = new Map(design.edges.map((edge) => [edge.id, edge]));
  const nodes = diagnostic.nodes.filter((id) => nodeIds.has(id));
  const edges = diagnostic.edges.filter((id) => edgeById.has(id));
  const centreOn = new Set(nodes);
  for (const id of edges) {
    const edge = edgeById.get(id)!;
    if (nodeIds.has(edge.source)) centreOn.add(edge.source);
    if (nodeIds.has(edge.target)) centreOn.add(edge.target);
  }
  return { nodes, edges, centreOn: [...centreOn] };
}

/** React keys that stay stable while the same problems stay listed (repeats get a counter). */
export function problemKeys(diagnostics: readonly Diagnostic[]): string[] {
  const seen = new Map<string, number>();
  return diagnostics.map((diagnostic) => {
    const base = `${diagnostic.rule}|${diagnostic.nodes.join(',')}|${diagnostic.edges.join(',')}`;
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : `${base}#${count}`;
  });
}
