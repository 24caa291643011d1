/** Builders for the rule examples (written as design files, so docs/rules.md shows what a user writes). */
import { FORMAT } from '../../model/design';
import type { DesignFile } from '../types';

type Props = Record<string, unknown>;

/** A node: `n('proxy', 'nginx', 'web', { listen: 80 })`; no container for clients. */
export function n(id: string, kind: string, container?: string, props?: Props): Record<string, unknown> {
  const node: Record<string, unknown> = { id, kind };
  if (container !== undefined) node.container = container;
  if (props !== undefined) node.props = props;
  return node;
}

export function e(id: string, source: string, target: string, props?: Props): Record<string, unknown> {
  const edge: Record<string, unknown> = { id, source, target };
  if (props !== undefined) edge.props = props;
  return edge;
}

export function design(
  nodes: Record<string, unknown>[],
  edges: Record<string, unknown>[],
  name = 'example',
): DesignFile {
  return { format: FORMAT, name, nodes, edges };
}

/** client → nginx → gunicorn → flask → sqlite, the standard stack, for variations. */
export function gunicornStack(
  overrides: { nginx?: Props; gunicorn?: Props; flask?: Props; sqlite?: Props } = {},
  containers: { gunicorn?: string; flask?: string; sqlite?: string } = {},
): DesignFile {
  return design(
    [
      n('browser', 'client'),
      n('proxy', 'nginx', 'web', overrides.nginx),
      n('wsgi', 'gunicorn', containers.gunicorn ?? 'app', overrides.gunicorn),
      n('api', 'flask', containers.flask ?? 'app', overrides.flask),
      n('db', 'sqlite', containers.sqlite ?? 'app', overrides.sqlite),
    ],
    [e('e1', 'browser', 'proxy'), e('e2', 'proxy', 'wsgi'), e('e3', 'wsgi', 'api'), e('e4', 'api', 'db')],
  );
}

/** client → nginx → uwsgi → flask, with the given uWSGI protocol and edge pass. */
export function uwsgiStack(protocol: 'uwsgi' | 'http', pass: 'uwsgi_pass' | 'proxy_pass'): DesignFile {
  return design(
    [
      n('browser', 'client'),
      n('proxy', 'nginx', 'web'),
      n('uwsgi', 'uwsgi', 'app', { protocol }),
      n('api', 'flask', 'app'),
    ],
    [e('e1', 'browser', 'proxy'), e('e2', 'proxy', 'uwsgi', { route: '/', pass }), e('e3', 'uwsgi', 'api')],
  );
}
