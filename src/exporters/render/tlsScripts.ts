/**
 * The HTTPS scripts of a bundle: tls-init.sh (runs in the nginx container before nginx: makes the first
 * certificate of each server in the TLS volume, and reloads nginx when certbot installs a new one) and
 * certbot-run.sh (the certbot service: obtains the certificates over HTTP-01, renews them twice a day).
 * Every value written comes from the plan and is quoted by the shell serializer.
 */
import type { PlannedCertbot, WebRun } from '../planTypes';
import { ACME_WEBROOT, LETSENCRYPT_DIR, TLS_DIR } from '../plan/tls';
import { shQuote } from '../serializers/shell';
import type { Lang } from '../../i18n/lang';
import { TLS_COMMENTS, type TlsComments } from './tlsComments';

/** Where the certbot image keeps its script (the deploy hook calls it again). */
export const CERTBOT_SCRIPT_PATH = '/usr/local/bin/certbot-run.sh';
/** The file certbot's deploy hook leaves in the TLS volume; nginx's container reloads when it appears. */
const RELOAD_FLAG = `${TLS_DIR}/reload-requested`;
/** Let's Encrypt's production directory (the default of ACME_SERVER). */
export const LETSENCRYPT_PRODUCTION = 'https://acme-v02.api.letsencrypt.org/directory';
export const LETSENCRYPT_STAGING = 'https://acme-staging-v02.api.letsencrypt.org/directory';
/** Days a self-signed certificate is valid (what browsers still accept), and a stand-in's. */
export const SELF_SIGNED_DAYS = 825;
export const STAND_IN_DAYS = 30;

const hashComments = (lines: readonly string[]): string[] => lines.map((line) => `# ${line}`);

/** Where a host's make_certificate differs: how it reads its arguments, makes its folder and logs. */
export interface CertificateShell {
  /** The lines that set `dir` and `days` from the arguments and shift them off. */
  args: readonly string[];
  /** The command that makes the certificate's folder. */
  makeDir: string;
  /** The certificate file's mode (the key stays 0600 by umask). */
  certificateMode: string;
  /** What its log line starts with. */
  logPrefix: string;
}

/**
 * The shell function every bundle makes its first certificates with (`make_certificate <where> <days>
 * <domain>…`): a self-signed EC key and certificate, named for the first domain with all of them as
 * alternative names, unless both files are there already; written beside and then moved into place.
 */
export function makeCertificateFunction(shell: CertificateShell): string[] {
  return [
    'make_certificate() {',
    ...[
      ...shell.args,
      'if [ -s "$dir/fullchain.pem" ] && [ -s "$dir/privkey.pem" ]; then return 0; fi',
      `${shell.makeDir} "$dir"`,
      'san=""',
      'for name in "$@"; do san="${san:+$san,}DNS:$name"; done',
      '(',
      '  umask 077',
      '  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -sha256 \\',
      '    -days "$days" -subj "/CN=$1" -addext "subjectAltName=$san" \\',
      '    -keyout "$dir/privkey.pem.new" -out "$dir/fullchain.pem.new" 2>/dev/null',
      ')',
      `chmod ${shell.certificateMode} "$dir/fullchain.pem.new"`,
      'mv "$dir/privkey.pem.new" "$dir/privkey.pem"',
      'mv "$dir/fullchain.pem.new" "$dir/fullchain.pem"',
      `echo "${shell.logPrefix}made a self-signed certificate for $* in $dir"`,
    ].map((line) => `  ${line}`),
    '}',
  ];
}

const tlsInitHead = (c: TlsComments): string[] => [
  '#!/bin/sh',
  ...hashComments(c.tlsInitHeading),
  'set -eu',
  `TLS_DIR=${TLS_DIR}`,
  '',
  ...hashComments(c.makeCertificate),
  ...makeCertificateFunction({
    args: ['slot="$1"; days="$2"; shift 2', 'dir="$TLS_DIR/$slot"'],
    makeDir: 'mkdir -p',
    certificateMode: '644',
    logPrefix: 'tls-init: ',
  }),
  '',
];

const reloadWatch = (c: TlsComments): string[] => [
  '',
  ...hashComments(c.reloadWatch),
  'watch_renewals() {',
  '  while sleep "${TLS_RELOAD_CHECK_SECONDS:-10}"; do',
  `    if [ -e ${RELOAD_FLAG} ]; then`,
  `      rm -f ${RELOAD_FLAG}`,
  '      echo "tls-init: new certificate installed, reloading nginx"',
  '      nginx -s reload || true',
  '    fi',
  '  done',
  '}',
  'watch_renewals &',
];

