import { matchingPass } from '../model/connections';
import type { Design, DesignEdge, DesignNode, NodeOfKind } from '../model/design';
import { checkContainerName, checkRoute, printableText } from '../model/fields';
import { groupPush } from '../model/group';
import { KINDS, type PropSpec } from '../nodes/registry';
import { bundleFolderName } from './folder';
import { compareText, sortShort } from './order';
import type {
  DeploymentPlan,
  Listener,
  PlannedApp,
  PlannedLocation,
  PlannedNginxServer,
  PlannedService,
  PlannedVolume,
  Probe,
  PythonProcess,
  UpstreamAddress,
} from './planTypes';

/** Where nginx serves static builds from (as in the official image). */
export const HTML_ROOT = '/usr/share/nginx/html';
/** Folder names at the bundle root that a container folder must not take. */
const RESERVED_DIRS = new Set(['scripts', 'design.json', 'docker-compose.yml', 'readme.md', 'makefile']);
/** Top-level module names that would shadow what the app imports (or the standard library). */
const SHADOWING_MODULES = new Set(
  'flask werkzeug jinja2 itsdangerous click markupsafe blinker gunicorn uwsgi os sys json sqlite3 secrets logging socket http urllib email multiprocessing typing re io time types abc collections functools threading select signal'.split(
    ' ',
  ),
);
const WORKDIR_CANDIDATES = ['/app', '/srv/app', '/opt/app', '/home/app/src'];
export const SMOKE_ITEM = 'stacksketch-smoke-item';

type ServerNode = NodeOfKind<'gunicorn'> | NodeOfKind<'uwsgi'>;
type FlaskNode = NodeOfKind<'flask'>;
type ProxyTargetKind = Extract<PlannedLocation, { kind: 'proxy' }>['target'];

/** The API prefix an app serves behind nginx route R: R + "api/", or R itself when it already ends in /api/. */
export function apiBaseFor(route: string): string {
  const withSlash = route.endsWith('/') ? route : `${route}/`;
  return withSlash.endsWith('/api/') ? withSlash : `${withSlash}api/`;
}

/** The URL prefix of a static build served on route R (always ending in "/"). */
export function staticBaseFor(route: string): string {
  return route.endsWith('/') ? route : `${route}/`;
}

function dirname(path: string): string {
  const index = path.lastIndexOf('/');
  return index <= 0 ? '/' : path.slice(0, index);
}

interface Graph {
  byId: Map<string, DesignNode>;
  out: Map<string, DesignEdge[]>;
  inc: Map<string, DesignEdge[]>;
}

function buildGraph(design: Design): Graph {
  const byId = new Map<string, DesignNode>();
  const nodes = design.nodes;
  for (let i = 0; i < nodes.length; i++) byId.set(nodes[i]!.id, nodes[i]!);
  const out = new Map<string, DesignEdge[]>();
  const inc = new Map<string, DesignEdge[]>();
  const edges = design.edges;
  for (let i = 0; i < edges.length; i++) {
    const edge = edges[i]!;
    if (!byId.has(edge.source) || !byId.has(edge.target)) continue;
    groupPush(out, edge.source, edge);
    groupPush(inc, edge.target, edge);
  }
  return { byId, out, inc };
}

function targetsOfKind<K extends DesignNode['kind']>(graph: Graph, id: string, kind: K): NodeOfKind<K>[] {
  const result: NodeOfKind<K>[] = [];
  const edges = graph.out.get(id);
  if (!edges) return result;
  for (let i = 0; i < edges.length; i++) {
    const node = graph.byId.get(edges[i]!.target);
    if (node && node.kind === kind) result.push(node as NodeOfKind<K>);
  }
  return result;
}

function isServer(node: DesignNode): node is ServerNode {
  return node.kind === 'gunicorn' || node.kind === 'uwsgi';
}

/** A Flask app runs the dev server when no WSGI server imports it. */
function servedByServer(graph: Graph, flask: FlaskNode): boolean {
  const edges = graph.inc.get(flask.id);
  if (!edges) return false;
  for (let i = 0; i < edges.length; i++) {
    const source = graph.byId.get(edges[i]!.source);
    if (source !== undefined && isServer(source)) return true;
  }
  return false;
}

class Names {
  private used = new Set<string>();
  constructor(initial: Iterable<string> = []) {
    for (const name of initial) this.used.add(name);
  }
  take(wanted: string): string {
    let name = wanted;
    for (let n = 2; this.used.has(name); n++) name = `${wanted}-${n}`;
    this.used.add(name);
    return name;
  }
}

