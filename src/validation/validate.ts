import type { Design } from '../model/design';
import type { Target } from '../model/target';
import { type RuleMessages } from '../i18n';
import { ruleMessages as EN_RULE_MESSAGES } from '../i18n/en/rules';
import { buildContext } from './context';
import { RULES } from './registry';
import { designShape, type DesignShape } from '../model/shape';
import type { Diagnostic, Rule, RuleContext } from './types';

const SEVERITY_ORDER = { error: 0, warning: 1 } as const;

/**
 * Run every rule that applies to the target. Rules are pure; a rule that throws is a bug, reported
 * as a diagnostic rather than lost. Messages and fix labels are written in `text`'s language (English
 * unless said otherwise); rule ids, severities, nodes and edges do not depend on it.
 */
export function validate(
  design: Design,
  target: Target = 'compose',
  text: RuleMessages = EN_RULE_MESSAGES,
): Diagnostic[] {
  const context = buildContext(design, target, text);
  const shape = designShape(design);
  const diagnostics: Diagnostic[] = [];
  for (const rule of RULES.filter((candidate) => appliesTo(candidate, target))) {
    try {
      diagnostics.push(
        ...(rule.reads === 'shape'
          ? shapeRuleDiagnostics(rule, shape, design, context)
          : rule.check(design, context)),
      );
    } catch (error) {
      diagnostics.push({
        rule: rule.id,
        severity: 'error',
        message: text.internalError({
          rule: rule.id,
          error: error instanceof Error ? error.message : String(error),
        }),
        nodes: [],
        edges: [],
      });
    }
  }
  return sortDiagnostics(diagnostics);
}

/** A shape rule's last diagnostics for a shape, with the target and texts they were written for. */
const shapeResults = new WeakMap<
  DesignShape,
  Map<Rule, { target: Target; text: RuleMessages; diagnostics: Diagnostic[] }>
>();

/** A rule that reads only the design's shape: its diagnostics worked out again only when the shape, target or texts change. */
function shapeRuleDiagnostics(
  rule: Rule,
  shape: DesignShape,
  design: Design,
  context: RuleContext,
): Diagnostic[] {
  const results = shapeResults.get(shape) ?? new Map();
  shapeResults.set(shape, results);
  const kept = results.get(rule);
  if (kept && kept.target === context.target && kept.text === context.text) return kept.diagnostics;
  const diagnostics = rule.check(design, context);
  results.set(rule, { target: context.target, text: context.text, diagnostics });
  return diagnostics;
}

export function appliesTo(rule: Rule, target: Target): boolean {
  return rule.targets === undefined || rule.targets.includes(target);
}

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((diagnostic, index) => ({ diagnostic, index }))
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.diagnostic.severity] - SEVERITY_ORDER[b.diagnostic.severity] || a.index - b.index,
    )
    .map(({ diagnostic }) => diagnostic);
}

export { hasErrors, hasInputErrors, isInputError } from './severity';

/** The JSON form `validate --json` prints. */
export function diagnosticsToJson(diagnostics: readonly Diagnostic[]): {
  diagnostics: Omit<Diagnostic, 'fix'>[];
} {
  return {
    diagnostics: diagnostics.map(({ rule, severity, message, nodes, edges }) => ({
      rule,
      severity,
      message,
      nodes,
      edges,
    })),
  };
}

/** The target a rule's examples are validated for: its first target, or compose for every-target rules. */
export function exampleTarget(rule: Rule): Target {
  return rule.targets?.[0] ?? 'compose';
}
