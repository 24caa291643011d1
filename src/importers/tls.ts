/**
 * HTTPS: where a server's certificate comes from, read from the shell scripts that make or obtain
 * it (a bundle's tls-init.sh, certbot-run.sh and install.sh, or a team's own), and which TLS
 * settings of an nginx server are the ones the design writes itself. Nothing is run: scripts are
 * split into words line by line.
 */
import { splitShellWords } from './commands';
import { HSTS_MAX_AGE, STAPLING_DIRECTIVES, TLS_DIRECTIVES } from '../exporters/render/tlsSettings';
import type { NginxDirective } from './nginx';
import type { SourceFile } from './types';

/** One certificate a script makes or obtains. */
export interface CertificateStep {
  /** `make_certificate` (a self-signed certificate, or a stand-in until certbot has one) or certbot. */
  kind: 'self-signed' | 'certbot';
  /** The folder the certificate lands in (fullchain.pem, privkey.pem); null when the script does not say. */
  dir: string | null;
  /** The names on the certificate (certbot's `-d`). */
  domains: string[];
  /** certbot's account address, as written (null when it is not a literal). */
  email: string | null;
  /** certbot's `--cert-name`: its own folder is /etc/letsencrypt/live/<name>/. */
  certName: string | null;
  file: string;
  line: number;
}

/** Lines joined where they end in a backslash, each with the number of its first line. */
function logicalLines(text: string): { text: string; line: number }[] {
  const lines: { text: string; line: number }[] = [];
  let pending: { text: string; line: number } | null = null;
  text.split('\n').forEach((raw, index) => {
    const current: { text: string; line: number } = pending
      ? { text: `${pending.text} ${raw}`, line: pending.line }
      : { text: raw, line: index + 1 };
    if (/\\\s*$/.test(raw)) pending = { ...current, text: current.text.replace(/\\\s*$/, '') };
    else {
      pending = null;
      lines.push(current);
    }
  });
  if (pending) lines.push(pending);
  return lines;
}

const literal = (word: string | undefined): string | null =>
  word === undefined || word.includes('$') || word === '' ? null : word;

/** `certbot certonly …` (or `certbot run …`): its literal email, names and certificate name. */
function certbotCommand(words: string[]): Omit<CertificateStep, 'kind' | 'dir' | 'file' | 'line'> | null {
  const at = words.findIndex((word) => /(^|\/)certbot$/.test(word));
  if (at < 0 || !['certonly', 'run'].includes(words[at + 1] ?? '')) return null;
  const domains: string[] = [];
  let email: string | null = null;
  let certName: string | null = null;
  const args = words.slice(at + 2).map((word) => word.replace(/;$/, ''));
  args.forEach((word, index) => {
    const [flag, inline] = word.startsWith('--') && word.includes('=') ? word.split(/=(.*)/s) : [word];
    const value = inline ?? args[index + 1];
    if (flag === '-d' || flag === '--domains' || flag === '--domain')
      for (const name of (value ?? '').split(',')) if (literal(name)) domains.push(name);
    if (flag === '-m' || flag === '--email') email = literal(value);
    if (flag === '--cert-name') certName = literal(value);
  });
  return domains.length > 0 ? { domains, email, certName } : null;
}

/**
 * The certificates a shell script makes or obtains: `make_certificate DIR|SLOT DAYS NAME…` (a slot
 * is a folder under the script's `TLS_DIR`), `obtain SLOT EMAIL NAME…` of a script whose `obtain`
 * runs certbot (its deploy step installs into `TLS_DIR/SLOT`), and literal `certbot certonly` lines.
 */
export function certificateSteps(file: SourceFile): CertificateStep[] {
  const steps: CertificateStep[] = [];
  let tlsDir: string | null = null;
  const obtainRunsCertbot = /^\s*obtain\s*\(\)/m.test(file.text) && /\bcertbot\s+certonly\b/.test(file.text);
  const inTlsDir = (slot: string): string | null =>
    slot.startsWith('/') ? slot : tlsDir ? `${tlsDir}/${slot}` : null;
  for (const { text, line } of logicalLines(file.text)) {
    if (/^\s*#/.test(text)) continue;
    const words = splitShellWords(text);
    const assignment = /^TLS_DIR=(\S+)$/.exec(words[0] ?? '');
    if (assignment && words.length === 1) tlsDir = literal(assignment[1]);
    const [command, first, second, ...rest] = words;
    if (command === 'make_certificate' && literal(first) && second !== undefined) {
      const dir = inTlsDir(first!);
      if (dir)
        steps.push({
          kind: 'self-signed',
          dir,
          domains: rest,
          email: null,
          certName: null,
          file: file.path,
          line,
        });
    } else if (command === 'obtain' && obtainRunsCertbot && literal(first) && second !== undefined) {
      steps.push({
        kind: 'certbot',
        dir: inTlsDir(first!),
        domains: rest,
        email: literal(second),
        certName: first!,
        file: file.path,
        line,
      });
    } else {
      const certbot = certbotCommand(words);
      if (certbot) steps.push({ kind: 'certbot', dir: null, ...certbot, file: file.path, line });
    }
  }
  return steps;
}

/** Where certbot keeps the certificates it manages itself (`certbot --nginx`, `certbot certonly`). */
export const LETSENCRYPT_LIVE = /^\/etc\/letsencrypt\/live\/([^/]+)\/[^/]+$/;

const argsText = (table: Readonly<Record<string, readonly string[]>>) =>
  Object.fromEntries(Object.entries(table).map(([name, args]) => [name, args.join(' ')]));

/**
 * The TLS settings the design writes in every HTTPS server, read back as the design's own and not
 * reported; `http2 on;` is the newer spelling of the `http2` listen parameter the design writes.
 * Stapling is written for the user's own certificate files only.
 */
const DESIGN_TLS_SETTINGS: Record<string, string> = { ...argsText(TLS_DIRECTIVES), http2: 'on' };
const DESIGN_STAPLING: Record<string, string> = argsText(STAPLING_DIRECTIVES);

/** The HSTS header the design sends. */
export const DESIGN_HSTS = HSTS_MAX_AGE;

/** How a TLS setting of an imported server compares with what the design writes. */
export type TlsSettingVerdict =
  { kind: 'own' } | { kind: 'differs'; expected: string } | { kind: 'not-modelled' };

export function judgeTlsSetting(d: NginxDirective, stapling: boolean): TlsSettingVerdict {
  const written = { ...DESIGN_TLS_SETTINGS, ...(stapling ? DESIGN_STAPLING : {}) };
  const expected = written[d.name];
  if (expected === undefined) return { kind: 'not-modelled' };
  return d.args.join(' ') === expected ? { kind: 'own' } : { kind: 'differs', expected };
}