/** Plan a python service: its one process, the app(s) it imports, where their files go. */
interface PythonDraft {
  service: string;
  container: string;
  process: PythonProcess;
  apps: { flask: FlaskNode | null; database: string | null; databases: string[] }[];
  nodes: string[];
}

/** Per kind, the props with a field check (descriptors are fixed, so worked out once). */
const technicalPropsOf = new WeakMap<Record<string, PropSpec>, [string, PropSpec][]>();

function technicalProps(specs: Record<string, PropSpec>): [string, PropSpec][] {
  let props = technicalPropsOf.get(specs);
  // Display labels are escaped where they appear; technical values must be valid.
  if (!props)
    technicalPropsOf.set(
      specs,
      (props = Object.entries(specs).filter(([, spec]) => spec.rule && spec.rule.id !== 'invalid-label')),
    );
  return props;
}

/**
 * Every technical value of the design passes its field validator before anything is planned, so no
 * unchecked value can reach a file (the serializers check again as they write).
 */
export function assertWritableValues(design: Design): void {
  const refuse = (where: string, value: unknown, problem: string): never => {
    throw new Error(
      `${where}: refusing ${typeof value === 'string' ? JSON.stringify(printableText(value)) : String(value)}: ${problem}`,
    );
  };
  const nodes = design.nodes;
  for (let n = 0; n < nodes.length; n++) {
    const node = nodes[n]!;
    if (node.container !== undefined) {
      const problem = checkContainerName(node.container);
      if (problem)
        refuse(`node ${JSON.stringify(printableText(node.id))} container`, node.container, problem);
    }
    const props = node.props as unknown as Record<string, unknown>;
    const checked = technicalProps(KINDS[node.kind].props as Record<string, PropSpec>);
    for (let p = 0; p < checked.length; p++) {
      const name = checked[p]![0];
      const spec = checked[p]![1];
      const problem = (spec.rule!.check as (value: unknown) => string | null)(props[name]);
      if (problem)
        refuse(`${node.kind} ${JSON.stringify(printableText(node.id))} ${name}`, props[name], problem);
    }
  }
  const edges = design.edges;
  for (let e = 0; e < edges.length; e++) {
    const edge = edges[e]!;
    if (edge.props.route === undefined) continue;
    const problem = checkRoute(edge.props.route);
    if (problem) refuse(`edge ${JSON.stringify(printableText(edge.id))} route`, edge.props.route, problem);
  }
}

