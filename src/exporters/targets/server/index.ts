/**
 * The `server` target: every container of the design on one Debian/Ubuntu host with systemd. The
 * app code and server configs are the compose target's, rendered with the host's paths; nginx gets
 * a site file for sites-available/ (with HTTPS: certificates made or obtained on the host, see
 * tls.ts); each app server a hardened systemd unit; install.sh and uninstall.sh do the setup.
 */
import { SERVER_COMMENTS } from './comments';
import { serializeDesign } from '../../../model/serialize';
import { compareText } from '../../order';
import { HTML_ROOT } from '../../plan/routes';
import { renderNginxSite } from '../../render/nginxConf';
import { renderFrontend } from '../../render/frontend';
import { pythonCodeFiles } from '../shared';
import type { FileEntry, Lang, RenderInput } from '../types';
import { COPIES_DIR, copyRun, hostPlan, type HostPythonService } from './hostPlan';
import { wsgiServerPart } from '../../../nodes/planParts';
import { renderServerReadme } from './readme';
import { renderInstallScript, renderUninstallScript } from './scripts';
import { unitFiles } from './units';
import { DEPLOY_HOOK_FILE, renderDeployHook, tlsOf } from './tls';

/** A service's code; with copies, the server's config once per copy (its own port) under copies/<k>/. */
function hostCodeFiles(entry: HostPythonService, lang: Lang): FileEntry[] {
  const shared = pythonCodeFiles(entry.service, entry.run, lang);
  if (entry.copyPorts.length <= 1 || entry.run.process.role !== 'wsgi-server') return shared;
  const config = wsgiServerPart(entry.run.process.kind).configFile;
  const perCopy = entry.copyPorts.flatMap((_, index) =>
    pythonCodeFiles(entry.service, copyRun(entry, index + 1), lang)
      .filter(([path]) => path === config)
      .map(([path, text]): FileEntry => [`${COPIES_DIR}/${index + 1}/${path}`, text]),
  );
  return [...shared.filter(([path]) => path !== config), ...perCopy];
}

export function renderServerBundle({ design, plan, warnings, lang }: RenderInput): Record<string, string> {
  const host = hostPlan(design, plan);
  const files: FileEntry[] = [
    ['README.md', renderServerReadme(design, host, warnings, lang)],
    ['design.json', serializeDesign(design)],
  ];
  const codeFiles = new Map<string, string[]>();
  for (const entry of host.python) {
    const code = hostCodeFiles(entry, lang).map(([path, text]): FileEntry => [
      `${entry.service.buildDir}/${path}`,
      text,
    ]);
    codeFiles.set(entry.service.buildDir, code.map(([path]) => path).sort(compareText));
    files.push(...code);
  }
  files.push(...unitFiles(host.python, host.names, lang));
  let frontend: { dir: string; to: string } | null = null;
  const ports = new Set<number>();
  for (const { service, run } of host.web) {
    for (const server of run.servers) {
      ports.add(server.listen);
      if (server.tls) ports.add(server.tls.port);
    }
    const stage = service.buildStage;
    if (stage && !frontend) {
      const withItems = new Set(
        host.python
          .filter((entry) => entry.run.apps.some((app) => app.database))
          .map((e) => e.run.process.node),
      );
      const proxied = [
        ...new Set(run.servers.flatMap((server) => server.locations.map((l) => l.node))),
      ].filter((node) => withItems.has(node));
      for (const [path, text] of Object.entries(renderFrontend(service, design.name, proxied, lang)))
        files.push([`${stage.dir}/${path}`, text]);
      frontend = { dir: stage.dir, to: `${host.names.www}${stage.to.slice(HTML_ROOT.length)}` };
    }
  }
  // One host runs one nginx: every proxy container's server blocks go into the site's one file.
  if (host.web.length > 0) {
    const servers = host.web.flatMap((web) => web.run.servers);
    files.push([
      `nginx/${host.names.site}.conf`,
      renderNginxSite({ kind: 'web', servers }, SERVER_COMMENTS[lang].siteHeading, lang),
    ]);
  }
  if (tlsOf(host.web.map((web) => web.run)).some((tls) => tls.mode === 'letsencrypt'))
    files.push([DEPLOY_HOOK_FILE, renderDeployHook(host.names, lang)]);
  const sortedPorts = [...ports].sort((a, b) => a - b);
  files.push(['install.sh', renderInstallScript({ host, codeFiles, frontend, ports: sortedPorts, lang })]);
  files.push(['uninstall.sh', renderUninstallScript(host, lang)]);
  files.sort((a, b) => compareText(a[0], b[0]));
  return Object.fromEntries(files);
}
