import { printableText } from '../model/fields';
import type { Diagnostic } from './types';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * The human-readable report of `stacksketch validate`: a summary line, then per diagnostic its
 * severity, rule id and the node and edge ids, the message, and the quick fix the designer offers.
 * Control and invisible characters (possible in ids) are shown as U+FFFD so output cannot spoof a terminal.
 */
export function formatDiagnostics(file: string, diagnostics: readonly Diagnostic[]): string {
  if (diagnostics.length === 0) return `${printableText(file)}: no problems\n`;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const lines = [
    `${printableText(file)}: ${plural(errors, 'error')}, ${plural(diagnostics.length - errors, 'warning')}`,
  ];
  for (const d of diagnostics) {
    const where = [
      d.nodes.length ? `nodes: ${d.nodes.join(', ')}` : '',
      d.edges.length ? `edges: ${d.edges.join(', ')}` : '',
    ].filter(Boolean);
    lines.push(
      '',
      printableText(`${d.severity.padEnd(7)} ${d.rule}${where.length ? `  (${where.join('; ')})` : ''}`),
    );
    lines.push(`  ${printableText(d.message)}`);
    if (d.fix) lines.push(`  quick fix: ${printableText(d.fix.label)}`);
  }
  return `${lines.join('\n')}\n`;
}