export function plan(design: Design): DeploymentPlan {
  assertWritableValues(design);
  const graph = buildGraph(design);
  const warnings: string[] = [];
  const containers = new Map<string, DesignNode[]>();
  for (let n = 0; n < design.nodes.length; n++) {
    const node = design.nodes[n]!;
    if (node.kind === 'client' || node.container === undefined) continue;
    groupPush(containers, node.container, node);
  }

  const serviceNames = new Names(containers.keys());
  const serviceOf = new Map<string, string>();
  const webDrafts: {
    service: string;
    nginx: NodeOfKind<'nginx'>[];
    statics: NodeOfKind<'react-static'>[];
  }[] = [];
  const pythonDrafts: PythonDraft[] = [];

  // Index loops and one pass per container: plan runs once per generate, mostly before V8 optimises
  // it, where for...of, filter chains and spreads allocate per step.
  const containerNames = [...containers.keys()];
  for (let c = 0; c < containerNames.length; c++) {
    const container = containerNames[c]!;
    const nodes = containers.get(container)!;
    const nginx: NodeOfKind<'nginx'>[] = [];
    const statics: NodeOfKind<'react-static'>[] = [];
    const servers: ServerNode[] = [];
    const devApps: FlaskNode[] = [];
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      if (node.kind === 'nginx') nginx.push(node);
      else if (node.kind === 'react-static') statics.push(node);
      else if (isServer(node)) servers.push(node);
      else if (node.kind === 'flask' && !servedByServer(graph, node)) devApps.push(node);
    }
    if (nginx.length > 0) {
      webDrafts.push({ service: container, nginx, statics });
      for (let i = 0; i < nginx.length; i++) serviceOf.set(nginx[i]!.id, container);
      for (let i = 0; i < statics.length; i++) serviceOf.set(statics[i]!.id, container);
    } else if (statics.length > 0) {
      warnings.push(
        `Container "${container}" holds a React build but no nginx to serve it; the build is not part of the bundle.`,
      );
    }
    const processes: PythonProcess[] = [];
    for (let i = 0; i < servers.length; i++) processes.push(serverProcess(servers[i]!));
    for (let i = 0; i < devApps.length; i++) {
      const app = devApps[i]!;
      processes.push({ kind: 'flask-dev', node: app.id, port: app.props.port });
    }
    if (processes.length === 0) {
      if (nginx.length === 0 && statics.length === 0)
        warnings.push(`Container "${container}" runs no server or app, so it has no service in the bundle.`);
      continue;
    }
    // One process per Compose service: a second server in the same container gets a service of its own.
    const firstService = nginx.length > 0 ? serviceNames.take(`${container}-app`) : container;
    if (nginx.length > 0)
      warnings.push(
        `Container "${container}" holds nginx and a Python server; they run as two services, "${container}" and "${firstService}".`,
      );
    const service = firstService;
    for (let index = 0; index < processes.length; index++) {
      const process = processes[index]!;
      const name = index === 0 ? firstService : serviceNames.take(`${container}-${index + 1}`);
      if (index > 0)
        warnings.push(
          `Container "${container}" runs more than one server; "${process.node}" runs as its own service "${name}" (a container runs one main process). Databases they share sit on one named volume.`,
        );
      const draft = pythonDraft(graph, container, name, process, warnings);
      pythonDrafts.push(draft);
      for (let i = 0; i < draft.nodes.length; i++) {
        const id = draft.nodes[i]!;
        if (!serviceOf.has(id)) serviceOf.set(id, name);
      }
    }
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      if (node.kind === 'sqlite' && !serviceOf.has(node.id)) serviceOf.set(node.id, service);
    }
  }

  const volumes: PlannedVolume[] = [];
  const volumeNames = new Names();
  const services: PlannedService[] = [];
  const dirNames = new Names(RESERVED_DIRS);
  const mountsOf = new Map<string, { volume: string; target: string }[]>();
  const addMount = (service: string, volume: string, target: string) => {
    const list = mountsOf.get(service);
    if (!list) mountsOf.set(service, [{ volume, target }]);
    else if (!list.some((mount) => mount.target === target)) list.push({ volume, target });
  };

  // SQLite: a named volume at each database file's folder, so the data outlives the container
  // (services split from one container share it, as they shared the folder).
  const dataVolumes = new Map<string, string>();
  const dataVolumeCount = new Map<string, number>();
  for (let di = 0; di < pythonDrafts.length; di++) {
    const draft = pythonDrafts[di]!;
    const dirs: string[] = [];
    for (let a = 0; a < draft.apps.length; a++) {
      const databases = draft.apps[a]!.databases;
      for (let b = 0; b < databases.length; b++) {
        const dir = dirname(databases[b]!);
        if (!dirs.includes(dir)) dirs.push(dir);
      }
    }
    for (let di = 0; di < dirs.length; di++) {
      const dir = dirs[di]!;
      if (dir === '/' || SYSTEM_DIRS.has(dir)) {
        warnings.push(
          `The SQLite file in "${dir}" cannot get its own volume (a system folder); its data is lost when the container is recreated. Use a folder like /data.`,
        );
        continue;
      }
      const key = `${draft.container}\u0000${dir}`;
      let name = dataVolumes.get(key);
      if (!name) {
        const existing = dataVolumeCount.get(draft.container) ?? 0;
        dataVolumeCount.set(draft.container, existing + 1);
        name = volumeNames.take(`${draft.service}-data${existing === 0 ? '' : `-${existing + 1}`}`);
        dataVolumes.set(key, name);
        volumes.push({ name, purpose: 'sqlite' });
      }
      addMount(draft.service, name, dir);
    }
  }

  // Unix sockets that nginx in another service uses: a shared volume at the socket's folder.
  const socketVolumes = new Map<string, string>();
  const socketVolume = (serverService: string, container: string, path: string): string | null => {
    const dir = dirname(path);
    if (dir === '/' || SYSTEM_DIRS.has(dir)) {
      warnings.push(
        `The unix socket "${path}" sits in a system folder that cannot be shared as a volume; nginx in another container cannot reach it. Use a folder like /run/app.`,
      );
      return null;
    }
    // A folder that already has a volume (the SQLite data, say) shares that one.
    const mounted = mountsOf.get(serverService)?.find((mount) => mount.target === dir);
    if (mounted) return mounted.volume;
    const key = `${container}\u0000${dir}`;
    let name = socketVolumes.get(key);
    if (!name) {
      name = volumeNames.take(`${serverService}-socket`);
      socketVolumes.set(key, name);
      volumes.push({ name, purpose: 'socket' });
    }
    addMount(serverService, name, dir);
    return name;
  };

  // nginx services: one server block per nginx node, one location per outgoing edge.
  const draftByNode = new Map<string, PythonDraft>();
  for (let i = 0; i < pythonDrafts.length; i++)
    draftByNode.set(pythonDrafts[i]!.process.node, pythonDrafts[i]!);
  const upstreamNames = new Names();
  const upstreamByAddress = new Map<string, string>();
  const webServices: {
    draft: (typeof webDrafts)[number];
    servers: PlannedNginxServer[];
    deps: Set<string>;
  }[] = [];
  for (let di = 0; di < webDrafts.length; di++) {
    const draft = webDrafts[di]!;
    const deps = new Set<string>();
    const servers: PlannedNginxServer[] = draft.nginx.map((node) => {
      const edges = sortShort((graph.out.get(node.id) ?? []).slice(), (a, b) =>
        compare(a.props.route ?? '/', b.props.route ?? '/'),
      );
      const locations: PlannedLocation[] = [];
      for (let ei = 0; ei < edges.length; ei++) {
        const edge = edges[ei]!;
        const target = graph.byId.get(edge.target)!;
        const route = edge.props.route ?? '/';
        if (target.kind === 'react-static') {
          if (target.container !== node.container) {
            warnings.push(
              `nginx "${node.id}" cannot serve React build "${target.id}" from another container.`,
            );
            continue;
          }
          const base = staticBaseFor(route);
          locations.push({
            kind: 'static',
            edge: edge.id,
            route,
            base,
            root: HTML_ROOT,
            spaFallback: target.props.spaFallback,
            node: target.id,
          });
          continue;
        }
        const proxied = proxyTarget(target, edge);
        if (!proxied) continue;
        const targetService = serviceOf.get(proxied.node);
        if (!targetService || !draftByNode.has(proxied.node)) {
          warnings.push(`nginx "${node.id}" points at "${target.id}", which runs nowhere in the bundle.`);
          continue;
        }
        let address: UpstreamAddress;
        if (proxied.listener.kind === 'unix') {
          const volume = socketVolume(
            targetService,
            draftByNode.get(proxied.node)!.container,
            proxied.listener.path,
          );
          if (volume) addMount(draft.service, volume, dirname(proxied.listener.path));
          address = { kind: 'unix', path: proxied.listener.path };
        } else address = { kind: 'tcp', host: targetService, port: proxied.listener.port };
        const key = address.kind === 'unix' ? `unix:${address.path}` : `${address.host}:${address.port}`;
        let upstream = upstreamByAddress.get(key);
        if (!upstream) {
          const label =
            address.kind === 'unix' ? `${targetService}_socket` : `${address.host}_${address.port}`;
          upstream = upstreamNames.take(label.replace(/[^a-z0-9_]/g, '_'));
          upstreamByAddress.set(key, upstream);
        }
        deps.add(targetService);
        locations.push({
          kind: 'proxy',
          edge: edge.id,
          route,
          pass: proxied.pass,
          upstream,
          address,
          node: proxied.node,
          target: proxied.target,
        });
      }
      return {
        node: node.id,
        listen: node.props.listen,
        serverName: node.props.serverName,
        gzip: node.props.gzip,
        clientMaxBodySize: node.props.clientMaxBodySize,
        locations,
      };
    });
    webServices.push({ draft, servers, deps });
  }

  // Where each app is reached: nginx routes (and clients wired straight to a server, a forced error).
  const basesOf = new Map<string, string[]>();
  const addBase = (processNode: string, base: string) => {
    const list = basesOf.get(processNode) ?? [];
    if (!list.includes(base)) list.push(base);
    basesOf.set(processNode, list);
  };
  for (let w = 0; w < webServices.length; w++) {
    const servers = webServices[w]!.servers;
    for (let s = 0; s < servers.length; s++) {
      const locations = servers[s]!.locations;
      for (let l = 0; l < locations.length; l++) {
        const location = locations[l]!;
        if (location.kind === 'proxy') addBase(location.node, apiBaseFor(location.route));
      }
    }
  }

  const clientFacing = new Map<string, DesignNode>();
  for (let ei = 0; ei < design.edges.length; ei++) {
    const edge = design.edges[ei]!;
    const source = graph.byId.get(edge.source);
    const target = graph.byId.get(edge.target);
    if (source?.kind === 'client' && target && target.kind !== 'nginx' && target.kind !== 'client')
      clientFacing.set(target.id, target);
  }

  // Python services.
  for (let di = 0; di < pythonDrafts.length; di++) {
    const draft = pythonDrafts[di]!;
    const processNode = draft.process.node;
    const bases = basesOf.get(processNode) ?? [];
    if (bases.length === 0 || clientFacing.has(processNode)) {
      if (!bases.includes('/api/')) bases.push('/api/');
    }
    const workdir = pickWorkdir(mountsOf.get(draft.service) ?? []);
    const buildDir = dirNames.take(draft.service);
    const layout = moduleLayout(draft.apps.map((app) => app.flask?.props.module ?? 'app'));
    const apps: PlannedApp[] = draft.apps.map((app, index) => {
      const module = app.flask?.props.module ?? 'app';
      return {
        node: app.flask?.id ?? `${processNode}-app`,
        module,
        callable: app.flask?.props.callable ?? 'app',
        apiBases: bases,
        database: app.database,
        file: layout.files[index]!,
        synthesized: app.flask === null,
      };
    });
    const firstModule = apps[0]!.module;
    const dot = firstModule.indexOf('.');
    const topModule = dot < 0 ? firstModule : firstModule.slice(0, dot);
    if (SHADOWING_MODULES.has(topModule))
      warnings.push(
        `The module name "${apps[0]!.module}" shadows the Python package "${topModule}" the app needs; rename it (for example to ${topModule}_app).`,
      );
    const listens: Listener[] = [processListener(draft.process)];
    const process = draft.process;
    const published: { host: number; container: number }[] = [];
    if (clientFacing.has(processNode) && listens[0]!.kind === 'tcp')
      published.push({ host: listens[0]!.port, container: listens[0]!.port });
    const configFile =
      process.kind === 'gunicorn' ? 'gunicorn.conf.py' : process.kind === 'uwsgi' ? 'uwsgi.ini' : null;
    // The files the image copies, each once (lists of a handful: includes, not a Set).
    const files = ['requirements.txt', 'health-check.py'];
    const addFile = (file: string) => {
      if (!files.includes(file)) files.push(file);
    };
    if (configFile) addFile(configFile);
    if (process.kind !== 'flask-dev') addFile(layout.entryFile);
    for (let i = 0; i < layout.packages.length; i++) addFile(layout.packages[i]!);
    for (let i = 0; i < apps.length; i++) addFile(apps[i]!.file);
    sortShort(files, compareText);
    services.push({
      name: draft.service,
      image: 'python',
      buildDir,
      command: pythonCommand(process, apps[0]!),
      workdir,
      user: 'app',
      copies: files.map((file) => ({ from: `${buildDir}/${file}`, to: `${workdir}/${file}` })),
      mounts: mountsOf.get(draft.service) ?? [],
      published,
      listens,
      env: { PYTHONUNBUFFERED: '1', SECRET_KEY: '' },
      dependsOn: [],
      nodes: draft.nodes,
      runs: {
        kind: 'python',
        process,
        apps,
        packages: layout.packages,
        entryFile: layout.entryFile,
      },
    });
  }

  for (let wi = 0; wi < webServices.length; wi++) {
    const web = webServices[wi]!;
    const buildDir = dirNames.take(web.draft.service);
    const staticLocations: Extract<PlannedLocation, { kind: 'static' }>[] = [];
    for (let s = 0; s < web.servers.length; s++) {
      const locations = web.servers[s]!.locations;
      for (let l = 0; l < locations.length; l++) {
        const location = locations[l]!;
        if (location.kind === 'static') staticLocations.push(location);
      }
    }
    const firstStatic = staticLocations[0];
    const ports = uniquePorts(web.servers.map((server) => server.listen));
    const nodeIds: string[] = [];
    for (let i = 0; i < web.draft.nginx.length; i++) nodeIds.push(web.draft.nginx[i]!.id);
    for (let i = 0; i < web.draft.statics.length; i++) nodeIds.push(web.draft.statics[i]!.id);
    const service: PlannedService = {
      name: web.draft.service,
      image: 'nginx',
      buildDir,
      command: ['nginx', '-g', 'daemon off;'],
      workdir: '/',
      user: 'nginx',
      copies: [{ from: `${buildDir}/nginx.conf`, to: '/etc/nginx/nginx.conf' }],
      mounts: mountsOf.get(web.draft.service) ?? [],
      published: ports.map((port) => ({ host: port, container: port })),
      listens: ports.map((port) => ({ kind: 'tcp' as const, port })),
      env: {},
      dependsOn: sortShort([...web.deps], compareText),
      nodes: nodeIds,
      runs: { kind: 'nginx', servers: web.servers },
    };
    if (firstStatic) {
      service.buildStage = {
        dir: `${buildDir}/frontend`,
        commands: [
          ['npm', 'install', '--no-audit', '--no-fund'],
          ['npm', 'run', 'build'],
        ],
        output: 'dist',
        to: staticDir(firstStatic.base),
      };
      const others = new Set(staticLocations.map((location) => location.node));
      if (others.size > 1)
        warnings.push(
          `nginx container "${web.draft.service}" serves more than one React build; the bundle builds only "${firstStatic.node}".`,
        );
    }
    services.push(service);
  }
  services.sort((a, b) => compare(a.name, b.name));
  volumes.sort((a, b) => compare(a.name, b.name));

  const { entryPort, probes } = planProbes(design, graph, services);
  for (let n = 0; n < design.nodes.length; n++) {
    const node = design.nodes[n]!;
    if (node.kind === 'flask' && !servedByServer(graph, node) && serviceOf.has(node.id))
      warnings.push(
        `Flask app "${node.id}" runs on the Werkzeug development server: it is single-purpose, unhardened and slow under load. Put Gunicorn or uWSGI in front of it before real users arrive.`,
      );
  }
  for (let ei = 0; ei < design.edges.length; ei++) {
    const edge = design.edges[ei]!;
    const source = graph.byId.get(edge.source);
    const target = graph.byId.get(edge.target);
    if (source?.kind === 'nginx' && target?.kind === 'uwsgi') {
      const pass = edge.props.pass ?? matchingPass(target.props.protocol);
      if (pass === 'uwsgi_pass' && target.props.protocol === 'http')
        warnings.push(
          `nginx "${source.id}" uses uwsgi_pass, but uWSGI "${target.id}" listens with http-socket: every request through it answers 502 Bad Gateway. Switch uWSGI to socket (protocol uwsgi).`,
        );
      if (pass === 'proxy_pass' && target.props.protocol === 'uwsgi')
        warnings.push(
          `nginx "${source.id}" uses proxy_pass (HTTP), but uWSGI "${target.id}" speaks the binary uwsgi protocol on its socket: requests fail with 502. Use uwsgi_pass, or switch uWSGI to http-socket.`,
        );
    }
    if (source?.kind === 'client' && target && target.kind !== 'nginx')
      warnings.push(
        `The client reaches "${target.id}" directly, with no nginx in front: slow clients can tie up every worker, and nothing buffers, compresses or serves static files.`,
      );
  }

  return { folder: bundleFolderName(design.name), services, volumes, entryPort, probes, warnings };
}

