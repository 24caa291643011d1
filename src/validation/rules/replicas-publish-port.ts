import { replicasOf, setReplicas } from '../../model/containers';
import type { Design, DesignNode } from '../../model/design';
import { moveNodesToContainer, unusedContainer } from '../../model/edit';
import { isClient, isProxy, isStatic } from '../../nodes/registry';
import { design, e, n } from './examples';
import { nodeName } from '../fixes';
import type { DesignFile, Diagnostic, Rule, RuleContext } from '../types';

/** nginx and its app server in one container of three copies (or nginx in a container of its own). */
function sharedContainer(nginxContainer: string): DesignFile {
  return {
    ...design(
      [
        n('browser', 'client'),
        n('proxy', 'nginx', nginxContainer),
        n('wsgi', 'gunicorn', 'app'),
        n('api', 'flask', 'app'),
      ],
      [e('e1', 'browser', 'proxy'), e('e2', 'proxy', 'wsgi'), e('e3', 'wsgi', 'api')],
    ),
    containers: { app: { replicas: 3 } },
  };
}

/** The nodes a client reaches directly: they publish a port on the host. */
function publishers(current: Design, context: RuleContext): DesignNode[] {
  return current.nodes.filter(
    (node) =>
      !isClient(node) &&
      context.edgesIn(node.id).some((edge) => isClient(context.nodeById.get(edge.source)!)),
  );
}

/** Move the container's nginx (and the static builds it serves there) to a new container of one copy. */
function moveNginxOut(current: Design, container: string): Design {
  const moving = current.nodes
    .filter((node) => node.container === container && (isProxy(node) || isStatic(node)))
    .map((node) => node.id);
  if (moving.length === 0) return current;
  return moveNodesToContainer(current, moving, unusedContainer(current, 'web'));
}

export const replicasPublishPort: Rule = {
  id: 'replicas-publish-port',
  severity: 'error',
  summary: 'A container with replicas > 1 publishes a host port (it holds the nginx a client reaches).',
  why: 'A published port belongs to one process on the host. The first copy binds it and every other copy fails to start. The front door runs once; the copies behind it are reached over the container network, where nginx balances over them.',
  fixSummary:
    'Move nginx (with the static builds it serves) out to its own container (or set replicas to 1).',
  reads: 'part',
  check(current, context) {
    const { text } = context;
    return publishers(current, context).flatMap((node): Diagnostic[] => {
      if (node.container === undefined) return [];
      const replicas = replicasOf(current, node.container);
      if (replicas <= 1) return [];
      const container = node.container;
      const toOne = {
        label: text.setReplicasToOne({ container }),
        apply: (next: Design) => setReplicas(next, container, 1),
      };
      const moveOut = {
        label: text['replicas-publish-port'].fix({ node: nodeName(node) }),
        apply: (next: Design) => moveNginxOut(next, container),
      };
      return [
        {
          rule: 'replicas-publish-port',
          severity: 'error',
          message: text['replicas-publish-port'].message({ node: nodeName(node), container, replicas }),
          nodes: [node.id],
          edges: context
            .edgesIn(node.id)
            .filter((edge) => isClient(context.nodeById.get(edge.source)!))
            .map((edge) => edge.id),
          ...(isProxy(node) ? { fix: moveOut, alternatives: [toOne] } : { fix: toOne }),
        },
      ];
    });
  },
  examples: { fires: sharedContainer('app'), nearMiss: sharedContainer('web') },
};
