import { setReplicas } from '../../model/containers';
import { MAX_REPLICAS, MIN_REPLICAS, type Design } from '../../model/design';
import { printableText } from '../../model/fields';
import { gunicornStack } from './examples';
import type { DesignFile, Diagnostic, Rule } from '../types';

const withReplicas = (replicas: number): DesignFile => ({
  ...gunicornStack(),
  containers: { app: { replicas } },
});

const isValid = (replicas: number) =>
  Number.isInteger(replicas) && replicas >= MIN_REPLICAS && replicas <= MAX_REPLICAS;

export const invalidReplicas: Rule = {
  id: 'invalid-replicas',
  severity: 'error',
  summary: `A container’s \`replicas\` that is not a whole number from ${MIN_REPLICAS} to ${MAX_REPLICAS}.`,
  why: `\`replicas\` is how many copies of the container run side by side. A count below ${MIN_REPLICAS} runs nothing, a fraction means nothing, and more than ${MAX_REPLICAS} copies on one design is a typo rather than a plan.`,
  fixSummary: 'Set the container’s replicas to 1.',
  check(design, { text }) {
    const t = text['invalid-replicas'];
    return Object.entries(design.containers).flatMap(([container, { replicas }]): Diagnostic[] => {
      if (isValid(replicas)) return [];
      const members = design.nodes.filter((node) => node.container === container).map((node) => node.id);
      return [
        {
          rule: 'invalid-replicas',
          severity: 'error',
          message: t.message({
            container: JSON.stringify(printableText(container).slice(0, 80)),
            replicas: String(replicas),
            min: MIN_REPLICAS,
            max: MAX_REPLICAS,
          }),
          nodes: members,
          edges: [],
          fix: {
            label: t.fix({ container: printableText(container).slice(0, 80) }),
            apply: (current: Design) => setReplicas(current, container, 1),
          },
        },
      ];
    });
  },
  examples: { fires: withReplicas(0), nearMiss: withReplicas(MAX_REPLICAS) },
};
