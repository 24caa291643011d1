import type { Design, DesignNode } from '../../model/design';
import { checkContainerName, checkRoute, printableText } from '../../model/fields';
import { KINDS, type PropSpec } from '../../nodes/registry';

function refuse(where: string, value: unknown, problem: string): never {
  throw new Error(
    `${where}: refusing ${typeof value === 'string' ? JSON.stringify(printableText(value)) : String(value)}: ${problem}`,
  );
}

const quoted = (id: string) => JSON.stringify(printableText(id));

/** A prop with a field check (display labels are escaped where they appear, so they are not checked). */
function isTechnical(spec: PropSpec): boolean {
  return spec.rule !== undefined && spec.rule.id !== 'invalid-label';
}

/** Nodes whose values passed: an unchanged node is not checked again after an edit (a tenth of an edit's planning on 1,000 nodes). */
const checkedNodes = new WeakSet<DesignNode>();

/**
 * Every technical value of the design passes its field validator before anything is planned, so no
 * unchecked value can reach a file (the serializers check again as they write).
 */
export function assertWritableValues(design: Design): void {
  for (const node of design.nodes) {
    if (checkedNodes.has(node)) continue;
    if (node.container !== undefined) {
      const problem = checkContainerName(node.container);
      if (problem) refuse(`node ${quoted(node.id)} container`, node.container, problem);
    }
    const props = node.props as unknown as Record<string, unknown>;
    for (const [name, spec] of Object.entries(KINDS[node.kind].props as Record<string, PropSpec>)) {
      if (!isTechnical(spec)) continue;
      const problem = (spec.rule!.check as (value: unknown) => string | null)(props[name]);
      if (problem) refuse(`${node.kind} ${quoted(node.id)} ${name}`, props[name], problem);
    }
    checkedNodes.add(node);
  }
  for (const edge of design.edges) {
    if (edge.props.route === undefined) continue;
    const problem = checkRoute(edge.props.route);
    if (problem) refuse(`edge ${quoted(edge.id)} route`, edge.props.route, problem);
  }
}
