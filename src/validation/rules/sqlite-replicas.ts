import { replicasOf, setReplicas } from '../../model/containers';
import type { Design } from '../../model/design';
import { isDatabase } from '../../nodes/registry';
import { gunicornStack } from './examples';
import { nodeName } from '../fixes';
import type { DesignFile, Diagnostic, Rule } from '../types';

const replicated = (replicas: number): DesignFile => ({
  ...gunicornStack(),
  containers: { app: { replicas } },
});

export const sqliteReplicas: Rule = {
  id: 'sqlite-replicas',
  severity: 'warning',
  summary:
    'A container with replicas > 1 holds a SQLite file (a warning; an error for the kubernetes target).',
  why: 'On one host the copies share one SQLite file on one volume: WAL and the busy timeout keep every write, but writes wait their turn, so more copies add no write capacity. On Kubernetes a ReadWriteOnce volume mounts on one node only, so a SQLite container stays at one replica.',
  fixSummary: 'Set the container’s replicas to 1.',
  reads: 'part',
  check(design, { target, text }) {
    const t = text['sqlite-replicas'];
    const severity = target === 'kubernetes' ? 'error' : 'warning';
    return design.nodes.filter(isDatabase).flatMap((db): Diagnostic[] => {
      if (db.container === undefined) return [];
      const replicas = replicasOf(design, db.container);
      if (replicas <= 1) return [];
      const container = db.container;
      return [
        {
          rule: 'sqlite-replicas',
          severity,
          message: (target === 'kubernetes' ? t.kubernetes : t.message)({
            db: nodeName(db),
            container,
            replicas,
          }),
          nodes: [db.id],
          edges: [],
          fix: {
            label: text.setReplicasToOne({ container }),
            apply: (current: Design) => setReplicas(current, container, 1),
          },
        },
      ];
    });
  },
  examples: { fires: replicated(3), nearMiss: replicated(1) },
};