const SYSTEM_DIRS = new Set([
  '/bin',
  '/boot',
  '/dev',
  '/etc',
  '/lib',
  '/lib64',
  '/proc',
  '/root',
  '/sbin',
  '/sys',
  '/usr',
  '/var',
  '/usr/local',
  '/usr/lib',
  '/usr/bin',
]);

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function uniquePorts(ports: number[]): number[] {
  return sortShort([...new Set(ports)], (a, b) => a - b);
}

function staticDir(base: string): string {
  return base === '/' ? HTML_ROOT : `${HTML_ROOT}${base.slice(0, -1)}`;
}

function serverProcess(server: ServerNode): PythonProcess {
  const bind: Listener =
    server.props.transport === 'unix'
      ? { kind: 'unix', path: server.props.socketPath }
      : { kind: 'tcp', port: server.props.port };
  if (server.kind === 'gunicorn')
    return {
      kind: 'gunicorn',
      node: server.id,
      bind,
      workers: server.props.workers,
      threads: server.props.threads,
      timeout: server.props.timeout,
    };
  return {
    kind: 'uwsgi',
    node: server.id,
    protocol: server.props.protocol,
    bind,
    processes: server.props.processes,
    threads: server.props.threads,
  };
}

function processListener(process: PythonProcess): Listener {
  return process.kind === 'flask-dev' ? { kind: 'tcp', port: process.port } : process.bind;
}

