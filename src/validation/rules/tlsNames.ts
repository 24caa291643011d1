/** How the HTTPS rules read nginx server names (a shared helper of tls-needs-domain and plain-http). */
import type { Design, DesignNode } from '../../model/design';
import type { NginxProps } from '../../nodes/nginx/descriptor';
import type { RuleContext } from '../types';
import { isClient } from '../../nodes/registry';

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** A name a public CA can validate over HTTP-01: a dotted host name, not localhost, `_`, an IP or a wildcard. */
export function isPublicDomain(name: string): boolean {
  if (name === '_' || name === 'localhost' || name.endsWith('.localhost')) return false;
  if (name.startsWith('*.') || IPV4.test(name)) return false;
  return name.includes('.');
}

/** Names that would be served on the internet: dotted host names (wildcards included), not localhost or an IP. */
export function isPublicName(name: string): boolean {
  return isPublicDomain(name.startsWith('*.') ? name.slice(2) : name);
}

export function serverNamesOf(node: DesignNode): string[] {
  return (node.props as unknown as NginxProps).serverName.split(' ').filter((name) => name !== '');
}

/** The nginx nodes of a design with their props. */
export function nginxNodes(design: Design): { node: DesignNode; props: NginxProps }[] {
  return design.nodes
    .filter((node) => node.kind === 'nginx')
    .map((node) => ({ node, props: node.props as unknown as NginxProps }));
}

/** The edges from a client into the node (how a client reaches it). */
export function clientEdges(node: DesignNode, context: RuleContext): string[] {
  return context
    .edgesIn(node.id)
    .filter((edge) => isClient(context.nodeById.get(edge.source)!))
    .map((edge) => edge.id);
}
