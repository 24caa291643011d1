/**
 * The `invalid-*` rules are driven by the kind descriptors: every prop whose spec names the rule is
 * checked with the spec's own check, so a new field only needs `rule: { id, check }` in its descriptor.
 */
import type { Design, DesignNode } from '../model/design';
import { KINDS, type PropSpec } from '../nodes/registry';
import type { FieldRuleId } from '../nodes/types';
import { nodeName, setNodeProps } from './fixes';
import type { Diagnostic, Rule, RuleContext, RuleExamples } from './types';

export interface FieldProblem {
  node: DesignNode;
  prop: string;
  spec: PropSpec;
  problem: string;
}

/** Per kind's props and rule: the props that rule checks (descriptors are fixed, so worked out once). */
const ruleProps = new WeakMap<Record<string, PropSpec>, Map<FieldRuleId, [string, PropSpec][]>>();

function propsCheckedBy(specs: Record<string, PropSpec>, ruleId: FieldRuleId): [string, PropSpec][] {
  let byRule = ruleProps.get(specs);
  if (!byRule) ruleProps.set(specs, (byRule = new Map()));
  let props = byRule.get(ruleId);
  if (!props)
    byRule.set(ruleId, (props = Object.entries(specs).filter(([, spec]) => spec.rule?.id === ruleId)));
  return props;
}

/** Every prop of every node whose descriptor assigns it to `ruleId`, with the check's complaint. */
export function fieldProblems(design: Design, ruleId: FieldRuleId): FieldProblem[] {
  const problems: FieldProblem[] = [];
  // Index loops, not for...of: this runs once per field rule, often before V8 optimises it, where
  // for...of allocates an iterator result per node.
  const nodes = design.nodes;
  for (let n = 0; n < nodes.length; n++) {
    const node = nodes[n]!;
    const specs = KINDS[node.kind]?.props as Record<string, PropSpec> | undefined;
    if (!specs) continue;
    const values = node.props as unknown as Record<string, unknown>;
    const checked = propsCheckedBy(specs, ruleId);
    for (let i = 0; i < checked.length; i++) {
      // Indexes, not destructuring: this runs once per node and rule, often before V8 optimises it.
      const prop = checked[i]![0];
      const spec = checked[i]![1];
      const value = values[prop];
      const problem =
        wrongType(spec, value) ?? (spec.rule!.check as (value: unknown) => string | null)(value);
      if (problem !== null) problems.push({ node, prop, spec, problem });
    }
  }
  return problems;
}

function wrongType(spec: PropSpec, value: unknown): string | null {
  if (spec.type === 'string' && typeof value !== 'string') return 'expected text';
  if (spec.type === 'number' && typeof value !== 'number') return `${String(value)} is not a number`;
  return null;
}

export function fieldRule(options: {
  id: FieldRuleId;
  summary: string;
  why: string;
  /** The sentence appended to every message: why this kind of value is refused. */
  reason: string;
  examples: RuleExamples;
  /** What the quick fix does, when it is more than resetting a prop to its default. */
  fixSummary?: string;
  /** Checks beyond descriptor props (edge routes, containers, the design name). */
  extra?: (design: Design, context: RuleContext) => Diagnostic[];
}): Rule {
  const { id, reason } = options;
  return {
    id,
    severity: 'error',
    summary: options.summary,
    why: options.why,
    fixSummary: options.fixSummary ?? 'Reset the field to its default value.',
    examples: options.examples,
    check(design, context) {
      const diagnostics: Diagnostic[] = fieldProblems(design, id).map(({ node, prop, spec, problem }) => ({
        rule: id,
        severity: 'error',
        message: `${nodeName(node)}, ${prop}: ${problem}. ${reason}`,
        nodes: [node.id],
        edges: [],
        fix: {
          label: `Reset ${prop} of ${nodeName(node)} to ${JSON.stringify(spec.default)}`,
          apply: (current: Design) => setNodeProps(current, node.id, { [prop]: spec.default }),
        },
      }));
      return options.extra ? [...diagnostics, ...options.extra(design, context)] : diagnostics;
    },
  };
}