function pythonDraft(
  graph: Graph,
  container: string,
  service: string,
  process: PythonProcess,
  warnings: string[],
): PythonDraft {
  const processNode = graph.byId.get(process.node)!;
  let flasks: FlaskNode[];
  if (processNode.kind === 'flask') flasks = [processNode];
  else {
    flasks = targetsOfKind(graph, processNode.id, 'flask');
    if (flasks.length === 0)
      warnings.push(
        `${processNode.kind === 'gunicorn' ? 'Gunicorn' : 'uWSGI'} "${processNode.id}" serves no Flask app; the bundle adds a default app (module app, callable app) so it starts.`,
      );
    if (flasks.length > 1) {
      warnings.push(
        `Server "${processNode.id}" imports more than one Flask app; a WSGI server runs exactly one, so the bundle uses "${flasks[0]!.id}".`,
      );
      flasks = [flasks[0]!];
    }
    for (const flask of flasks)
      if (flask.container !== container)
        warnings.push(
          `Flask app "${flask.id}" is in container "${flask.container}", but its server "${processNode.id}" runs in "${container}": a WSGI server imports the app in-process, so the bundle puts the app's code next to the server.`,
        );
  }
  const apps = (flasks.length > 0 ? flasks : [null]).map((flask) => {
    const databases = flask ? targetsOfKind(graph, flask.id, 'sqlite').map((db) => db.props.file) : [];
    if (databases.length > 1)
      warnings.push(
        `Flask app "${flask!.id}" opens several SQLite files; the items endpoint uses the first, ${databases[0]}.`,
      );
    return { flask, database: databases[0] ?? null, databases };
  });
  const nodes = [process.node];
  for (const app of apps) {
    if (app.flask && !nodes.includes(app.flask.id)) nodes.push(app.flask.id);
    if (app.flask)
      for (const db of targetsOfKind(graph, app.flask.id, 'sqlite'))
        if (!nodes.includes(db.id)) nodes.push(db.id);
  }
  return { service, container, process, apps, nodes };
}

