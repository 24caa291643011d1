/**
 * The real-tool checks of a `server` bundle: `systemd-analyze verify` on every unit (no output at
 * all), `systemd-analyze security --offline=true` on every service unit (exposure ≤ 2.0),
 * `shellcheck` on install.sh, uninstall.sh and certbot's deploy hook, and `nginx -t` with the site
 * included from Debian's stock nginx.conf (with HTTPS, its certificates made where the site reads them). Each runs inside a mount namespace of its own, so nothing lands on the host.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { shellLine, runSync, tail } from './proc';
import { SERVER_ROOT_CACHE } from './serverSmoke';
import type { CheckResult } from './staticChecks';
import { requireTools } from './tools';
import { certName, DEPLOY_HOOK_FILE } from '../../src/exporters/targets/server/tls';
import { hostNames } from '../../src/exporters/targets/server/names';

/** The exposure `systemd-analyze security` allows a generated service unit. */
export const MAX_EXPOSURE = 2.0;

export interface ServerCheckResults {
  results: CheckResult[];
  /** Each service unit's exposure figure. */
  exposure: Record<string, number>;
}

function result(
  name: string,
  argv: readonly string[],
  status: number,
  output: string,
  ok = status === 0,
): CheckResult {
  return { name, ok, command: shellLine(argv), detail: ok ? '' : tail(output || `exit ${status}`, 30) };
}

/** Absolute ExecStart binaries of a unit: they must exist for verify, so a private /srv holds them. */
function execBinaries(unitText: string): string[] {
  return [...unitText.matchAll(/^ExecStart=(\S+)/gm)]
    .map((match) => match[1]!)
    .filter((path) => path.startsWith('/srv/'));
}

/** `systemd-analyze verify` with each /srv binary linked to a real one in a private /srv. */
function verifyUnits(dir: string, units: string[], texts: Record<string, string>): CheckResult {
  const links = units
    .flatMap((unit) => execBinaries(texts[unit]!))
    .map((path) => {
      const name = path.slice(path.lastIndexOf('/') + 1);
      return `mkdir -p ${shellLine([path.slice(0, path.lastIndexOf('/'))])} && ln -sf /bin/true ${shellLine([`${path}`])} # ${name}`;
    });
  const script = [
    'set -e',
    'mount -t tmpfs tmpfs /srv',
    ...links,
    `cd ${shellLine([join(dir, 'systemd')])}`,
    `systemd-analyze verify ${units.map((unit) => `./${unit}`).join(' ')} 2>&1`,
  ].join('\n');
  const argv = ['unshare', '--mount', '--propagation', 'private', 'sh', '-c', script];
  const run = runSync(argv);
  // No warnings: verify prints nothing at all for a clean unit.
  return result(
    `systemd-analyze verify (${units.length} units)`,
    argv,
    run.status,
    run.output,
    run.status === 0 && run.output === '',
  );
}

function securityOf(dir: string, unit: string): { check: CheckResult; exposure: number | null } {
  const argv = ['systemd-analyze', 'security', '--offline=true', '--no-pager', join(dir, 'systemd', unit)];
  const run = runSync(argv);
  const figure = /Overall exposure level for \S+: ([0-9.]+)/.exec(run.output)?.[1];
  const exposure = figure === undefined ? null : Number(figure);
  const ok = exposure !== null && exposure <= MAX_EXPOSURE;
  return {
    check: result(
      `systemd-analyze security ${unit}: exposure ${exposure ?? '?'} ≤ ${MAX_EXPOSURE}`,
      argv,
      run.status,
      run.output,
      ok,
    ),
    exposure,
  };
}

function shellcheck(dir: string): CheckResult {
  const argv = ['shellcheck', '--shell=bash', join(dir, 'install.sh'), join(dir, 'uninstall.sh')];
  const run = runSync(argv);
  return result('shellcheck install.sh uninstall.sh', argv, run.status, run.output);
}

/**
 * certbot's deploy hook, run as certbot runs it (RENEWED_LINEAGE set, as root) on a lineage of this
 * site's certificate, over a copy-on-write /etc and with a stand-in systemctl that records its
 * arguments: the certificate lands where nginx reads it (the key 0600), nginx is reloaded, and a
 * lineage of another site is left alone.
 */
