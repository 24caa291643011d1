/** Each planner step alone, on small designs loaded the way files are. */
import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../../model/templates';
import { VARIETY, load } from '../testing/designs';
import { planContainers, containersOf } from './containers';
import { Names, buildGraph, calleesWithRole, dirname, servedByServer } from './graph';
import { apiBasesByProcess, clientFacingNodes } from './index';
import { moduleLayout, pickWorkdir } from './layout';
import { planNginxServers, proxyTarget } from './nginx';
import { planProbes } from './probes';
import { devServerProcess, pythonDraft, serverProcess } from './processes';
import { planPythonService } from './python';
import { apiBaseFor, staticBaseFor, staticDir } from './routes';
import { assertWritableValues } from './values';
import { planDataVolumes, Volumes } from './volumes';
import { planWebService } from './web';

const stack = () => loadTemplate('react-nginx-gunicorn');

function nginxStep(design = stack()) {
  const graph = buildGraph(design);
  const containers = planContainers(design, graph);
  const volumes = planDataVolumes(containers.pythonDrafts);
  const notes: string[] = [];
  const draftByNode = new Map(containers.pythonDrafts.map((draft) => [draft.process.node, draft]));
  const web = planNginxServers(containers.webDrafts, {
    graph,
    serviceOf: containers.serviceOf,
    draftByNode,
    volumes,
    notes,
  });
  return { graph, containers, volumes, notes, web };
}

describe('graph', () => {
  it('indexes nodes and edges, leaving out edges to missing nodes', () => {
    const design = stack();
    const dangling = {
      ...design,
      edges: [...design.edges, { id: 'x', source: 'nope', target: design.nodes[0]!.id, props: {} }],
    };
    const graph = buildGraph(dangling);
    expect(graph.byId.size).toBe(design.nodes.length);
    expect([...graph.out.values()].flat()).toHaveLength(design.edges.length);
  });

  it('finds callees by role and whether a WSGI server imports an app', () => {
    const design = loadTemplate('gunicorn-flask-sqlite');
    const graph = buildGraph(design);
    const server = design.nodes.find((node) => node.kind === 'gunicorn')!;
    const [app] = calleesWithRole(graph, server.id, 'app');
    expect(app?.kind).toBe('flask');
    expect(servedByServer(graph, app!)).toBe(true);
    const dev = loadTemplate('flask-dev-server');
    const devApp = dev.nodes.find((node) => node.kind === 'flask')!;
    expect(servedByServer(buildGraph(dev), devApp)).toBe(false);
  });

  it('hands out unique names and folder names', () => {
    const names = new Names(['app']);
    expect([names.take('app'), names.take('app'), names.take('web')]).toEqual(['app-2', 'app-3', 'web']);
    expect([dirname('/data/app.db'), dirname('/app.db')]).toEqual(['/data', '/']);
  });
});

describe('values', () => {
  it('refuses a technical value that fails its field check, naming it', () => {
    const design = stack();
    const nodes = design.nodes.map((node) =>
      node.kind === 'nginx' ? { ...node, props: { ...node.props, serverName: 'bad name;' } } : node,
    );
    expect(() => assertWritableValues({ ...design, nodes } as typeof design)).toThrow(/serverName/);
    expect(() => assertWritableValues(design)).not.toThrow();
  });
});

