import type { DesignNode } from '../model/design';
import { KINDS, type PropSpec } from '../nodes/registry';

/** One short line under a node's title: the setting that matters most for its kind. */
export function nodeSummary(node: DesignNode): string {
  switch (node.kind) {
    case 'client':
      return 'outside the stack';
    case 'nginx':
      return `:${node.props.listen} · ${node.props.serverName}`;
    case 'gunicorn':
      return `${node.props.transport === 'unix' ? node.props.socketPath : `:${node.props.port}`} · ${node.props.workers} workers`;
    case 'uwsgi':
      return `${node.props.protocol === 'http' ? 'http-socket' : 'socket'} ${node.props.transport === 'unix' ? node.props.socketPath : `:${node.props.port}`}`;
    case 'flask':
      return `${node.props.module}:${node.props.callable}`;
    case 'sqlite':
      return node.props.file;
    case 'react-static':
      return node.props.spaFallback ? 'SPA fallback' : 'static files';
  }
}

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
