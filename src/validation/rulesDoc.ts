/** docs/rules.md, rendered from the rule registry (`npm run docs:rules`); a unit test keeps the file in step. */
import { loadDesign } from '../model/load';
import { RULES } from './registry';
import { MAX_WORKERS, REFERENCE_CPUS } from './rules/workers-out-of-range';
import type { DesignFile, Diagnostic, Rule } from './types';
import { exampleTarget, validate } from './validate';

/** JSON with one node or edge per line: short enough to read in a doc, still valid JSON. */
export function compactJson(file: DesignFile): string {
  const inline = (value: unknown): string => {
    if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
    if (value && typeof value === 'object') {
      const entries = Object.entries(value).map(([key, inner]) => `${JSON.stringify(key)}: ${inline(inner)}`);
      return entries.length ? `{ ${entries.join(', ')} }` : '{}';
    }
    return JSON.stringify(value);
  };
  const list = (items: unknown[]) =>
    items.length ? `[\n${items.map((item) => `    ${inline(item)}`).join(',\n')}\n  ]` : '[]';
  const lines = [`  "format": ${JSON.stringify(file.format)}`];
  if (file.name !== undefined) lines.push(`  "name": ${JSON.stringify(file.name)}`);
  if (file.containers !== undefined) lines.push(`  "containers": ${inline(file.containers)}`);
  lines.push(`  "nodes": ${list(file.nodes)}`, `  "edges": ${list(file.edges)}`);
  return `{\n${lines.join(',\n')}\n}`;
}

function diagnosticsOf(rule: Rule): Diagnostic[] {
  const loaded = loadDesign(structuredClone(rule.examples.fires));
  if (!loaded.ok) throw new Error(`the example of ${rule.id} does not load`);
  return validate(loaded.design, exampleTarget(rule)).filter((diagnostic) => diagnostic.rule === rule.id);
}

function section(rule: Rule): string {
  const found = diagnosticsOf(rule);
  const first = found[0];
  const where = first
    ? [...first.nodes.map((id) => `node \`${id}\``), ...first.edges.map((id) => `edge \`${id}\``)].join(', ')
    : '';
  const fixes = first ? [first.fix, ...(first.alternatives ?? [])].filter((fix) => fix !== undefined) : [];
  return [
    `## \`${rule.id}\``,
    '',
    `**Severity:** ${rule.severity}${rule.targets ? ` (the ${rule.targets.join(', ')} target only)` : ''}`,
    '',
    `**Fires when:** ${rule.summary}`,
    '',
    `**Why:** ${rule.why}`,
    '',
    `**Quick fix:** ${rule.fixSummary ?? 'none: the right repair depends on what you meant, so the message says what to change.'}`,
    '',
    'Example that triggers it:',
    '',
    '```json',
    compactJson(rule.examples.fires),
    '```',
    '',
    `What StackSketch reports${where ? ` (on ${where})` : ''}:`,
    '',
    ...(first ? [`> ${first.message.replace(/\n/g, ' ')}`] : []),
    ...(fixes.length
      ? [
          '',
          `Offered fix${fixes.length > 1 ? 'es' : ''}: ${fixes.map((fix) => `“${fix.label}”`).join('; ')}.`,
        ]
      : []),
    '',
    '<details><summary>A near miss that does not trigger it</summary>',
    '',
    '```json',
    compactJson(rule.examples.nearMiss),
    '```',
    '',
    '</details>',
    '',
  ].join('\n');
}

export function renderRulesDoc(): string {
  const table = RULES.map(
    (rule) => `| [\`${rule.id}\`](#${rule.id}) | ${rule.severity} | ${rule.fixSummary ? 'yes' : '—'} |`,
  );
  return [
    '# Validation rules',
    '',
    '<!-- Generated from src/validation/registry.ts by `npm run docs:rules`. Do not edit by hand: a unit test fails when this file is out of date. -->',
    '',
    'StackSketch checks every design against the rules below, live in the designer and with',
    '`stacksketch validate FILE [--json]` on the command line (exit 0: no errors, warnings allowed;',
    '1: errors; 2: the file cannot be loaded). Rule ids are public and stable.',
    '',
    'Errors block a normal export; `export --force` writes a bundle despite topology errors but never despite',
    'an `invalid-*` input error, because those values would reach a config file.',
    '',
    '| rule | severity | quick fix |',
    '|---|---|---|',
    ...table,
    '',
    '## Decisions worth knowing',
    '',
    `- **Worker limits use a reference machine.** The CPU count of the server is unknown while drawing, so \`workers-out-of-range\` assumes ${REFERENCE_CPUS} CPUs: the upper limit is 4 × ${REFERENCE_CPUS} + 1 = ${MAX_WORKERS}. Gunicorn's \`"auto"\` (2 × CPU + 1, computed where it runs) is never warned about.`,
    '- **No client, one report.** A design without any client gets one `no-entry-point` error and no `unreachable-node` warnings (every node would be unreachable, which says nothing new). Once a client exists, each node it cannot reach gets its own warning, even while `no-entry-point` also fires because that client reaches nothing.',
    '- **Reachability follows every edge as drawn**, including edges that `invalid-connection` reports.',
    '- **The Flask dev server.** `flask-dev-server` warns when nginx or a client reaches a Flask app directly (even if a WSGI server also runs it: that route bypasses it), or when something other than a WSGI server is the only thing reaching it. A Flask app that nothing reaches is left to `unreachable-node`.',
    '- **Listeners.** `port-conflict` counts nginx `listen`, Gunicorn/uWSGI `port` only with the TCP transport, and a Flask app’s dev server `port` only when no Gunicorn/uWSGI runs it. Nginx’s port is also published on the same host port, so two nginx in different containers may not share it.',
    '- **Socket paths are checked whatever the transport**, so switching a server to a unix socket can never carry a bad path into a file; `socket-conflict` compares only servers that use the unix transport.',
    '- **Routes** are compared exactly as written (a missing route counts as `/`), and `%` escapes are refused because nginx matches locations against the decoded path.',
    '- **Display text** (client labels up to 64 characters, the design name up to 100) may use any script, but refuses control and invisible characters, `; { } [ ] < > | /`, quotes, backticks, `\\`, `$`, `..`, their fullwidth lookalikes, and words mixing Latin with Cyrillic or Greek letters (like a Cyrillic а in “locаlhost”). The design name also becomes the bundle folder name.',
    '- **Technical fields are ASCII** (server names, routes, paths, Python names, container names, sizes): a lookalike letter in a config value is never what a user meant.',
    '- **Quick fixes are pure**: each returns a new design (one undoable step) and never changes the one it was given. Fixes that add nodes pick free ids (`nginx`, `nginx-2`, …), free containers (`web`, `web-2`, …) and free ports (80, else 8080 and up).',
    '',
    ...RULES.map(section),
  ].join('\n');
}