function deployHookRun(dir: string, files: Record<string, string>, work: string): CheckResult[] {
  const hook = files[DEPLOY_HOOK_FILE];
  if (hook === undefined) return [];
  const names = hostNames((JSON.parse(files['design.json'] ?? '{}') as { name?: string }).name ?? '');
  const site = readdirSync(join(dir, 'nginx'))
    .map((file) => readFileSync(join(dir, 'nginx', file), 'utf8'))
    .join('\n');
  const slot = new RegExp(`ssl_certificate ${names.etc}/tls/([^/]+)/fullchain\\.pem;`).exec(site)?.[1];
  if (!slot) return [result(`${DEPLOY_HOOK_FILE} run`, [], 1, 'no Let’s Encrypt slot in the site', false)];
  const root = join(work, 'deploy-hook');
  rmSync(root, { recursive: true, force: true });
  for (const folder of ['upper', 'work', 'bin', 'live']) mkdirSync(join(root, folder), { recursive: true });
  const lineage = join(root, 'live', certName(names, slot));
  const other = join(root, 'live', 'another-site-1');
  const target = `${names.etc}/tls/${slot}`;
  const sh = (value: string) => shellLine([value]);
  const script = [
    'set -e',
    `mount -t overlay overlay -o ${sh(`lowerdir=/etc,upperdir=${join(root, 'upper')},workdir=${join(root, 'work')}`)} /etc`,
    `printf '#!/bin/sh\\necho "$*" >>%s\\n' ${sh(join(root, 'systemctl.log'))} >${sh(join(root, 'bin', 'systemctl'))}`,
    `chmod +x ${sh(join(root, 'bin', 'systemctl'))}`,
    ...[lineage, other].map(
      (folder) =>
        `mkdir -p ${sh(folder)} && openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=localhost -keyout ${sh(`${folder}/privkey.pem`)} -out ${sh(`${folder}/fullchain.pem`)} 2>/dev/null`,
    ),
    `RENEWED_LINEAGE=${sh(lineage)} PATH=${sh(join(root, 'bin'))}:"$PATH" sh ${sh(join(dir, DEPLOY_HOOK_FILE))}`,
    `cmp ${sh(`${lineage}/fullchain.pem`)} ${sh(`${target}/fullchain.pem`)}`,
    `cmp ${sh(`${lineage}/privkey.pem`)} ${sh(`${target}/privkey.pem`)}`,
    `test "$(stat -c %a ${sh(`${target}/privkey.pem`)})" = 600`,
    `test "$(stat -c %a ${sh(target)})" = 700`,
    `test "$(cat ${sh(join(root, 'systemctl.log'))})" = 'reload nginx'`,
    `RENEWED_LINEAGE=${sh(other)} PATH=${sh(join(root, 'bin'))}:"$PATH" sh ${sh(join(dir, DEPLOY_HOOK_FILE))}`,
    `test ! -e ${sh(`${names.etc}/tls/1`)} && test ! -e ${sh(`${names.etc}/tls/another-site-1`)}`,
    `test "$(wc -l <${sh(join(root, 'systemctl.log'))})" = 1`,
  ].join('\n');
  const argv = ['unshare', '--mount', '--propagation', 'private', 'sh', '-c', script];
  const run = runSync(argv);
  return [
    result(
      `${DEPLOY_HOOK_FILE} run on a renewed lineage: certificate in ${target} (key 0600), nginx reloaded; another site's lineage left alone`,
      argv,
      run.status,
      run.output,
    ),
  ];
}

/** The deploy hook certbot runs (POSIX sh, like Debian's /bin/sh). */
function shellcheckHook(dir: string): CheckResult[] {
  const hook = join(dir, DEPLOY_HOOK_FILE);
  if (!existsSync(hook)) return [];
  const argv = ['shellcheck', '--shell=sh', hook];
  const run = runSync(argv);
  return [result(`shellcheck ${DEPLOY_HOOK_FILE}`, argv, run.status, run.output)];
}

/**
 * With HTTPS, nginx -t loads each certificate and key: make them where the site reads them (a
 * self-signed pair, as install.sh makes), over a copy-on-write layer of their top folder, so the
 * host's own /etc or /srv is untouched.
 */
