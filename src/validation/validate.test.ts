import { describe, expect, it, vi } from 'vitest';
import { setNodeProp } from '../model/edit';
import { TARGETS, type Target } from '../model/target';
import { loadTemplate } from '../model/templates';
import { KINDS } from '../nodes/registry';
import { RULES } from './registry';
import type { Rule } from './types';
import { appliesTo, validate } from './validate';
import { buildContext } from './context';

const rule = (targets?: readonly Target[]): Rule => ({ ...RULES[0]!, targets });

describe('validate(design, target)', () => {
  it('runs a rule for the targets its metadata names, and every rule that names none for all', () => {
    expect(TARGETS.filter((target) => appliesTo(rule(), target))).toEqual([...TARGETS]);
    expect(TARGETS.filter((target) => appliesTo(rule(['kubernetes']), target))).toEqual(['kubernetes']);
    expect(TARGETS.filter((target) => appliesTo(rule(['compose', 'server']), target))).toEqual([
      'compose',
      'server',
    ]);
  });

  it('validates for compose unless told otherwise, and hands the target to the rules', () => {
    const design = loadTemplate('flask-dev-server');
    const seen: Target[] = [];
    const spy = vi.spyOn(RULES[0]!, 'check').mockImplementation((_design, context) => {
      seen.push(context.target);
      return [];
    });
    validate(design);
    validate(design, 'kubernetes');
    validate(design, 'server');
    spy.mockRestore();
    expect(seen).toEqual(['compose', 'kubernetes', 'server']);
  });

  it('runs a rule about one target only for that target', () => {
    expect(RULES.filter((candidate) => candidate.targets !== undefined).map((rule) => rule.id)).toEqual([
      'unix-socket-across-pods',
    ]);
    const design = loadTemplate('uwsgi-unix-socket');
    expect(validate(design, 'compose').map((d) => d.rule)).toEqual([]);
    expect(validate(design, 'server').map((d) => d.rule)).toEqual([]);
    expect(validate(design, 'kubernetes').map((d) => d.rule)).toEqual(['unix-socket-across-pods']);
  });

  it('finds the same problems for every target on a design no target-specific rule is about', () => {
    const design = loadTemplate('flask-dev-server');
    const compose = validate(design).map((d) => d.rule);
    expect(compose).toEqual(['flask-dev-server']);
    for (const target of TARGETS) expect(validate(design, target).map((d) => d.rule)).toEqual(compose);
  });
});

describe('field checks after an edit', () => {
  it('checks a node’s fields again only when the node object changed', () => {
    const design = loadTemplate('gunicorn-flask-sqlite');
    const check = vi.spyOn(KINDS.nginx.props.serverName.rule!, 'check');
    validate(design);
    const first = check.mock.calls.length;
    validate(design);
    expect(check.mock.calls.length).toBe(first);
    const proxy = design.nodes.find((node) => node.kind === 'nginx')!;
    const edited = setNodeProp(design, proxy.id, 'serverName', 'bad name!');
    const found = validate(edited).filter((d) => d.rule === 'invalid-server-name');
    expect(check.mock.calls.length).toBe(first + 1);
    expect(found.map((d) => d.nodes)).toEqual([[proxy.id]]);
    check.mockRestore();
  });
});

describe('the rules’ shared lookups', () => {
  it('keeps the edges by end for the same edges list and works them out again for a new one', () => {
    const design = loadTemplate('gunicorn-flask-sqlite');
    const context = buildContext(design);
    const edited = setNodeProp(design, design.nodes[1]!.id, 'label', 'renamed');
    expect(buildContext(edited).outgoing).toBe(context.outgoing);
    expect(buildContext(edited).incoming).toBe(context.incoming);
    const fewer = { ...design, edges: design.edges.slice(1) };
    const fresh = buildContext(fewer);
    expect(fresh.outgoing).not.toBe(context.outgoing);
    expect(fresh.outgoing.get(design.edges[0]!.source) ?? []).not.toContain(design.edges[0]);
  });
});
