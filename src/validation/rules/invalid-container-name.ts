import type { Design, DesignNode } from '../../model/design';
import { checkContainerName, printableText } from '../../model/fields';
import { renameContainer, unusedContainer } from '../../model/edit';
import { KINDS, isClient } from '../../nodes/registry';
import { gunicornStack } from './examples';
import { fieldRule } from '../fieldRule';
import { nodeName } from '../fixes';
import type { Diagnostic } from '../types';
import type { RuleMessages } from '../../i18n';
import { groupPush } from '../../model/group';
import { emptyContainers } from '../../model/containers';

export const invalidContainerName = fieldRule({
  id: 'invalid-container-name',
  summary:
    'A node’s container that is not a valid Docker Compose service name: a lowercase letter or digit, then `a-z 0-9 _ . -`, at most 63 characters.',
  why: 'The container name becomes a Compose service name, a host name other containers use to reach it, and a folder of the bundle. Anything else is refused by Docker Compose, cannot be resolved as a host name, or could point a folder outside the bundle.',
  fixSummary:
    'Rename the container, for every node in it, to a valid name derived from it (lowercased, other characters replaced by `-`) or to the kind’s default (`web`, `app`), never merging it into another container.',
  examples: {
    fires: gunicornStack({}, { gunicorn: '../App', flask: '../App', sqlite: '../App' }),
    nearMiss: gunicornStack({}, { gunicorn: 'api_1.v2', flask: 'api_1.v2', sqlite: 'api_1.v2' }),
  },
  extra(design, { text }) {
    const frames = emptyFrameProblems(design, text);
    const byContainer = new Map<string, DesignNode[]>();
    for (const node of design.nodes) {
      if (isClient(node) || node.container === undefined) continue;
      groupPush(byContainer, node.container, node);
    }
    const found = [...byContainer].flatMap(([container, nodes]): Diagnostic[] => {
      const problem = typeof container === 'string' ? checkContainerName(container) : text.field.expectedText;
      if (problem === null) return [];
      const replacement = safeName(design, container, nodes[0]!);
      return [
        {
          rule: 'invalid-container-name',
          severity: 'error',
          message: text['invalid-container-name'].nodes({
            nodes: nodes.map(nodeName),
            container: JSON.stringify(printableText(container).slice(0, 80)),
            problem,
            reason: text.reasons['invalid-container-name'],
          }),
          nodes: nodes.map((node) => node.id),
          edges: [],
          fix: {
            label: text['invalid-container-name'].fix({ name: replacement }),
            apply: (current: Design) => renameContainer(current, container, replacement),
          },
        },
      ];
    });
    return [...found, ...frames];
  },
});

/** Empty frames (containers listed without nodes) are named like any container. */
function emptyFrameProblems(design: Design, text: RuleMessages): Diagnostic[] {
  return emptyContainers(design).flatMap((container): Diagnostic[] => {
    const problem = checkContainerName(container);
    if (problem === null) return [];
    const replacement = unusedContainer(design, 'service');
    return [
      {
        rule: 'invalid-container-name',
        severity: 'error',
        message: text['invalid-container-name'].empty({
          container: JSON.stringify(printableText(container).slice(0, 80)),
          problem,
          reason: text.reasons['invalid-container-name'],
        }),
        nodes: [],
        edges: [],
        fix: {
          label: text['invalid-container-name'].fix({ name: replacement }),
          apply: (current: Design) => renameContainer(current, container, replacement),
        },
      },
    ];
  });
}

/** The bad name reduced to Compose's characters (or the kind's default), not colliding with another container. */
function safeName(design: Design, container: string, first: DesignNode): string {
  const reduced = container
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .replace(/-+$/, '')
    .slice(0, 63);
  const base =
    reduced && checkContainerName(reduced) === null ? reduced : (KINDS[first.kind].defaultContainer ?? 'app');
  return unusedContainer(design, base);
}
