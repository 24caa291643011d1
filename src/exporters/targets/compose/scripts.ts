import { joinPieces } from '../../../model/text';
import { reuseWhenSame, sharedWhenEqual } from '../../incremental';
import { mapKeptList } from '../../../model/mapKept';
import { appPart } from '../../../nodes/planParts';
import type { DeploymentPlan, PlannedService } from '../../planTypes';
import { shQuote } from '../../serializers/shell';
import { LETSENCRYPT_STAGING } from '../../render/tlsScripts';
import type { Lang } from '../../../i18n/lang';
import { COMPOSE_COMMENTS, hashComments, type ComposeComments } from './comments';

/** scripts/smoke.sh: curls each hop through the published port, one line per hop, stops at the first failure. */
export function renderSmokeScript(plan: DeploymentPlan, lang: Lang): string {
  const c = COMPOSE_COMMENTS[lang];
  const port = plan.entryPort ?? 80;
  const tls = plan.entryTls;
  // With HTTPS the name travels in the URL (the certificate's); otherwise the Host header carries it.
  const host = tls || plan.entryHost === null ? null : shQuote(plan.entryHost);
  const hostHeader = host ? ' -H "Host: $HOST"' : '';
  const curlOptions = `${hostHeader}${tls ? ' "$@"' : ''}`;
  const base = tls
    ? `https://${tls.domains[0]!.replace(/^\*\./, 'www.')}${tls.port === 443 ? '' : `:${tls.port}`}`
    : `http://localhost:${port}`;
  const lines = [
    '#!/bin/sh',
    ...hashComments(c.smoke),
    `# ${c.usage} scripts/smoke.sh ${host ? '[BASE_URL] [HOST]' : '[BASE_URL]'}`,
    ...(tls ? hashComments(c.smokeHttps) : []),
    'set -u',
    `BASE="\${1:-${base}}"`,
    ...(host ? [...hashComments(c.smokeHost), 'HOST="${2:-}"', `[ -n "$HOST" ] || HOST=${host}`] : []),
    'BODY_FILE="$(mktemp)"',
    'trap \'rm -f "$BODY_FILE"\' EXIT',
    '',
    'hop() {',
    '  name="$1"; method="$2"; path="$3"; expect="$4"; needle="$5"; data="$6"',
    ...(tls
      ? [
          '  set --',
          '  if [ -n "${CACERT:-}" ]; then set -- "$@" --cacert "$CACERT"; fi',
          '  if [ -n "${CONNECT_TO:-}" ]; then set -- "$@" --connect-to "$CONNECT_TO"; fi',
        ]
      : []),
    '  if [ "$method" = POST ]; then',
    `    status="$(curl -sS${curlOptions} -o "$BODY_FILE" -w '%{http_code}' -X POST -H 'Content-Type: application/json' --data "$data" "$BASE$path")" || status=000`,
    '  else',
    `    status="$(curl -sS${curlOptions} -o "$BODY_FILE" -w '%{http_code}' "$BASE$path")" || status=000`,
    '  fi',
    '  if [ "$status" != "$expect" ]; then',
    '    echo "FAIL $name: $method $path answered $status (expected $expect)"',
    '    exit 1',
    '  fi',
    '  if [ -n "$needle" ] && ! grep -qF -- "$needle" "$BODY_FILE"; then',
    '    echo "FAIL $name: $method $path answered $status but the body lacks $needle"',
    '    exit 1',
    '  fi',
    '  echo "ok   $name: $method $path -> $status"',
    '}',
    '',
  ];
  if (plan.probes.length === 0) lines.push('echo "no hops to check: the design has no published front door"');
  for (const probe of plan.probes)
    lines.push(
      `hop ${[
        probe.hop,
        probe.method,
        probe.path,
        String(probe.expectStatus),
        probe.expectBody ?? '',
        probe.body ?? '',
      ]
        .map((word) => (word === '' ? "''" : shQuote(word)))
        .join(' ')}`,
    );
  lines.push('echo "all hops answered"', '');
  return lines.join('\n');
}

/** A python service's folder when its app ships its own tests and lint config (a project, or its self-checks). */
const testedFolder = reuseWhenSame(
  (service: PlannedService): string | null => {
    if (service.runs.kind !== 'python') return null;
    const part = appPart(service.runs.apps[0]!.kind);
    return part.project || part.selfChecks ? service.buildDir : null;
  },
  (service) => service,
);

/** The last list kept while equal, so the Makefile's check of it after an edit is by identity. */
const sharedFolders = sharedWhenEqual<string[]>();
const LAST_LIST = {};

/** Each service's tested folder, kept by position while the services are the same objects. */
const foldersOfServices = mapKeptList(testedFolder);

/**
 * The service folders whose app ships its own tests and lint config; the README and the Makefile
 * both ask, so it is worked out once per plan.
 */
export const testedFolders = reuseWhenSame(
  (plan: DeploymentPlan): string[] => {
    // Copies of a replicated service share one folder.
    const folders = new Set<string>();
    for (const folder of foldersOfServices(plan.services)) if (folder !== null) folders.add(folder);
    return sharedFolders(LAST_LIST, [...folders]);
  },
  (plan) => plan,
);

/** make test / lint / format: pytest, flake8 and black in each tested folder, with its shipped config. */
function checkTargets(folders: readonly string[], c: ComposeComments): string[] {
  if (folders.length === 0) return [];
  const each = (command: string) => folders.map((folder) => `\tcd ${shQuote(folder)} && ${command}`);
  return [
    ...hashComments([c.devTools]),
    'test:',
    ...each('python -m pytest'),
    '',
    'lint:',
    ...each('flake8 .'),
    ...each('black --check .'),
    '',
    'format:',
    ...each('black .'),
    '',
  ];
}

export function renderMakefile(plan: DeploymentPlan, lang: Lang): string {
  // With HTTPS the smoke script's own default address is the https one (CACERT: see README.md).
  const smokePort = plan.entryTls ? null : (plan.entryPort ?? 80);
  return makefileText(COMPOSE_COMMENTS[lang], testedFolders(plan), smokePort);
}

/** The Makefile's text, written again only when the tested folders, the smoke port or the language change. */
const makefileText = reuseWhenSame(
  (c: ComposeComments, tested: readonly string[], smokePort: number | null): string =>
    joinPieces(
      [
        ...hashComments([c.makefile]),
        tested.length > 0 ? '.PHONY: up down logs smoke test lint format' : '.PHONY: up down logs smoke',
        '',
        'up: .env',
        '\tdocker compose up --build -d',
        '',
        'down:',
        '\tdocker compose down',
        '',
        'logs:',
        '\tdocker compose logs -f',
        '',
        'smoke:',
        smokePort === null ? '\tsh scripts/smoke.sh' : `\tsh scripts/smoke.sh http://localhost:${smokePort}`,
        '',
        ...checkTargets(tested, c),
        '.env:',
        '\tcp .env.example .env',
        '\tsed -i.bak "s/^SECRET_KEY=.*/SECRET_KEY=$$(od -An -tx1 -N32 /dev/urandom | tr -d \' \\n\')/" .env && rm -f .env.bak',
        '',
      ],
      '\n',
    ),
  (c) => c,
);

export function renderEnvExample(withCertbot: boolean, lang: Lang): string {
  const c = COMPOSE_COMMENTS[lang];
  const lines = [...hashComments(c.envExample), 'SECRET_KEY=change-me'];
  if (withCertbot)
    lines.push(...hashComments(c.acmeServer), `# ACME_SERVER=${LETSENCRYPT_STAGING}`, 'ACME_SERVER=');
  lines.push('');
  return lines.join('\n');
}
