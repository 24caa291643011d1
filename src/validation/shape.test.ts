import { describe, expect, it, vi } from 'vitest';
import type { Design } from '../model/design';
import { moveNodesToContainer, setNodeProp } from '../model/edit';
import { loadTemplate } from '../model/templates';
import { ruleMessages as koreanRuleMessages } from '../i18n/ko/rules';
import { RULE_BY_ID } from './registry';
import { diagnosticsToJson, validate } from './validate';

/** Diagnostics as plain data (fix functions left out), to compare a reused result with a fresh one. */
const plain = (design: Design) => diagnosticsToJson(validate(design));

/** A template with a shape rule firing: a client that reaches nothing leaves the stack unreachable. */
function withUnreachableNodes() {
  const design = loadTemplate('gunicorn-flask-sqlite');
  return { ...design, edges: design.edges.filter((edge) => !edge.source.startsWith('browser')) };
}

describe('validate reuses the diagnostics of rules that read only the shape', () => {
  it('keeps a shape rule’s diagnostics after a props edit, without running it again', () => {
    const design = withUnreachableNodes();
    const first = validate(design).filter((d) => d.rule === 'unreachable-node');
    expect(first.length).toBeGreaterThan(0);
    const rule = RULE_BY_ID.get('unreachable-node')!;
    const check = vi.spyOn(rule, 'check');
    const server = design.nodes.find((node) => node.kind === 'gunicorn')!;
    const edited = setNodeProp(design, server.id, 'workers', 3);
    const after = validate(edited);
    expect(check).not.toHaveBeenCalled();
    check.mockRestore();
    const again = after.filter((d) => d.rule === 'unreachable-node');
    expect(again).toHaveLength(first.length);
    again.forEach((diagnostic, at) => expect(diagnostic).toBe(first[at]));
    expect(diagnosticsToJson(after)).toEqual(plain(structuredClone(edited)));
  });

  it('runs them again when the shape, the target or the language changes', () => {
    const design = withUnreachableNodes();
    validate(design);
    const rule = RULE_BY_ID.get('unreachable-node')!;
    const check = vi.spyOn(rule, 'check');
    const server = design.nodes.find((node) => node.kind === 'gunicorn')!;
    const moved = moveNodesToContainer(design, [server.id], 'other');
    const diagnostics = validate(moved);
    expect(check).toHaveBeenCalledTimes(1);
    validate(moved, 'server');
    expect(check).toHaveBeenCalledTimes(2);
    const korean = validate(moved, 'compose', koreanRuleMessages);
    expect(check).toHaveBeenCalledTimes(3);
    check.mockRestore();
    expect(diagnosticsToJson(diagnostics)).toEqual(plain(structuredClone(moved)));
    expect(korean.find((d) => d.rule === 'unreachable-node')!.message).not.toBe(
      diagnostics.find((d) => d.rule === 'unreachable-node')!.message,
    );
  });
});
