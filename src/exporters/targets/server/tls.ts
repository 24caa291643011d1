/**
 * HTTPS on the host. nginx reads each server's certificate from /etc/<site>/tls/<slot>/ (a folder
 * only root reads: nginx loads certificates as root before it drops to www-data). install.sh makes a
 * self-signed certificate there (or, for Let's Encrypt, a stand-in until certbot has the real one);
 * the key never is in the bundle. Let's Encrypt uses Debian's certbot over HTTP-01, the challenge
 * served by the site from /var/www/<site>-acme; Debian's certbot.timer renews, and the deploy hook
 * copies each new certificate into the slot and reloads nginx. The user's own files are read where
 * they are.
 */
import type { Lang } from '../../../i18n/lang';
import { SERVER_COMMENTS, shellComments } from './comments';
import type { PlannedTls, WebRun } from '../../planTypes';
import {
  LETSENCRYPT_PRODUCTION,
  LETSENCRYPT_STAGING,
  makeCertificateFunction,
  SELF_SIGNED_DAYS,
  STAND_IN_DAYS,
} from '../../render/tlsScripts';
import { shQuote } from '../../serializers/shell';
import type { HostNames } from './names';

const q = shQuote;

/** The bundle's deploy hook, installed beside the site's settings. */
export const DEPLOY_HOOK_FILE = 'tls/certbot-deploy-hook.sh';

export const tlsDir = (names: HostNames): string => `${names.etc}/tls`;
export const acmeWebroot = (names: HostNames): string => `/var/www/${names.site}-acme`;
export const deployHookPath = (names: HostNames): string => `${names.etc}/certbot-deploy-hook.sh`;
/** certbot's name of a slot's certificate: /etc/letsencrypt/live/<site>-<slot>/. */
export const certName = (names: HostNames, slot: string): string => `${names.site}-${slot}`;

/** A server's HTTPS as on the host: the slot's folder under /etc/<site>/tls, the site's own webroot. */
function hostTls(tls: PlannedTls, names: HostNames): PlannedTls {
  if (!tls.slot) return tls;
  const dir = `${tlsDir(names)}/${tls.slot}`;
  return {
    ...tls,
    certificate: `${dir}/fullchain.pem`,
    key: `${dir}/privkey.pem`,
    ...(tls.mode === 'letsencrypt' ? { acmeWebroot: acmeWebroot(names) } : {}),
  };
}

export function hostTlsRun(run: WebRun, names: HostNames): WebRun {
  return {
    ...run,
    servers: run.servers.map((server) =>
      server.tls ? { ...server, tls: hostTls(server.tls, names) } : server,
    ),
  };
}

/** Every HTTPS server's plan on the host. */
export function tlsOf(runs: readonly WebRun[]): PlannedTls[] {
  return runs.flatMap((run) => run.servers.flatMap((server) => (server.tls ? [server.tls] : [])));
}

/** Debian packages HTTPS needs: openssl to make certificates, certbot for Let's Encrypt. */
export function tlsPackages(tls: readonly PlannedTls[]): string[] {
  return [
    ...(tls.some((t) => t.slot) ? ['openssl'] : []),
    ...(tls.some((t) => t.mode === 'letsencrypt') ? ['certbot'] : []),
  ];
}

/** make_certificate on the host: its first argument is the folder, which only root may enter. */
const MAKE_CERTIFICATE = makeCertificateFunction({
  args: ['dir="$1"; days="$2"; shift 2'],
  makeDir: 'install -d -m 0700',
  certificateMode: '0644',
  logPrefix: '',
});

