import { replicasOf, setReplicas } from '../../model/containers';
import type { Design, DesignNode } from '../../model/design';
import { setNodeProps } from '../../model/edit';
import { listenerOf } from '../../nodes/registry';
import { gunicornStack, uwsgiStack } from './examples';
import { nodeName } from '../fixes';
import type { DesignFile, Diagnostic, Rule } from '../types';

const replicated = (file: DesignFile, replicas: number): DesignFile => ({
  ...file,
  containers: { app: { replicas } },
});

/** A server whose listener is chosen by a `transport` prop (Gunicorn, uWSGI) can switch to TCP. */
function canSwitchToTcp(node: DesignNode): boolean {
  return Object.prototype.hasOwnProperty.call(node.props, 'transport');
}

export const replicasUnixSocket: Rule = {
  id: 'replicas-unix-socket',
  severity: 'error',
  summary: 'A container with replicas > 1 holds a server that listens on a unix socket.',
  why: 'A unix socket is one file on one volume. Every copy of the container would bind the same file: the last one to start takes it over, the others are unreachable, and nginx cannot tell the copies apart to balance over them. Copies need TCP ports, one address each.',
  fixSummary: 'Switch the server to TCP (or set the container’s replicas to 1).',
  reads: 'part',
  check(design, { text }) {
    return design.nodes.flatMap((node): Diagnostic[] => {
      if (node.container === undefined || listenerOf(node)?.kind !== 'unix') return [];
      const replicas = replicasOf(design, node.container);
      if (replicas <= 1) return [];
      const container = node.container;
      const toTcp = {
        label: text['replicas-unix-socket'].fix({ node: nodeName(node) }),
        apply: (current: Design) => setNodeProps(current, node.id, { transport: 'tcp' }),
      };
      const toOne = {
        label: text.setReplicasToOne({ container }),
        apply: (current: Design) => setReplicas(current, container, 1),
      };
      return [
        {
          rule: 'replicas-unix-socket',
          severity: 'error',
          message: text['replicas-unix-socket'].message({ node: nodeName(node), container, replicas }),
          nodes: [node.id],
          edges: [],
          ...(canSwitchToTcp(node) ? { fix: toTcp, alternatives: [toOne] } : { fix: toOne }),
        },
      ];
    });
  },
  examples: {
    fires: replicated(uwsgiStack('uwsgi', 'uwsgi_pass'), 3),
    nearMiss: replicated(gunicornStack(), 3),
  },
};
