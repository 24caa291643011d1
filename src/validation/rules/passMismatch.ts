import { matchingPass } from '../../model/connections';
import type { PassDirective } from '../../model/design';
import { isKind } from '../../model/design';
import { setEdgeProps } from '../../model/edit';
import type { ProxiedProtocol } from '../../nodes/types';
import { isProxy } from '../../nodes/registry';
import { nodeName, switchProtocol } from '../fixes';
import type { Rule } from '../types';

/**
 * An nginx → uWSGI edge whose directive (`pass`) does not speak what uWSGI listens with (`listening`).
 * The two protocol-mismatch rules are this one check seen from opposite sides: the fix switches uWSGI
 * to the protocol the directive speaks, the alternative switches the directive to uWSGI's protocol.
 */
export function passMismatch(mismatch: {
  id: 'uwsgi-pass-needs-socket' | 'proxy-pass-to-uwsgi-socket';
  pass: PassDirective;
  listening: ProxiedProtocol;
  fixProtocol: ProxiedProtocol;
}): Rule['check'] {
  return (design, { nodeById, text }) => {
    const t = text[mismatch.id];
    return design.edges.flatMap((edge) => {
      const source = nodeById.get(edge.source);
      const target = nodeById.get(edge.target);
      if (!source || !target || !isProxy(source) || !isKind(target, 'uwsgi')) return [];
      const pass = edge.props.pass ?? matchingPass(target.props.protocol);
      if (pass !== mismatch.pass || target.props.protocol !== mismatch.listening) return [];
      return [
        {
          rule: mismatch.id,
          severity: 'error' as const,
          message: t.message({ proxy: nodeName(source), server: nodeName(target) }),
          nodes: [source.id, target.id],
          edges: [edge.id],
          fix: {
            label: t.fix({ id: target.id }),
            apply: (current) => switchProtocol(current, target.id, mismatch.fixProtocol),
          },
          alternatives: [
            {
              label: t.alternative,
              apply: (current) => setEdgeProps(current, edge.id, { pass: matchingPass(mismatch.listening) }),
            },
          ],
        },
      ];
    });
  };
}