describe('routes and layout', () => {
  it('puts the API under the route, and static builds at their base', () => {
    expect([apiBaseFor('/'), apiBaseFor('/shop'), apiBaseFor('/api/')]).toEqual([
      '/api/',
      '/shop/api/',
      '/api/',
    ]);
    expect([staticBaseFor('/app'), staticDir('/'), staticDir('/app/')]).toEqual([
      '/app/',
      '/usr/share/nginx/html',
      '/usr/share/nginx/html/app',
    ]);
  });

  it('lays out module files and packages, and keeps the code out of volumes', () => {
    expect(moduleLayout(['app'])).toEqual({ files: ['app.py'], packages: [], entryFile: 'wsgi.py' });
    expect(moduleLayout(['shop.api', 'shop'])).toEqual({
      files: ['shop/api.py', 'shop/__init__.py'],
      packages: [],
      entryFile: 'wsgi.py',
    });
    expect(moduleLayout(['wsgi.app']).entryFile).toBe('wsgi/__init__.py');
    expect(pickWorkdir([{ target: '/data' }])).toBe('/app');
    expect(pickWorkdir([{ target: '/app/run' }])).toBe('/srv/app');
  });
});

describe('containers and processes', () => {
  it('makes a web service of the proxies and one python service per process', () => {
    const design = stack();
    const plan = planContainers(design, buildGraph(design));
    expect(plan.webDrafts.map((draft) => draft.service)).toEqual(['web']);
    expect(plan.pythonDrafts.map((draft) => [draft.service, draft.process.role])).toEqual([
      ['app', 'wsgi-server'],
    ]);
    expect([...containersOf(design).keys()].sort()).toEqual(['app', 'web']);
  });

  it('splits a container with two servers into two services, with a note', () => {
    const design = load(VARIETY['two-servers-one-container']!);
    const plan = planContainers(design, buildGraph(design));
    expect(plan.pythonDrafts.map((draft) => draft.service)).toEqual(['backend', 'backend-2']);
    expect(plan.notes.join(' ')).toMatch(/own service "backend-2"/);
  });

  it('describes a server process through its kind, and an app on its dev server', () => {
    const design = loadTemplate('uwsgi-unix-socket');
    const uwsgi = design.nodes.find((node) => node.kind === 'uwsgi')!;
    expect(serverProcess(uwsgi)).toMatchObject({ role: 'wsgi-server', kind: 'uwsgi', protocol: 'uwsgi' });
    const flask = loadTemplate('flask-dev-server').nodes.find((node) => node.kind === 'flask')!;
    expect(devServerProcess(flask)).toMatchObject({
      role: 'dev-server',
      protocol: 'http',
      bind: { kind: 'tcp' },
    });
  });

  it('gives a server its app and that app its databases', () => {
    const design = loadTemplate('gunicorn-flask-sqlite');
    const graph = buildGraph(design);
    const server = design.nodes.find((node) => node.kind === 'gunicorn')!;
    const draft = pythonDraft(graph, 'app', 'app', serverProcess(server));
    expect(draft.apps).toHaveLength(1);
    expect(draft.apps[0]!.database).toBe('/data/app.db');
    expect(draft.nodes).toHaveLength(3);
  });
});

describe('volumes', () => {
  it('puts each database folder on a named data volume, once per container', () => {
    const design = loadTemplate('gunicorn-flask-sqlite');
    const volumes = planDataVolumes(planContainers(design, buildGraph(design)).pythonDrafts);
    expect(volumes.list).toEqual([{ name: 'app-data', purpose: 'data' }]);
    expect(volumes.mountsOf('app')).toEqual([{ volume: 'app-data', target: '/data' }]);
  });

  it('shares a socket folder through one volume, and refuses a system folder', () => {
    const volumes = new Volumes();
    expect(volumes.socketVolume('app', 'app', '/run/app/g.sock')).toBe('app-socket');
    expect(volumes.socketVolume('app', 'app', '/run/app/g.sock')).toBe('app-socket');
    expect(volumes.socketVolume('app', 'app', '/etc/g.sock')).toBeNull();
    expect(volumes.notes).toHaveLength(1);
  });
});

