import type { Design } from '../model/design';
import { serializeDesign } from '../model/serialize';
import { plan } from './plan';
import type { DeploymentPlan } from './planTypes';
import {
  renderCompose,
  renderDockerignore,
  renderPythonDockerfile,
  renderWebDockerfile,
} from './render/docker';
import { renderFrontend } from './render/frontend';
import { renderNginxConf } from './render/nginxConf';
import {
  renderFlaskApp,
  renderGunicornConf,
  renderHealthCheck,
  renderPackageInit,
  renderRequirements,
  renderUwsgiIni,
  renderWsgiEntry,
} from './render/python';
import { renderReadme } from './render/readme';
import { renderEnvExample, renderMakefile, renderSmokeScript } from './render/scripts';

/** Every file of the bundle, keyed by its path inside the bundle folder (sorted). Pure and deterministic. */
export function generate(design: Design): Record<string, string> {
  return renderPlan(design, plan(design));
}

/**
 * generate() for live views (the preview while a value is being typed): never throws. When a value is
 * refused, the only file is a README saying which one, so nothing unchecked is ever shown as config.
 */
export function generatePreview(design: Design): Record<string, string> {
  try {
    return generate(design);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      'README.md': `# The bundle cannot be generated yet\n\n${message.replace(/[\r\n]/g, ' ')}\n\nFix the value (the problems panel names it) and the files appear again.\n`,
    };
  }
}

export function renderPlan(design: Design, deployment: DeploymentPlan): Record<string, string> {
  // Path and text pairs, sorted once at the end (cheaper than sorting the keys of a 2,000-key object).
  const files: [string, string][] = [
    ['README.md', renderReadme(design, deployment)],
    ['docker-compose.yml', renderCompose(deployment, design.name)],
    ['.env.example', renderEnvExample()],
    ['Makefile', renderMakefile(deployment)],
    ['design.json', serializeDesign(design)],
    ['scripts/smoke.sh', renderSmokeScript(deployment)],
  ];
  for (const service of deployment.services) {
    const dir = service.buildDir;
    files.push([`${dir}/.dockerignore`, renderDockerignore(service)]);
    if (service.runs.kind === 'nginx') {
      files.push([`${dir}/Dockerfile`, renderWebDockerfile(service)]);
      files.push([`${dir}/nginx.conf`, renderNginxConf(service.runs)]);
      if (service.buildStage)
        for (const [path, text] of Object.entries(renderFrontend(deployment, service, design.name)))
          files.push([`${dir}/frontend/${path}`, text]);
      continue;
    }
    const run = service.runs;
    const process = run.process;
    files.push([`${dir}/Dockerfile`, renderPythonDockerfile(service)]);
    files.push([`${dir}/requirements.txt`, renderRequirements(process)]);
    files.push([`${dir}/health-check.py`, renderHealthCheck(service, run)]);
    if (process.kind === 'gunicorn')
      files.push([`${dir}/gunicorn.conf.py`, renderGunicornConf(process, process.node)]);
    if (process.kind === 'uwsgi')
      files.push([`${dir}/uwsgi.ini`, renderUwsgiIni(process, run.apps[0]!, service.workdir)]);
    for (const pkg of run.packages)
      files.push([`${dir}/${pkg}`, renderPackageInit(pkg.slice(0, pkg.lastIndexOf('/')))]);
    const entryIsApp = run.apps.some((app) => app.file === run.entryFile);
    for (const app of run.apps)
      files.push([`${dir}/${app.file}`, renderFlaskApp(app, app.file === run.entryFile)]);
    if (process.kind !== 'flask-dev' && !entryIsApp)
      files.push([`${dir}/${run.entryFile}`, renderWsgiEntry(run.apps[0]!)]);
  }
  files.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // A path written twice keeps its last text, as assignment to an object would (the sort is stable).
  const sorted: Record<string, string> = { unused: '' };
  // A deleted key turns the object into a hash table at once (V8): adding 2,000 paths to it is then
  // ~5x cheaper than walking a new hidden class per key first. Key order is insertion order either way.
  delete sorted.unused;
  for (const [path, text] of files) sorted[path] = text;
  return sorted;
}
