/** docs/rules.md, rendered from the rule registry (`npm run docs:rules`); a unit test keeps the file in step. */
import { loadDesign } from '../model/load';
import { type Lang, type RuleDocText, type RuleMessages } from '../i18n';
import { ruleMessages as EN_RULE_MESSAGES } from '../i18n/en/rules';
import { ruleDocs as koreanRuleDocs, ruleMessages as koreanRuleMessages } from '../i18n/ko/rules';
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

/** What the doc says around the rules, per language. */
interface DocWords {
  messages: RuleMessages;
  docOf: (rule: Rule) => RuleDocText;
  severity: string;
  firesWhen: string;
  why: string;
  quickFix: string;
  noFix: string;
  example: string;
  reports: (where: string) => string;
  node: (id: string) => string;
  edge: (id: string) => string;
  offered: (labels: string[]) => string;
  nearMiss: string;
  /** After the severity of a rule about one target only. */
  targetOnly: (targets: string) => string;
}

const WORDS: Record<Lang, DocWords> = {
  en: {
    messages: EN_RULE_MESSAGES,
    docOf: (rule) => rule,
    severity: 'Severity',
    firesWhen: 'Fires when',
    why: 'Why',
    quickFix: 'Quick fix',
    noFix: 'none: the right repair depends on what you meant, so the message says what to change.',
    example: 'Example that triggers it:',
    reports: (where) => `What StackSketch reports${where ? ` (on ${where})` : ''}:`,
    node: (id) => `node \`${id}\``,
    edge: (id) => `edge \`${id}\``,
    offered: (labels) =>
      `Offered fix${labels.length > 1 ? 'es' : ''}: ${labels.map((l) => `“${l}”`).join('; ')}.`,
    nearMiss: 'A near miss that does not trigger it',
    targetOnly: (targets) => ` (the ${targets} target only)`,
  },
  ko: {
    messages: koreanRuleMessages,
    docOf: (rule) => koreanRuleDocs[rule.id as keyof typeof koreanRuleDocs],
    severity: '심각도',
    firesWhen: '언제 알려 주나',
    why: '왜 문제인가',
    quickFix: '빠른 수정',
    noFix: '없음: 어떻게 고칠지는 의도에 따라 달라서, 메시지가 무엇을 바꿀지 알려 줍니다.',
    example: '이 규칙이 걸리는 예:',
    reports: (where) => `StackSketch가 알려 주는 내용${where ? `(${where})` : ''}:`,
    node: (id) => `노드 \`${id}\``,
    edge: (id) => `엣지 \`${id}\``,
    offered: (labels) => `제안하는 수정: ${labels.map((l) => `“${l}”`).join('; ')}.`,
    nearMiss: '걸리지 않는 비슷한 예',
    targetOnly: (targets) => ` (${targets} 대상에서만)`,
  },
};

function diagnosticsOf(rule: Rule, messages: RuleMessages): Diagnostic[] {
  const loaded = loadDesign(structuredClone(rule.examples.fires));
  if (!loaded.ok) throw new Error(`the example of ${rule.id} does not load`);
  return validate(loaded.design, exampleTarget(rule), messages).filter(
    (diagnostic) => diagnostic.rule === rule.id,
  );
}

function section(rule: Rule, words: DocWords): string {
  const found = diagnosticsOf(rule, words.messages);
  const doc = words.docOf(rule);
  const first = found[0];
  const where = first ? [...first.nodes.map(words.node), ...first.edges.map(words.edge)].join(', ') : '';
  const fixes = first ? [first.fix, ...(first.alternatives ?? [])].filter((fix) => fix !== undefined) : [];
  return [
    `## \`${rule.id}\``,
    '',
    `**${words.severity}:** ${rule.severity}${rule.targets ? words.targetOnly(rule.targets.join(', ')) : ''}`,
    '',
    `**${words.firesWhen}:** ${doc.summary}`,
    '',
    `**${words.why}:** ${doc.why}`,
    '',
    `**${words.quickFix}:** ${doc.fixSummary ?? words.noFix}`,
    '',
    words.example,
    '',
    '```json',
    compactJson(rule.examples.fires),
    '```',
    '',
    words.reports(where),
    '',
    ...(first ? [`> ${first.message.replace(/\n/g, ' ')}`] : []),
    ...(fixes.length ? ['', words.offered(fixes.map((fix) => fix.label))] : []),
    '',
    `<details><summary>${words.nearMiss}</summary>`,
    '',
    '```json',
    compactJson(rule.examples.nearMiss),
    '```',
    '',
    '</details>',
    '',
  ].join('\n');
}

export function renderRulesDoc(lang: Lang = 'en'): string {
  return lang === 'ko' ? renderKorean() : renderEnglish();
}

function renderEnglish(): string {
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
    ...RULES.map((rule) => section(rule, WORDS.en)),
  ].join('\n');
}

function renderKorean(): string {
  const table = RULES.map(
    (rule) =>
      `| [\`${rule.id}\`](#${rule.id}) | ${rule.severity} | ${koreanRuleDocs[rule.id as keyof typeof koreanRuleDocs].fixSummary ? '있음' : '—'} |`,
  );
  return [
    '# 검증 규칙',
    '',
    '<!-- `npm run docs:rules`가 src/validation/registry.ts와 src/i18n/ko/rules.ts에서 만듭니다. 손으로 고치지 마세요: 파일이 뒤처지면 단위 테스트가 실패합니다. -->',
    '',
    'StackSketch는 모든 디자인을 아래 규칙으로 검사합니다. 디자이너에서는 그릴 때마다,',
    '명령줄에서는 `stacksketch validate FILE [--json] --lang ko`로 검사합니다(종료 코드 0: 오류 없음, 경고는 허용;',
    '1: 오류 있음; 2: 파일을 읽을 수 없음). 규칙 id는 공개된 이름이라 언어와 상관없이 바뀌지 않습니다.',
    '',
    '오류가 있으면 보통은 내보내지 않습니다. `export --force`는 구성상의 오류가 있어도 번들을 쓰지만,',
    '`invalid-*` 입력 오류가 있으면 절대 쓰지 않습니다. 그런 값은 설정 파일에 그대로 들어가기 때문입니다.',
    '',
    '| 규칙 | 심각도 | 빠른 수정 |',
    '|---|---|---|',
    ...table,
    '',
    ...RULES.map((rule) => section(rule, WORDS.ko)),
  ].join('\n');
}