/** Which node nginx really talks to on an edge, with which directive and listener. */
function proxyTarget(
  target: DesignNode,
  edge: DesignEdge,
): { node: string; pass: 'proxy_pass' | 'uwsgi_pass'; listener: Listener; target: ProxyTargetKind } | null {
  if (target.kind === 'gunicorn') {
    const p = serverProcess(target);
    return { node: target.id, pass: 'proxy_pass', listener: processListener(p), target: 'gunicorn' };
  }
  if (target.kind === 'uwsgi') {
    const p = serverProcess(target);
    const pass = edge.props.pass ?? matchingPass(target.props.protocol);
    return {
      node: target.id,
      pass,
      listener: processListener(p),
      target: target.props.protocol === 'uwsgi' ? 'uwsgi-socket' : 'uwsgi-http',
    };
  }
  if (target.kind === 'flask')
    return {
      node: target.id,
      pass: 'proxy_pass',
      listener: { kind: 'tcp', port: target.props.port },
      target: 'flask-dev',
    };
  return null;
}

function pythonCommand(process: PythonProcess, app: PlannedApp): string[] {
  switch (process.kind) {
    case 'gunicorn':
      return ['gunicorn', '--config', 'gunicorn.conf.py', 'wsgi:app'];
    case 'uwsgi':
      return ['uwsgi', '--ini', 'uwsgi.ini'];
    case 'flask-dev':
      return [
        'flask',
        '--app',
        `${app.module}:${app.callable}`,
        'run',
        '--host',
        '0.0.0.0',
        '--port',
        String(process.port),
      ];
  }
}

