import type { Design } from '../../model/design';
import { checkRoute } from '../../model/fields';
import { gunicornStack } from './examples';
import { fieldRule } from '../fieldRule';
import { setEdgeProps } from '../../model/edit';
import { nodeName } from '../fixes';
import type { Diagnostic } from '../types';

const withRoute = (route: string) => {
  const file = gunicornStack();
  file.edges[1] = { ...file.edges[1], props: { route } };
  return file;
};

export const invalidRoute = fieldRule({
  id: 'invalid-route',
  summary:
    'A route on an nginx connection that does not start with `/`, or contains whitespace, `;{}"\'`, backticks, `\\`, `$`, `%`, `..`, or control characters.',
  why: 'Each route becomes `location <route> { … }` in nginx.conf. Unquoted `location` values are how ingress-nginx configs were injected: a `;` or `}` ends the block and starts attacker-written configuration, and `$` expands nginx variables. Nginx also compares locations with the decoded path, so `%` escapes would never match.',
  fixSummary: 'Reset the route to `/` (offered when that nginx does not route `/` elsewhere already).',
  examples: { fires: withRoute('/api/ { return 200; }'), nearMiss: withRoute('/api/v1/') },
  extra(design, { nodeById, text }) {
    return design.edges.flatMap((link): Diagnostic[] => {
      const route = link.props.route;
      const source = nodeById.get(link.source);
      if (route === undefined || !source) return [];
      const problem = typeof route === 'string' ? checkRoute(route) : text.field.expectedText;
      if (problem === null) return [];
      const target = nodeById.get(link.target);
      const slashFree = design.edges.every(
        (other) => other.source !== link.source || other.props.route !== '/',
      );
      return [
        {
          rule: 'invalid-route',
          severity: 'error',
          message: text['invalid-route'].message({
            proxy: nodeName(source),
            target: target ? nodeName(target) : `"${link.target}"`,
            edge: link.id,
            problem,
            reason: text.reasons['invalid-route'],
          }),
          nodes: target ? [source.id, target.id] : [source.id],
          edges: [link.id],
          ...(slashFree
            ? {
                fix: {
                  label: text['invalid-route'].fix,
                  apply: (current: Design) => setEdgeProps(current, link.id, { route: '/' }),
                },
              }
            : {}),
        },
      ];
    });
  },
});