function certificateLine(slot: string, days: number, domains: readonly string[]): string {
  return `make_certificate ${[slot, String(days), ...domains].map(shQuote).join(' ')}`;
}

/** web/tls-init.sh: the first certificates, the reload watcher when certbot serves any, then nginx. */
export function renderTlsInit(run: WebRun, lang: Lang): string {
  const c = TLS_COMMENTS[lang];
  const lines = tlsInitHead(c);
  let acme = false;
  for (const server of run.servers) {
    const tls = server.tls;
    if (!tls?.slot) continue;
    if (tls.mode === 'letsencrypt') {
      acme = true;
      lines.push(
        ...hashComments([c.standIn(tls.domains.join(' '))]),
        certificateLine(tls.slot, STAND_IN_DAYS, tls.domains),
      );
    } else
      lines.push(
        ...hashComments([c.selfSigned(tls.domains.join(' '))]),
        certificateLine(tls.slot, SELF_SIGNED_DAYS, tls.domains),
      );
  }
  if (acme) lines.push(...reloadWatch(c));
  lines.push('', 'exec "$@"', '');
  return lines.join('\n');
}

/** certbot-run.sh: the certbot service's loop, and the deploy hook that hands certificates to nginx. */
export function renderCertbotScript(certbot: PlannedCertbot, lang: Lang): string {
  const c = TLS_COMMENTS[lang];
  const obtainLines = certbot.sites.map(
    (site) => `  obtain ${[site.slot, site.email, ...site.domains].map(shQuote).join(' ')}`,
  );
  return [
    '#!/bin/sh',
    ...hashComments(c.certbotHeading(LETSENCRYPT_STAGING)),
    'set -eu',
    `ACME_SERVER="\${ACME_SERVER:-${LETSENCRYPT_PRODUCTION}}"`,
    `WEBROOT=${ACME_WEBROOT}`,
    `TLS_DIR=${TLS_DIR}`,
    `CONFIG_DIR="\${CERTBOT_CONFIG_DIR:-${LETSENCRYPT_DIR}}"`,
    `SELF=${CERTBOT_SCRIPT_PATH}`,
    '',
    ...hashComments([c.deploy]),
    'install_certificate() {',
    '  slot="$(basename "$RENEWED_LINEAGE")"',
    '  dir="$TLS_DIR/$slot"',
    '  mkdir -p "$dir"',
    '  cp "$RENEWED_LINEAGE/fullchain.pem" "$dir/fullchain.pem.new"',
    '  (umask 077 && cp "$RENEWED_LINEAGE/privkey.pem" "$dir/privkey.pem.new")',
    '  mv "$dir/privkey.pem.new" "$dir/privkey.pem"',
    '  mv "$dir/fullchain.pem.new" "$dir/fullchain.pem"',
    `  touch ${RELOAD_FLAG}`,
    '  echo "certbot-run: installed the certificate of $slot; nginx reloads"',
    '}',
    '',
    ...hashComments([c.obtain]),
    'obtain() {',
    '  slot="$1"; email="$2"; shift 2',
    '  count=$#',
    '  for name in "$@"; do set -- "$@" -d "$name"; done',
    '  shift "$count"',
    '  certbot certonly --non-interactive --agree-tos --no-eff-email --keep-until-expiring \\',
    '    --config-dir "$CONFIG_DIR" --server "$ACME_SERVER" --email "$email" \\',
    '    --webroot --webroot-path "$WEBROOT" --cert-name "$slot" \\',
    '    --deploy-hook "/bin/sh $SELF deploy" "$@"',
    '}',
    '',
    'obtain_all() {',
    ...obtainLines,
    '}',
    '',
    ...hashComments(c.renew),
    'renew() {',
    '  certbot renew --non-interactive --config-dir "$CONFIG_DIR" --webroot --webroot-path "$WEBROOT"',
    '}',
    '',
    'case "${1:-run}" in',
    '  deploy) install_certificate ;;',
    '  obtain) obtain_all ;;',
    '  renew) renew ;;',
    '  run)',
    `    # ${c.retry}`,
    '    obtain_all || echo "certbot-run: no certificate yet; nginx keeps its stand-in and the next check retries"',
    '    while :; do',
    '      sleep 12h & wait $!',
    '      obtain_all || true',
    '      renew || true',
    '    done',
    '    ;;',
    '  *) echo "usage: $0 [run|obtain|renew|deploy]" >&2; exit 2 ;;',
    'esac',
    '',
  ].join('\n');
}
