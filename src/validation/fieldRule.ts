/**
 * The `invalid-*` rules are driven by the kind descriptors: every prop whose spec names the rule is
 * checked with the spec's own check, so a new field only needs `rule: { id, check }` in its descriptor.
 */
import type { Design, DesignNode } from '../model/design';
import { groupPush } from '../model/group';
import { oncePer } from '../model/oncePer';
import { mapKeptList } from '../model/mapKept';
import { setNodeProps } from '../model/edit';
import { KINDS, type PropSpec } from '../nodes/registry';
import type { FieldRuleId } from '../nodes/types';
import { nodeName } from './fixes';
import type { Diagnostic, Rule, RuleContext, RuleExamples } from './types';

export interface FieldProblem {
  node: DesignNode;
  prop: string;
  spec: PropSpec;
  problem: string;
}

/** What the field checks found in one node: its problems, and the errors the rules' checks threw. */
interface NodeFindings {
  problems: FieldProblem[];
  errors: { ruleId: FieldRuleId; error: unknown }[];
}

function checkNode(node: DesignNode): NodeFindings {
  const findings: NodeFindings = { problems: [], errors: [] };
  const specs = KINDS[node.kind]?.props as Record<string, PropSpec> | undefined;
  const values = node.props as unknown as Record<string, unknown>;
  for (const [prop, spec] of Object.entries(specs ?? {})) {
    if (!spec.rule) continue;
    try {
      const check = spec.rule.check as (value: unknown) => string | null;
      const problem = wrongType(spec, values[prop]) ?? check(values[prop]);
      if (problem !== null) findings.problems.push({ node, prop, spec, problem });
    } catch (error) {
      findings.errors.push({ ruleId: spec.rule.id, error });
    }
  }
  return findings;
}

// Once per node object: the store keeps unchanged nodes as the same objects, so after an edit only the changed nodes are checked again.
const findingsOf = oncePer((node: DesignNode) => node, checkNode);

/** What the field checks found in a node list: each rule's problems, and the first error its check threw. */
interface ListFindings {
  problems: Map<FieldRuleId, FieldProblem[]>;
  errors: Map<FieldRuleId, unknown>;
}

// Each node's findings kept by position while the node is the same object (no lookup per node).
const findingsOfNodes = mapKeptList(findingsOf);

function gatherFindings(nodes: readonly DesignNode[]): ListFindings {
  const gathered: ListFindings = { problems: new Map(), errors: new Map() };
  for (const findings of findingsOfNodes(nodes)) {
    for (const { ruleId, error } of findings.errors)
      if (!gathered.errors.has(ruleId)) gathered.errors.set(ruleId, error);
    for (const problem of findings.problems) groupPush(gathered.problems, problem.spec.rule!.id, problem);
  }
  return gathered;
}

// Once per node list: the field rules of one validation share one pass over the nodes (the bench's edit ratio shows it pays).
const findingsOfList = oncePer((nodes: readonly DesignNode[]) => nodes, gatherFindings);

/** Every prop of every node whose descriptor assigns it to `ruleId`, with the check's complaint. */
export function fieldProblems(design: Design, ruleId: FieldRuleId): FieldProblem[] {
  const findings = findingsOfList(design.nodes);
  // A check that threw is a bug in that rule: validate() reports it as the rule's internal error.
  if (findings.errors.has(ruleId)) throw findings.errors.get(ruleId);
  return [...(findings.problems.get(ruleId) ?? [])];
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
  examples: RuleExamples;
  /** What the quick fix does, when it is more than resetting a prop to its default. */
  fixSummary?: string;
  /** Checks beyond descriptor props (edge routes, containers, the design name). */
  extra?: (design: Design, context: RuleContext) => Diagnostic[];
}): Rule {
  const { id } = options;
  return {
    id,
    severity: 'error',
    summary: options.summary,
    why: options.why,
    fixSummary: options.fixSummary ?? 'Reset the field to its default value.',
    examples: options.examples,
    check(design, context) {
      const { text } = context;
      const diagnostics: Diagnostic[] = fieldProblems(design, id).map(({ node, prop, spec, problem }) => ({
        rule: id,
        severity: 'error',
        message: text.field.message({ node: nodeName(node), prop, problem, reason: text.reasons[id] }),
        nodes: [node.id],
        edges: [],
        fix: {
          label: text.field.fix({ prop, node: nodeName(node), value: JSON.stringify(spec.default) }),
          apply: (current: Design) => setNodeProps(current, node.id, { [prop]: spec.default }),
        },
      }));
      return options.extra ? [...diagnostics, ...options.extra(design, context)] : diagnostics;
    },
  };
}