/** The first of /app, /srv/app, ... that no volume covers (a volume over the code would hide it). */
function pickWorkdir(mounts: { target: string }[]): string {
  return (
    WORKDIR_CANDIDATES.find(
      (dir) =>
        !mounts.some(
          (mount) =>
            mount.target === dir || dir.startsWith(`${mount.target}/`) || mount.target.startsWith(`${dir}/`),
        ),
    ) ?? '/stacksketch-app'
  );
}

/**
 * Files for module paths: `shop.api` → shop/__init__.py + shop/api.py; a module that is also a
 * package of another (shop and shop.api) becomes shop/__init__.py.
 */
export function moduleLayout(modules: string[]): { files: string[]; packages: string[]; entryFile: string } {
  // The usual case, one top-level module: no packages, so no sets or splitting.
  if (modules.length === 1 && !modules[0]!.includes('.'))
    return { files: [`${modules[0]}.py`], packages: [], entryFile: 'wsgi.py' };
  const all = new Set(modules);
  const packageDirs = new Set<string>();
  for (const module of all) {
    const parts = module.split('.');
    for (let i = 1; i < parts.length; i++) packageDirs.add(parts.slice(0, i).join('/'));
  }
  const fileOf = (module: string) => {
    const path = module.split('.').join('/');
    return packageDirs.has(path) ? `${path}/__init__.py` : `${path}.py`;
  };
  const files = modules.map(fileOf);
  const appFiles = new Set(files);
  const packages = sortShort(
    [...packageDirs].map((dir) => `${dir}/__init__.py`).filter((file) => !appFiles.has(file)),
    compareText,
  );
  const entryFile = packageDirs.has('wsgi') ? 'wsgi/__init__.py' : 'wsgi.py';
  return { files, packages, entryFile };
}