describe('nginx servers', () => {
  it('plans one server block per proxy with a static and a proxy location', () => {
    const { web } = nginxStep();
    const [server] = web[0]!.servers;
    expect(server!.locations.map((location) => location.kind).sort()).toEqual(['proxy', 'static']);
    expect(web[0]!.dependsOn).toEqual(new Set(['app']));
  });

  it('shares a unix socket through a volume both services mount', () => {
    const { web, volumes } = nginxStep(loadTemplate('uwsgi-unix-socket'));
    const proxy = web[0]!.servers[0]!.locations.find((location) => location.kind === 'proxy')!;
    expect(proxy).toMatchObject({ pass: 'uwsgi_pass', address: { kind: 'unix' }, role: 'wsgi-server' });
    expect(volumes.mountsOf('web')).toEqual([{ volume: 'app-socket', target: '/run/uwsgi' }]);
    expect(volumes.mountsOf('app')).toContainEqual(volumes.mountsOf('web')[0]);
  });

  it('proxies to an app on its dev server with proxy_pass', () => {
    const design = loadTemplate('flask-dev-server');
    const flask = design.nodes.find((node) => node.kind === 'flask')!;
    const edge = design.edges.find((candidate) => candidate.target === flask.id)!;
    expect(proxyTarget(flask, edge)).toMatchObject({ pass: 'proxy_pass', role: 'dev-server' });
  });
});

describe('services and probes', () => {
  it('plans the python and web services from their inputs', () => {
    const design = stack();
    const { graph, containers, volumes, web } = nginxStep(design);
    const draft = containers.pythonDrafts[0]!;
    const bases = apiBasesByProcess(web);
    const inputs = {
      processNode: graph.byId.get(draft.process.node)!,
      draft,
      bases: bases.get(draft.process.node) ?? [],
      clientFacing: clientFacingNodes(design, graph).has(draft.process.node),
      mounts: volumes.mountsOf(draft.service),
      buildDir: 'app',
      frontDoors: [],
    };
    const { service } = planPythonService(inputs);
    expect(service).toMatchObject({
      image: 'python',
      published: [],
      command: ['gunicorn', '--config', 'gunicorn.conf.py', 'wsgi:app'],
    });
    expect(service.copies.map((copy) => copy.from)).toContain('app/gunicorn.conf.py');
    // The same inputs give the same planned service (what the incremental renderers key on).
    expect(planPythonService({ ...inputs, bases: [...inputs.bases] }).service).toBe(service);
    expect(planPythonService({ ...inputs, buildDir: 'other' }).service).not.toBe(service);

    const { draft: webDraft, servers, dependsOn } = web[0]!;
    const webService = planWebService({
      service: webDraft.service,
      proxies: webDraft.proxies,
      statics: webDraft.statics,
      servers,
      dependsOn: [...dependsOn],
      mounts: [],
      buildDir: 'web',
    }).service;
    expect(webService).toMatchObject({ image: 'web', user: 'nginx', dependsOn: ['app'] });
    expect(webService.buildStage?.commands.at(-1)).toEqual(['npm', 'run', 'build']);

    const probes = planProbes(design, [service, webService]);
    expect(probes.entryPort).toBe(80);
    expect(probes.probes.map((probe) => probe.hop)).toEqual([
      'page',
      'api health',
      'create item',
      'list items',
    ]);
  });

  it('finds the servers a client reaches without a proxy in front', () => {
    const design = load(
      (() => {
        const raw = structuredClone(VARIETY['gunicorn-unix']!) as {
          nodes: { id: string; kind: string; props?: object }[];
          edges: { id: string; source: string; target: string }[];
        };
        raw.nodes = raw.nodes.filter((node) => node.kind !== 'nginx');
        raw.nodes.find((node) => node.id === 'srv')!.props = { transport: 'tcp', port: 8000 };
        raw.edges = raw.edges.filter((edge) => edge.source !== 'proxy' && edge.target !== 'proxy');
        raw.edges.push({ id: 'direct', source: 'browser', target: 'srv' });
        return raw;
      })(),
    );
    const graph = buildGraph(design);
    expect(clientFacingNodes(design, graph)).toEqual(new Set(['srv']));
  });
});
