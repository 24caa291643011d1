import type { Design, DesignNode } from '../../model/design';
import { setNodeProps } from '../../model/edit';
import { design, e, n } from './examples';
import { nodeName } from '../fixes';
import type { Rule } from '../types';

/** CPU count is unknown at design time: limits use a documented reference machine. */
export const REFERENCE_CPUS = 4;
export const MAX_WORKERS = 4 * REFERENCE_CPUS + 1;

function count(node: DesignNode): { prop: string; value: number } | undefined {
  if (node.kind === 'gunicorn' && typeof node.props.workers === 'number')
    return { prop: 'workers', value: node.props.workers };
  if (node.kind === 'uwsgi') return { prop: 'processes', value: node.props.processes };
  return undefined;
}

const withWorkers = (workers: number) =>
  design(
    [
      n('browser', 'client'),
      n('proxy', 'nginx', 'web'),
      n('wsgi', 'gunicorn', 'app', { workers }),
      n('api', 'flask', 'app'),
    ],
    [e('e1', 'browser', 'proxy'), e('e2', 'proxy', 'wsgi'), e('e3', 'wsgi', 'api')],
  );

export const workersOutOfRange: Rule = {
  id: 'workers-out-of-range',
  severity: 'warning',
  summary: `Gunicorn \`workers\` (when a number) or uWSGI \`processes\` below 1 or above 4 × CPU + 1. The CPU count is unknown when drawing, so StackSketch uses a reference machine of ${REFERENCE_CPUS} CPUs: the limit is ${MAX_WORKERS}.`,
  why: `With no worker process nothing answers requests. Far more processes than cores only add memory use and context switches: the guide is 2 × CPU + 1 (Gunicorn’s "auto" computes it where it runs). Limits assume ${REFERENCE_CPUS} CPUs, a common small server.`,
  fixSummary: `Clamp the count to the nearest bound (1 or ${MAX_WORKERS}).`,
  reads: 'part',
  check(current, { text }) {
    const t = text['workers-out-of-range'];
    return current.nodes.flatMap((node) => {
      const found = count(node);
      if (!found || (found.value >= 1 && found.value <= MAX_WORKERS)) return [];
      const bound = found.value < 1 ? 1 : MAX_WORKERS;
      const message =
        found.value < 1
          ? t.tooFew({ node: nodeName(node), prop: found.prop, value: found.value })
          : t.tooMany({
              node: nodeName(node),
              prop: found.prop,
              value: found.value,
              max: MAX_WORKERS,
              cpus: REFERENCE_CPUS,
            });
      return [
        {
          rule: 'workers-out-of-range',
          severity: 'warning' as const,
          message,
          nodes: [node.id],
          edges: [],
          fix: {
            label: t.fix({ prop: found.prop, node: nodeName(node), bound }),
            apply: (d: Design) => setNodeProps(d, node.id, { [found.prop]: bound }),
          },
        },
      ];
    });
  },
  examples: { fires: withWorkers(64), nearMiss: withWorkers(MAX_WORKERS) },
};