function planProbes(
  design: Design,
  graph: Graph,
  services: PlannedService[],
): { entryPort: number | null; probes: Probe[] } {
  const clientTargets: DesignNode[] = [];
  for (const edge of design.edges) {
    const source = graph.byId.get(edge.source);
    const target = graph.byId.get(edge.target);
    if (source?.kind === 'client' && target) clientTargets.push(target);
  }
  const entryNginx =
    clientTargets.find((node) => node.kind === 'nginx') ?? design.nodes.find((node) => node.kind === 'nginx');
  const probes: Probe[] = [];
  const appProbes = (apps: PlannedApp[], bases: string[], label: string) => {
    for (const app of apps) {
      for (const base of bases) {
        const suffix = label ? ` (${label})` : '';
        probes.push({
          hop: `api health${suffix}`,
          method: 'GET',
          path: `${base}health`,
          expectStatus: 200,
          expectBody: '"ok"',
        });
        if (app.database) {
          probes.push({
            hop: `create item${suffix}`,
            method: 'POST',
            path: `${base}items`,
            body: JSON.stringify({ name: SMOKE_ITEM }),
            expectStatus: 201,
            expectBody: SMOKE_ITEM,
          });
          probes.push({
            hop: `list items${suffix}`,
            method: 'GET',
            path: `${base}items`,
            expectStatus: 200,
            expectBody: SMOKE_ITEM,
          });
        }
      }
    }
  };
  // Looked up for the entry's few routes only: a search, not a map of every service.
  const pythonServiceOf = (processNode: string) =>
    services.find((service) => service.runs.kind === 'python' && service.runs.process.node === processNode);

  if (entryNginx && entryNginx.kind === 'nginx') {
    const web = services.find(
      (service) =>
        service.runs.kind === 'nginx' && service.runs.servers.some((s) => s.node === entryNginx.id),
    );
    const server =
      web && web.runs.kind === 'nginx' ? web.runs.servers.find((s) => s.node === entryNginx.id) : undefined;
    if (!server) return { entryPort: null, probes };
    for (const location of server.locations)
      if (location.kind === 'static')
        probes.push({
          hop: 'page',
          method: 'GET',
          path: location.base,
          expectStatus: 200,
          expectBody: '<div id="root">',
        });
    const proxies = server.locations.filter((location) => location.kind === 'proxy');
    const many = proxies.length > 1;
    for (const location of proxies) {
      const service = pythonServiceOf(location.node);
      if (!service || service.runs.kind !== 'python') continue;
      appProbes(service.runs.apps, [apiBaseFor(location.route)], many ? location.route : '');
    }
    return { entryPort: server.listen, probes };
  }
  // No nginx: a client wired straight to a server (a forced error); probe it on its published port.
  for (const target of clientTargets) {
    const service = pythonServiceOf(target.id);
    if (!service || service.runs.kind !== 'python' || service.published.length === 0) continue;
    appProbes(service.runs.apps, ['/api/'], '');
    return { entryPort: service.published[0]!.host, probes };
  }
  return { entryPort: null, probes };
}
