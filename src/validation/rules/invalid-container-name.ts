import type { Design, DesignNode } from '../../model/design';
import { checkContainerName, checkKubernetesName, printableText } from '../../model/fields';
import type { Target } from '../../model/target';
import { renameContainer, unusedContainer } from '../../model/edit';
import { KINDS, isClient } from '../../nodes/registry';
import { gunicornStack } from './examples';
import { fieldRule } from '../fieldRule';
import { nodeName } from '../fixes';
import type { Diagnostic } from '../types';
import type { RuleMessages } from '../../i18n';
import { groupPush } from '../../model/group';
import { emptyContainers, nodeContainers } from '../../model/containers';

export const invalidContainerName = fieldRule({
  id: 'invalid-container-name',
  summary:
    'A node’s container that is not a valid Docker Compose service name: a lowercase letter or digit, then `a-z 0-9 _ . -`, at most 63 characters; for the kubernetes target, one that is not a DNS-1123 label a Service can take (`a-z 0-9 -`, starting with a letter, ending with a letter or digit).',
  why: 'The container name becomes a Compose service name, a host name other containers use to reach it, and a folder of the bundle. Anything else is refused by Docker Compose, cannot be resolved as a host name, or could point a folder outside the bundle.',
  fixSummary:
    'Rename the container, for every node in it, to a valid name derived from it (lowercased, other characters replaced by `-`) or to the kind’s default (`web`, `app`), never merging it into another container.',
  examples: {
    fires: gunicornStack({}, { gunicorn: '../App', flask: '../App', sqlite: '../App' }),
    nearMiss: gunicornStack({}, { gunicorn: 'api_1.v2', flask: 'api_1.v2', sqlite: 'api_1.v2' }),
  },
  extra(design, { text, target }) {
    const frames = emptyFrameProblems(design, text, target);
    // The usual design names every container well: one check per name (a list kept per shape), no grouping.
    const named = nodeContainers(design);
    if (named.every((container) => typeof container === 'string' && nameProblem(container, target) === null))
      return frames;
    const byContainer = new Map<string, DesignNode[]>();
    for (const node of design.nodes) {
      if (isClient(node) || node.container === undefined) continue;
      groupPush(byContainer, node.container, node);
    }
    const found = [...byContainer].flatMap(([container, nodes]): Diagnostic[] => {
      const problem =
        typeof container === 'string' ? nameProblem(container, target) : text.field.expectedText;
      if (problem === null) return [];
      const replacement = safeName(design, container, nodes[0]!, target);
      return [
        {
          rule: 'invalid-container-name',
          severity: 'error',
          message: text['invalid-container-name'].nodes({
            nodes: nodes.map(nodeName),
            container: JSON.stringify(printableText(container).slice(0, 80)),
            problem,
            reason: reasonFor(text, target),
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
function emptyFrameProblems(design: Design, text: RuleMessages, target: Target): Diagnostic[] {
  return emptyContainers(design).flatMap((container): Diagnostic[] => {
    const problem = nameProblem(container, target);
    if (problem === null) return [];
    const replacement = unusedContainer(design, 'service');
    return [
      {
        rule: 'invalid-container-name',
        severity: 'error',
        message: text['invalid-container-name'].empty({
          container: JSON.stringify(printableText(container).slice(0, 80)),
          problem,
          reason: reasonFor(text, target),
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

/** A Compose service name, and on Kubernetes also a DNS-1123 label (never rewritten silently). */
function nameProblem(container: string, target: Target): string | null {
  const problem = checkContainerName(container);
  if (problem !== null || target !== 'kubernetes') return problem;
  return checkKubernetesName(container);
}

function reasonFor(text: RuleMessages, target: Target): string {
  return target === 'kubernetes'
    ? text['invalid-container-name'].kubernetesReason
    : text.reasons['invalid-container-name'];
}

/** The bad name reduced to the target's characters (or the kind's default), not colliding with another container. */
function safeName(design: Design, container: string, first: DesignNode, target: Target): string {
  const allowed = target === 'kubernetes' ? /[^a-z0-9-]+/g : /[^a-z0-9_.-]+/g;
  const cut = container
    .toLowerCase()
    .replace(allowed, '-')
    .replace(target === 'kubernetes' ? /^[^a-z]+/ : /^[^a-z0-9]+/, '')
    .replace(/-+$/, '')
    .slice(0, 63);
  // A Kubernetes name also ends with a letter or digit.
  const reduced = target === 'kubernetes' ? cut.replace(/-+$/, '') : cut;
  const base =
    reduced && nameProblem(reduced, target) === null
      ? reduced
      : (KINDS[first.kind].defaultContainer ?? 'app');
  return unusedContainer(design, base);
}
