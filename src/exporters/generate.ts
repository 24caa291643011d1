import type { Design } from '../model/design';
import { serializeDesign } from '../model/serialize';
import { plan } from './plan';
import { compareText, sortShort } from './order';
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

type FileEntry = [path: string, text: string];

/**
 * Files that sort together: a top-level file alone (key = its path), or everything under one folder
 * (key = "folder/"). Sorting the groups by key, then each group, gives the same order as sorting
 * every path (a folder key ends in its only "/", so no key but an equal one is a prefix of a folder
 * key), with far fewer comparisons than one sort of 2,000 paths.
 */
interface FileGroup {
  key: string;
  files: FileEntry[];
}

/**
 * "dir/file", the same string object for the same folder and file: a path that has already been a
 * key is flat and hashed, so sorting and storing 2,000 of them does not re-flatten and re-hash each
 * new concatenation. Paths are tiny; the bound only keeps a long session from growing.
 */
const pathsByDir = new Map<string, Map<string, string>>();

function pathIn(dir: string, file: string): string {
  let paths = pathsByDir.get(dir);
  if (!paths) {
    if (pathsByDir.size >= 5_000) pathsByDir.clear();
    pathsByDir.set(dir, (paths = new Map()));
  }
  let path = paths.get(file);
  if (path === undefined) paths.set(file, (path = `${dir}/${file}`));
  return path;
}

function topLevel(path: string, text: string): FileGroup {
  const slash = path.indexOf('/');
  return { key: slash < 0 ? path : path.slice(0, slash + 1), files: [[path, text]] };
}

export function renderPlan(design: Design, deployment: DeploymentPlan): Record<string, string> {
  const groups: FileGroup[] = [
    topLevel('README.md', renderReadme(design, deployment)),
    topLevel('docker-compose.yml', renderCompose(deployment, design.name)),
    topLevel('.env.example', renderEnvExample()),
    topLevel('Makefile', renderMakefile(deployment)),
    topLevel('design.json', serializeDesign(design)),
    topLevel('scripts/smoke.sh', renderSmokeScript(deployment)),
  ];
  for (const service of deployment.services) {
    const dir = service.buildDir;
    const files: FileEntry[] = [];
    groups.push({ key: pathIn(dir, ''), files });
    files.push([pathIn(dir, '.dockerignore'), renderDockerignore(service)]);
    if (service.runs.kind === 'nginx') {
      files.push([pathIn(dir, 'Dockerfile'), renderWebDockerfile(service)]);
      files.push([pathIn(dir, 'nginx.conf'), renderNginxConf(service.runs)]);
      if (service.buildStage)
        for (const [path, text] of Object.entries(renderFrontend(deployment, service, design.name)))
          files.push([pathIn(dir, `frontend/${path}`), text]);
      continue;
    }
    const run = service.runs;
    const process = run.process;
    files.push([pathIn(dir, 'Dockerfile'), renderPythonDockerfile(service)]);
    files.push([pathIn(dir, 'requirements.txt'), renderRequirements(process)]);
    files.push([pathIn(dir, 'health-check.py'), renderHealthCheck(service, run)]);
    if (process.kind === 'gunicorn')
      files.push([pathIn(dir, 'gunicorn.conf.py'), renderGunicornConf(process, process.node)]);
    if (process.kind === 'uwsgi')
      files.push([pathIn(dir, 'uwsgi.ini'), renderUwsgiIni(process, run.apps[0]!, service.workdir)]);
    for (const pkg of run.packages)
      files.push([pathIn(dir, pkg), renderPackageInit(pkg.slice(0, pkg.lastIndexOf('/')))]);
    const entryIsApp = run.apps.some((app) => app.file === run.entryFile);
    for (const app of run.apps)
      files.push([pathIn(dir, app.file), renderFlaskApp(app, app.file === run.entryFile)]);
    if (process.kind !== 'flask-dev' && !entryIsApp)
      files.push([pathIn(dir, run.entryFile), renderWsgiEntry(run.apps[0]!)]);
  }
  return sortedFiles(groups);
}

/** The files as one object with the paths in sorted order (a path written twice keeps its last text). */
function sortedFiles(groups: FileGroup[]): Record<string, string> {
  groups.sort((a, b) => compareText(a.key, b.key));
  const byPath = (a: FileEntry, b: FileEntry) => compareText(a[0], b[0]);
  for (let i = 1; i < groups.length; i++)
    if (groups[i]!.key === groups[i - 1]!.key) {
      // Two groups under one key (never planned, but possible in principle): one sort of everything.
      const all = groups.flatMap((group) => group.files).sort(byPath);
      groups = [{ key: '', files: all }];
      break;
    }
  const sorted: Record<string, string> = { unused: '' };
  // A deleted key turns the object into a hash table at once (V8): adding 2,000 paths to it is then
  // ~5x cheaper than walking a new hidden class per key first. Key order is insertion order either way.
  delete sorted.unused;
  // Index loops: this runs once per generate, usually before V8 optimises it, and for...of would
  // allocate an iterator result per file there.
  for (let g = 0; g < groups.length; g++) {
    const files = sortShort(groups[g]!.files, byPath);
    for (let f = 0; f < files.length; f++) sorted[files[f]![0]] = files[f]![1];
  }
  return sorted;
}
