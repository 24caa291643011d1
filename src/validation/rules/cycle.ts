import type { Design } from '../../model/design';
import { groupPush } from '../../model/group';
import type { Rule, RuleContext } from '../types';
import { design, e, n } from './examples';

/**
 * Whether following the edges can come back to a node (self-loops included). Kahn's topological
 * sort removes every node exactly when there is no loop: one pass that answers for the usual
 * loop-free design, so Tarjan below runs only to name the loops.
 */
function hasLoop(current: Design, { outgoing }: RuleContext): boolean {
  const inDegree = new Map(current.nodes.map((node) => [node.id, 0]));
  for (const link of current.edges)
    if (inDegree.has(link.source) && inDegree.has(link.target))
      inDegree.set(link.target, inDegree.get(link.target)! + 1);
  const ready = [...inDegree].filter(([, degree]) => degree === 0).map(([id]) => id);
  let removed = 0;
  while (ready.length > 0) {
    const id = ready.pop()!;
    removed++;
    for (const link of outgoing.get(id) ?? []) {
      const left = inDegree.get(link.target);
      if (left === undefined) continue;
      inDegree.set(link.target, left - 1);
      if (left === 1) ready.push(link.target);
    }
  }
  return removed < inDegree.size;
}

/** Strongly connected components (Tarjan, iterative so a long chain cannot overflow the stack). */
function stronglyConnected(current: Design): string[][] {
  const ids = new Set(current.nodes.map((node) => node.id));
  const out = new Map<string, string[]>();
  for (const link of current.edges) {
    if (ids.has(link.source) && ids.has(link.target)) groupPush(out, link.source, link.target);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const root of ids) {
    if (index.has(root)) continue;
    const work: { id: string; next: number }[] = [{ id: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const targets = out.get(frame.id) ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next++]!;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ id: target, next: 0 });
        } else if (onStack.has(target)) low.set(frame.id, Math.min(low.get(frame.id)!, index.get(target)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        components.push(component);
      }
    }
  }
  return components;
}

function loop(closed: boolean) {
  return design(
    [
      n('browser', 'client'),
      n('proxy', 'nginx', 'web'),
      n('wsgi', 'gunicorn', 'app'),
      n('api', 'flask', 'app'),
    ],
    [
      e('e1', 'browser', 'proxy'),
      e('e2', 'proxy', 'wsgi'),
      e('e3', 'wsgi', 'api'),
      ...(closed ? [e('e4', 'api', 'proxy')] : []),
    ],
  );
}

export const cycle: Rule = {
  id: 'cycle',
  severity: 'error',
  reads: 'shape',
  summary: 'The connections form a loop (a node that, following the edges, calls itself).',
  why: 'Edges point from caller to callee, and a request flows one way: client → nginx → app server → app → database. A loop would send a request back where it came from for ever; it is always a drawing mistake.',
  check(current, context) {
    if (!hasLoop(current, context)) return [];
    const order = new Map(current.nodes.map((node, i) => [node.id, i]));
    const selfLoops = new Set(
      current.edges.filter((link) => link.source === link.target).map((link) => link.source),
    );
    return stronglyConnected(current).flatMap((component) => {
      if (component.length < 2 && !selfLoops.has(component[0]!)) return [];
      const members = new Set(component);
      const edges = current.edges.filter((link) => members.has(link.source) && members.has(link.target));
      const nodes = component.sort((a, b) => order.get(a)! - order.get(b)!);
      return [
        {
          rule: 'cycle',
          severity: 'error' as const,
          message: context.text.cycle.message({ nodes }),
          nodes,
          edges: edges.map((link) => link.id),
        },
      ];
    });
  },
  examples: { fires: loop(true), nearMiss: loop(false) },
};