/** install.sh, before nginx -t: the certificates nginx needs to start (made, or checked to exist). */
export function tlsCertificateLines(tls: readonly PlannedTls[], names: HostNames, lang: Lang): string[] {
  if (tls.length === 0) return [];
  const c = SERVER_COMMENTS[lang].tls;
  const lines = shellComments([c.certificates]);
  if (tls.some((t) => t.slot))
    lines.push(
      ...shellComments(c.makeCertificate),
      ...MAKE_CERTIFICATE,
      `install -d -m 0700 ${q(tlsDir(names))}`,
    );
  for (const t of tls) {
    if (t.mode === 'files') {
      lines.push(
        ...shellComments([c.ownFiles(t.domains.join(' '))]),
        ...[t.certificate, t.key].flatMap((file) => [
          `if [ ! -s ${q(file)} ]; then`,
          `  echo ${q(`HTTPS needs ${file}: put your certificate and key there (certFile, keyFile), then run install.sh again`)} >&2`,
          '  exit 1',
          'fi',
        ]),
      );
      continue;
    }
    const dir = `${tlsDir(names)}/${t.slot!}`;
    const args = [dir, String(t.mode === 'letsencrypt' ? STAND_IN_DAYS : SELF_SIGNED_DAYS), ...t.domains];
    lines.push(
      ...shellComments([
        t.mode === 'letsencrypt' ? c.standIn(t.domains.join(' ')) : c.selfSigned(t.domains.join(' ')),
      ]),
      `make_certificate ${args.map(q).join(' ')}`,
    );
  }
  if (tls.some((t) => t.mode === 'letsencrypt'))
    lines.push(
      ...shellComments([c.webroot]),
      `install -d -m 0755 ${q(acmeWebroot(names))}`,
      ...shellComments([c.deployHook]),
      `install -m 0700 "$BUNDLE"/${q(DEPLOY_HOOK_FILE)} ${q(deployHookPath(names))}`,
    );
  lines.push('');
  return lines;
}

/** install.sh, once nginx serves the challenge: certbot obtains each Let's Encrypt certificate. */
export function tlsCertbotLines(tls: readonly PlannedTls[], names: HostNames, lang: Lang): string[] {
  const acme = tls.filter((t) => t.mode === 'letsencrypt' && t.slot);
  if (acme.length === 0) return [];
  const c = SERVER_COMMENTS[lang].tls;
  const lines = [
    ...shellComments(c.certbot(LETSENCRYPT_STAGING)),
    `ACME_SERVER="\${ACME_SERVER:-${LETSENCRYPT_PRODUCTION}}"`,
  ];
  for (const t of acme) {
    const domains = t.domains.flatMap((domain) => ['-d', domain]);
    lines.push(
      `if ! certbot certonly --non-interactive --agree-tos --no-eff-email --keep-until-expiring \\`,
      `  --server "$ACME_SERVER" --email ${q(t.email)} --webroot --webroot-path ${q(acmeWebroot(names))} \\`,
      `  --cert-name ${q(certName(names, t.slot!))} --deploy-hook ${q(deployHookPath(names))} ${domains.map(q).join(' ')}; then`,
      `  echo ${q(`no certificate from Let's Encrypt yet for ${t.domains.join(' ')} (does DNS point here, is port 80 open?): nginx serves the stand-in; run install.sh again to retry`)} >&2`,
      'fi',
    );
  }
  lines.push(...shellComments(c.renewal), 'systemctl enable --now certbot.timer', '');
  return lines;
}

/** The deploy hook: RENEWED_LINEAGE is /etc/letsencrypt/live/<site>-<slot>; copy it into the slot. */
export function renderDeployHook(names: HostNames, lang: Lang): string {
  const prefix = `${names.site}-`;
  return [
    '#!/bin/sh',
    ...shellComments(SERVER_COMMENTS[lang].tls.deployHookHeading),
    'set -eu',
    'lineage="${RENEWED_LINEAGE:?certbot sets RENEWED_LINEAGE}"',
    'name="$(basename "$lineage")"',
    `slot="\${name#${q(prefix)}}"`,
    'if [ "$slot" = "$name" ]; then exit 0; fi',
    `dir=${q(tlsDir(names))}/"$slot"`,
    'install -d -m 0700 "$dir"',
    'install -m 0644 "$lineage/fullchain.pem" "$dir/fullchain.pem.new"',
    'install -m 0600 "$lineage/privkey.pem" "$dir/privkey.pem.new"',
    'mv "$dir/privkey.pem.new" "$dir/privkey.pem"',
    'mv "$dir/fullchain.pem.new" "$dir/fullchain.pem"',
    'systemctl reload nginx',
    '',
  ].join('\n');
}

/** uninstall.sh: the challenge folder always; with --purge the certificates and certbot's copies. */
export function tlsUninstallLines(tls: readonly PlannedTls[], names: HostNames, lang: Lang): string[] {
  const acme = tls.filter((t) => t.mode === 'letsencrypt' && t.slot);
  if (acme.length === 0) return [];
  return [
    ...shellComments([SERVER_COMMENTS[lang].uninstall.letsencrypt]),
    `rm -rf ${q(acmeWebroot(names))}`,
    'if [ "$PURGE" -eq 1 ] && command -v certbot >/dev/null 2>&1; then',
    ...acme.map(
      (t) => `  certbot delete --non-interactive --cert-name ${q(certName(names, t.slot!))} || true`,
    ),
    'fi',
    '',
  ];
}
