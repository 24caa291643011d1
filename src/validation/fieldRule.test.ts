import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../model/templates';
import { KINDS, type PropSpec } from '../nodes/registry';
import type { FieldRuleId } from '../nodes/types';
import { fieldProblems } from './fieldRule';
import { RULES } from './registry';

const FIELD_RULES = RULES.map((rule) => rule.id).filter((id) => id.startsWith('invalid-')) as FieldRuleId[];

/** The problems of one rule found the plain way: each node, each prop of that rule, its check. */
function expected(design: ReturnType<typeof loadTemplate>, ruleId: FieldRuleId) {
  const found: { node: string; prop: string; problem: string }[] = [];
  for (const node of design.nodes) {
    const specs = KINDS[node.kind].props as Record<string, PropSpec>;
    for (const [prop, spec] of Object.entries(specs)) {
      if (spec.rule?.id !== ruleId) continue;
      const value = (node.props as unknown as Record<string, unknown>)[prop];
      const problem =
        spec.type === 'string' && typeof value !== 'string'
          ? 'expected text'
          : spec.type === 'number' && typeof value !== 'number'
            ? `${String(value)} is not a number`
            : (spec.rule.check as (value: unknown) => string | null)(value);
      if (problem !== null) found.push({ node: node.id, prop, problem });
    }
  }
  return found;
}

describe('fieldProblems', () => {
  it('gives each field rule exactly the problems of its own props when one walk serves them all', () => {
    const design = loadTemplate('react-nginx-gunicorn');
    const props = (kind: string) =>
      design.nodes.find((node) => node.kind === kind)!.props as unknown as Record<string, unknown>;
    props('nginx').serverName = 'bad name!';
    props('nginx').listen = 70_000;
    props('gunicorn').socketPath = 'relative/path';
    props('flask').module = 'not a module';
    let total = 0;
    for (const ruleId of FIELD_RULES) {
      const found = fieldProblems(design, ruleId).map(({ node, prop, problem }) => ({
        node: node.id,
        prop,
        problem,
      }));
      expect(found, ruleId).toEqual(expected(design, ruleId));
      total += found.length;
    }
    expect(total).toBeGreaterThanOrEqual(4);
  });

  it('reports a check that throws as an error of its own rule only, and still finds the others', () => {
    const design = loadTemplate('gunicorn-flask-sqlite');
    const props = (kind: string) =>
      design.nodes.find((node) => node.kind === kind)!.props as unknown as Record<string, unknown>;
    // A value no loader lets through: naming it in the message throws.
    props('nginx').listen = {
      toString: () => {
        throw new Error('unreadable');
      },
    };
    props('nginx').serverName = 'bad name!';
    const portRule = KINDS.nginx.props.listen.rule!.id as FieldRuleId;
    const nameRule = KINDS.nginx.props.serverName.rule!.id as FieldRuleId;
    expect(portRule).not.toBe(nameRule);
    expect(() => fieldProblems(design, portRule)).toThrow('unreadable');
    expect(fieldProblems(design, nameRule).map((found) => found.prop)).toEqual(['serverName']);
    for (const ruleId of FIELD_RULES)
      if (ruleId !== portRule) expect(() => fieldProblems(design, ruleId)).not.toThrow();
  });
});