function certificatesInPlace(siteText: string, work: string): string[] {
  const pairs = [...siteText.matchAll(/^\s*ssl_certificate (\S+);\n\s*ssl_certificate_key (\S+);/gm)].map(
    (match) => ({ certificate: match[1]!, key: match[2]! }),
  );
  if (pairs.length === 0) return [];
  const tops = [...new Set(pairs.flatMap(({ certificate, key }) => [certificate, key]).map(topFolder))];
  const layers = tops.flatMap((top, index) => {
    const upper = join(work, `tls-layer-${index}`);
    rmSync(upper, { recursive: true, force: true });
    mkdirSync(join(upper, 'upper'), { recursive: true });
    mkdirSync(join(upper, 'work'), { recursive: true });
    return [
      `mount -t overlay overlay -o ${shellLine([`lowerdir=${top},upperdir=${join(upper, 'upper')},workdir=${join(upper, 'work')}`])} ${shellLine([top])}`,
    ];
  });
  const certificates = pairs.flatMap(({ certificate, key }) => [
    `mkdir -p ${shellLine([dirOf(certificate)])} ${shellLine([dirOf(key)])}`,
    `openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -sha256 -days 1 -subj /CN=localhost -keyout ${shellLine([key])} -out ${shellLine([certificate])} 2>/dev/null`,
  ]);
  return [...layers, ...certificates];
}

const topFolder = (path: string): string => `/${path.split('/')[1]}`;
const dirOf = (path: string): string => path.slice(0, path.lastIndexOf('/'));

/** nginx -t with Debian's stock /etc/nginx (the cached root's, else this machine's) and only this site enabled. */
function nginxTest(dir: string, work: string, site: string): CheckResult {
  const etc = join(work, 'etc-nginx');
  rmSync(etc, { recursive: true, force: true });
  const stock = existsSync(join(SERVER_ROOT_CACHE, 'etc/nginx/nginx.conf'))
    ? join(SERVER_ROOT_CACHE, 'etc/nginx')
    : '/etc/nginx';
  cpSync(stock, etc, { recursive: true, dereference: false, verbatimSymlinks: true });
  rmSync(join(etc, 'sites-enabled'), { recursive: true, force: true });
  mkdirSync(join(etc, 'sites-enabled'));
  cpSync(join(dir, 'nginx', site), join(etc, 'sites-available', site));
  symlinkSync(`/etc/nginx/sites-available/${site}`, join(etc, 'sites-enabled', site));
  const script = [
    'set -e',
    ...certificatesInPlace(readFileSync(join(dir, 'nginx', site), 'utf8'), work),
    `mount --bind ${shellLine([etc])} /etc/nginx`,
    'mount -t tmpfs tmpfs /var/log/nginx',
    'mount -t tmpfs tmpfs /var/lib/nginx',
    'mount -t tmpfs tmpfs /run',
    'nginx -t 2>&1',
  ].join('\n');
  const argv = ['unshare', '--mount', '--propagation', 'private', 'sh', '-c', script];
  const run = runSync(argv);
  return result(
    `nginx -t with sites-enabled/${site} in Debian's stock nginx.conf`,
    argv,
    run.status,
    run.output,
  );
}

/** Every check of one written server bundle (its folder `dir`; `work` is scratch space). */
export function checkServerBundle(
  dir: string,
  files: Record<string, string>,
  work: string,
): ServerCheckResults {
  requireTools(['systemd-analyze', 'shellcheck', 'nginx', 'unshare', 'openssl']);
  mkdirSync(work, { recursive: true });
  const units = readdirSync(join(dir, 'systemd')).sort();
  const texts = Object.fromEntries(units.map((unit) => [unit, files[`systemd/${unit}`] ?? '']));
  const results: CheckResult[] = [verifyUnits(dir, units, texts)];
  const exposure: Record<string, number> = {};
  for (const unit of units.filter((name) => name.endsWith('.service'))) {
    const security = securityOf(dir, unit);
    results.push(security.check);
    if (security.exposure !== null) exposure[unit] = security.exposure;
  }
  results.push(shellcheck(dir), ...shellcheckHook(dir), ...deployHookRun(dir, files, work));
  for (const site of readdirSync(join(dir, 'nginx'))) results.push(nginxTest(dir, work, site));
  writeFileSync(join(work, 'exposure.json'), `${JSON.stringify(exposure, null, 2)}\n`);
  return { results, exposure };
}
