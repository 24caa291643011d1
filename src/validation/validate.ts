import type { Design } from '../model/design';
import type { Target } from '../model/target';
import { type RuleMessages } from '../i18n';
import { ruleMessages as EN_RULE_MESSAGES } from '../i18n/en/rules';
import { buildContext } from './context';
import { RULES } from './registry';
import { designShape, type DesignShape } from '../model/shape';
import { partDesign, partsFromSecondAsk, samePartNodes, type DesignPart } from '../model/parts';
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
  const parts = checkedParts(design);
  const diagnostics: Diagnostic[] = [];
  for (const rule of RULES.filter((candidate) => appliesTo(candidate, target))) {
    try {
      diagnostics.push(
        ...(rule.reads === 'shape'
          ? shapeRuleDiagnostics(rule, shape, design, context)
          : rule.reads === 'part' && parts
            ? partRuleDiagnostics(rule, parts, context)
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

/** A part of the design as last checked: its nodes (in a design of its own), and each part rule's diagnostics about it. */
interface CheckedPart {
  part: DesignPart;
  /** The part as a design of its own (see partDesign), from this design's node objects. */
  design: Design;
  context?: RuleContext;
  results: Map<Rule, { target: Target; text: RuleMessages; diagnostics: Diagnostic[] }>;
}

/** A shape's first validation is whole: no part has diagnostics to reuse yet. */
const partsToCheck = partsFromSecondAsk();
/** Each shape's parts as last checked (null: checked whole, see checkedParts). */
const checkedByShape = new WeakMap<DesignShape, CheckedPart[] | null>();

/**
 * The design's parts for the rules that read one part at a time, each reset when its nodes are no
 * longer the same objects. Part by part, a rule lists its diagnostics part after part, which is its
 * order over the whole design only when each part's nodes and edges come together in the design's
 * order (and no edge points at a missing node): otherwise null, and every rule checks the whole.
 */
function checkedParts(design: Design): CheckedPart[] | null {
  const parts = partsToCheck(design);
  if (!parts) return null;
  const shape = designShape(design);
  let checked = checkedByShape.get(shape);
  if (checked === undefined) {
    checked = inDesignOrder(design, parts)
      ? parts.map((part) => ({ part, design: partDesign(design, part), results: new Map() }))
      : null;
    checkedByShape.set(shape, checked);
  }
  for (const entry of checked ?? []) {
    if (
      entry.design.containers === design.containers &&
      samePartNodes(design, entry.part, entry.design.nodes)
    )
      continue;
    entry.design = partDesign(design, entry.part);
    entry.context = undefined;
    entry.results.clear();
  }
  return checked;
}

/** Each part's nodes (and edges) come one part after another in the design's lists. */
function inDesignOrder(design: Design, parts: readonly DesignPart[]): boolean {
  const contiguous = (positions: number[]) =>
    positions.every((at, index) => index === 0 || at === positions[index - 1]! + 1);
  const edgeAt = new Map(design.edges.map((edge, at) => [edge, at]));
  return (
    parts.length > 1 &&
    parts.flatMap((part) => part.edges).length === design.edges.length &&
    contiguous(parts.flatMap((part) => part.at)) &&
    contiguous(parts.flatMap((part) => part.edges.map((edge) => edgeAt.get(edge)!)))
  );
}

/** A part rule's diagnostics, part after part, each part's reused while its nodes, the target and texts are the same. */
function partRuleDiagnostics(rule: Rule, parts: readonly CheckedPart[], whole: RuleContext): Diagnostic[] {
  const all: Diagnostic[] = [];
  for (const entry of parts) {
    let kept = entry.results.get(rule);
    if (!kept || kept.target !== whole.target || kept.text !== whole.text) {
      if (entry.context?.target !== whole.target || entry.context.text !== whole.text)
        entry.context = buildContext(entry.design, whole.target, whole.text);
      kept = { target: whole.target, text: whole.text, diagnostics: rule.check(entry.design, entry.context) };
      entry.results.set(rule, kept);
    }
    if (kept.diagnostics.length > 0) all.push(...kept.diagnostics);
  }
  return all;
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
