/**
 * The `invalid-*` rules are driven by the kind descriptors: every prop whose spec names the rule is
 * checked with the spec's own check, so a new field only needs `rule: { id, check }` in its descriptor.
 */
import type { Design, DesignNode } from '../model/design';
import { KINDS, type PropSpec } from '../nodes/registry';
import type { FieldRuleId } from '../nodes/types';
import { groupPush } from '../model/group';
import { oncePerValidation } from './context';
import { nodeName, setNodeProps } from './fixes';
import type { Diagnostic, Rule, RuleContext, RuleExamples } from './types';

export interface FieldProblem {
  node: DesignNode;
  prop: string;
  spec: PropSpec;
  problem: string;
}

/** Per kind's props: those with a field rule (descriptors are fixed, so worked out once). */
const ruledPropsOf = new WeakMap<Record<string, PropSpec>, [string, PropSpec][]>();

function ruledProps(specs: Record<string, PropSpec>): [string, PropSpec][] {
  let props = ruledPropsOf.get(specs);
  if (!props) ruledPropsOf.set(specs, (props = Object.entries(specs).filter(([, spec]) => spec.rule)));
  return props;
}

/** What one walk over the nodes found for every field rule: its problems, or the error a check threw. */
interface FieldFindings {
  problems: Map<FieldRuleId, FieldProblem[]>;
  errors: Map<FieldRuleId, unknown>;
}

function findFieldProblems(design: Design): FieldFindings {
  const problems = new Map<FieldRuleId, FieldProblem[]>();
  const errors = new Map<FieldRuleId, unknown>();
  // Index loops, not for...of: this runs once per validation, often before V8 optimises it, where
  // for...of allocates an iterator result per node.
  const nodes = design.nodes;
  for (let n = 0; n < nodes.length; n++) {
    const node = nodes[n]!;
    const specs = KINDS[node.kind]?.props as Record<string, PropSpec> | undefined;
    if (!specs) continue;
    const values = node.props as unknown as Record<string, unknown>;
    const checked = ruledProps(specs);
    for (let i = 0; i < checked.length; i++) {
      // Indexes, not destructuring: this runs once per node and prop, often before V8 optimises it.
      const prop = checked[i]![0];
      const spec = checked[i]![1];
      const ruleId = spec.rule!.id;
      // A rule whose check threw stops at that error, as its own walk would have.
      if (errors.has(ruleId)) continue;
      const value = values[prop];
      let problem: string | null;
      try {
        problem = wrongType(spec, value) ?? (spec.rule!.check as (value: unknown) => string | null)(value);
      } catch (error) {
        errors.set(ruleId, error);
        continue;
      }
      if (problem !== null) groupPush(problems, ruleId, { node, prop, spec, problem });
    }
  }
  return { problems, errors };
}

/**
 * Every prop of every node whose descriptor assigns it to `ruleId`, with the check's complaint. With
 * the rule context, the walk is shared by all field rules of that validation.
 */
export function fieldProblems(design: Design, ruleId: FieldRuleId, context?: RuleContext): FieldProblem[] {
  // One walk per validation serves every field rule (a walk per rule visited each node eight times).
  const findings = context
    ? oncePerValidation(design, context, findFieldProblems)
    : findFieldProblems(design);
  if (findings.errors.has(ruleId)) throw findings.errors.get(ruleId);
  return findings.problems.get(ruleId) ?? [];
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
      const diagnostics: Diagnostic[] = fieldProblems(design, id, context).map(
        ({ node, prop, spec, problem }) => ({
          rule: id,
          severity: 'error',
          message: `${nodeName(node)}, ${prop}: ${problem}. ${reason}`,
          nodes: [node.id],
          edges: [],
          fix: {
            label: `Reset ${prop} of ${nodeName(node)} to ${JSON.stringify(spec.default)}`,
            apply: (current: Design) => setNodeProps(current, node.id, { [prop]: spec.default }),
          },
        }),
      );
      return options.extra ? [...diagnostics, ...options.extra(design, context)] : diagnostics;
    },
  };
}
