/**
 * The server bundle's README, in every language: what runs where on the host, the install steps with
 * why each is there, HTTPS, and how to look at and remove it. Its sections, their order, the facts
 * each shows, its tables and commands are written here once; the words come from the language's text
 * (readme.en.ts, readme.ko.ts).
 */
import type { Design } from '../../../model/design';
import type { Lang } from '../../../i18n';
import { appPart } from '../../../nodes/planParts';
import type { PlannedTls } from '../../planTypes';
import {
  bullet,
  codeBlock,
  codeSpan as code,
  escapeMarkdown,
  numbered,
  openingLines,
  warningSection,
} from '../../render/markdown';
import type { HostPlan } from './hostPlan';
import type { HostNames } from './names';
import { serverReadmeEn, type ServerReadmeText } from './readme.en';
import { serverReadmeKo } from './readme.ko';
import { acmeWebroot, certName, deployHookPath, tlsOf } from './tls';
import { serviceUnitName } from './units';

const README_TEXT: Record<Lang, ServerReadmeText> = { en: serverReadmeEn, ko: serverReadmeKo };

function serviceRows(host: HostPlan, text: ServerReadmeText): string[] {
  return host.python.map((entry) => {
    const bind = entry.run.process.bind;
    const where =
      bind.kind === 'unix' ? text.unixSocket({ path: bind.path }) : code(`127.0.0.1:${bind.port}`);
    const ports = entry.copyPorts;
    const listens =
      ports.length > 1
        ? text.copies({
            where,
            replicas: entry.replicas,
            first: `127.0.0.1:${ports[0]}`,
            last: String(ports.at(-1)),
          })
        : where;
    return `| ${code(serviceUnitName(entry))} | ${code(entry.names.codeDir)} | ${listens} |`;
  });
}

function installSteps(host: HostPlan, text: ServerReadmeText): string[] {
  const { names } = host;
  const words = text.install;
  const project = host.python.some((entry) => appPart(entry.run.apps[0]!.kind).project);
  return [
    `## ${text.headings.install}`,
    '',
    ...codeBlock('sh', [
      `sudo ./install.sh                    # ${words.fromPypi}`,
      `sudo ./install.sh --system-packages  # ${words.systemPackages}`,
    ]),
    '',
    words.stepsIntro,
    '',
    ...numbered([
      words.refuses,
      words.packages,
      words.user,
      [...words.copiesApp({ srv: names.srv }), ...(project ? words.projectSetup : [])],
      words.react,
      words.units,
      words.site({ conf: `sites-available/${names.site}.conf` }),
      words.nginxTest,
    ]),
    '',
    words.again,
    '',
  ];
}

/** The HTTPS section: where each certificate comes from; nothing when no server has HTTPS. */
function httpsSection(tls: readonly PlannedTls[], names: HostNames, text: ServerReadmeText): string[] {
  if (tls.length === 0) return [];
  const words = text.https;
  const lines = [`## ${text.headings.https}`, ''];
  for (const t of tls) {
    const where = words.where({ domains: t.domains.map(code).join(', '), port: t.port });
    if (t.mode === 'self-signed')
      lines.push(...bullet(words.selfSigned({ where, certificate: t.certificate })));
    else if (t.mode === 'files')
      lines.push(...bullet(words.files({ where, certificate: t.certificate, key: t.key })));
    else
      lines.push(
        ...bullet(
          words.letsencrypt({
            where,
            webroot: acmeWebroot(names),
            certName: certName(names, t.slot!),
            email: t.email,
          }),
        ),
        ...bullet(words.renewal({ deployHook: deployHookPath(names), certificate: t.certificate })),
      );
  }
  if (tls.some((t) => t.redirectHttp)) lines.push(`- ${words.redirect}`);
  if (tls.some((t) => t.hsts)) lines.push(`- ${words.hsts}`);
  lines.push('');
  return lines;
}

/** `systemctl status` and `journalctl` of every python service (all copies of a replicated one). */
function lookAtIt(host: HostPlan): string[] {
  const units = host.python.map((entry) =>
    entry.replicas > 1 ? `'${entry.names.unit}@*'` : entry.names.unit,
  );
  return codeBlock('sh', [
    ...units.map((unit) => `systemctl status ${unit}`),
    ...units.map((unit) => `journalctl -u ${unit} -f`),
  ]);
}

/** The README in the bundle's language; `warnings` are already in that language. */
export function renderServerReadme(
  design: Design,
  host: HostPlan,
  warnings: readonly string[],
  lang: Lang = 'en',
): string {
  const text = README_TEXT[lang];
  const { names } = host;
  return [
    ...openingLines(
      text.title({ name: escapeMarkdown(design.name) }),
      text.intro,
      text.headings.whatRunsWhere,
      text.unitColumns,
    ),
    ...serviceRows(host, text),
    `| ${text.nginxUnit} | ${code(`/etc/nginx/sites-available/${names.site}.conf`)} | ${text.nginxListens} |`,
    '',
    ...text.layout({
      stateDir: `/var/lib/${names.site}/`,
      www: names.www,
      envFile: names.envFile,
      user: names.user,
    }),
    '',
    ...warningSection(text.headings.warnings, warnings),
    ...installSteps(host, text),
    ...httpsSection(tlsOf(host.web.map((web) => web.run)), names, text),
    `## ${text.headings.lookAtIt}`,
    '',
    ...lookAtIt(host),
    '',
    `## ${text.headings.uninstall}`,
    '',
    ...codeBlock('sh', [
      `sudo ./uninstall.sh          # ${text.uninstall.keep}`,
      `sudo ./uninstall.sh --purge  # ${text.uninstall.purge}`,
    ]),
    '',
  ].join('\n');
}
