import { printableText } from '../model/fields';
import { cliMessages } from '../i18n/en/cli';
import type { Diagnostic } from './types';

export type ReportWords = typeof cliMessages.report;

/**
 * The human-readable report of `stacksketch validate`: a summary line, then per diagnostic its
 * severity, rule id and the node and edge ids, the message, and the quick fix the designer offers.
 * Control and invisible characters (possible in ids) are shown as U+FFFD so output cannot spoof a terminal.
 */
export function formatDiagnostics(
  file: string,
  diagnostics: readonly Diagnostic[],
  words: ReportWords = cliMessages.report,
): string {
  if (diagnostics.length === 0) return `${words.clean({ file: printableText(file) })}\n`;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const lines = [words.summary({ file: printableText(file), errors, warnings: diagnostics.length - errors })];
  for (const d of diagnostics) {
    const where = [
      d.nodes.length ? words.nodes({ ids: d.nodes.join(', ') }) : '',
      d.edges.length ? words.edges({ ids: d.edges.join(', ') }) : '',
    ].filter(Boolean);
    lines.push(
      '',
      printableText(`${d.severity.padEnd(7)} ${d.rule}${where.length ? `  (${where.join('; ')})` : ''}`),
    );
    lines.push(`  ${printableText(d.message)}`);
    if (d.fix) lines.push(`  ${words.quickFix({ label: printableText(d.fix.label) })}`);
  }
  return `${lines.join('\n')}\n`;
}
