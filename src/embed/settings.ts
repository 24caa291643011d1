import type { DesignNode } from '../model/design';
import { KINDS, type PropSpec } from '../nodes/registry';

function shown(spec: PropSpec, value: unknown): string {
  if (spec.type === 'boolean') return value ? 'yes' : 'no';
  if (spec.type === 'enum')
    return spec.options.find((option) => option.value === value)?.label ?? String(value);
  return String(value);
}

/** Every setting of a node as label/value text, in descriptor order. */
export function keySettings(node: DesignNode): { label: string; value: string }[] {
  const props = node.props as unknown as Record<string, unknown>;
  const specs = KINDS[node.kind].props as Record<string, PropSpec>;
  const rows = Object.entries(specs).map(([name, spec]) => ({
    label: spec.label,
    value: shown(spec, props[name]),
  }));
  if (node.container !== undefined) rows.unshift({ label: 'Container', value: node.container });
  return rows;
}
