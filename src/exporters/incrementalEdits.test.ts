import { describe, expect, it } from 'vitest';
import type { Design, DesignEdge, DesignNode } from '../model/design';
import { servicesOf } from '../model/services';
import { validate } from '../validation/validate';
import { COMPOSE_EN, generate, type Generated } from './generate';
import type { PlannedService } from './planTypes';
import { buildFolders } from './targets/compose';
import { load } from './testing/designs';

/** Two independent stacks (browser → nginx → gunicorn → flask → sqlite), one web and one app container each. */
function twoStacks(): Design {
  const stack = (n: number) => ({
    nodes: [
      { id: `browser-${n}`, kind: 'client' },
      { id: `proxy-${n}`, kind: 'nginx', container: `web-${n}`, props: { listen: 8080 + n } },
      { id: `srv-${n}`, kind: 'gunicorn', container: `app-${n}`, props: { transport: 'tcp', port: 8000 } },
      { id: `api-${n}`, kind: 'flask', container: `app-${n}` },
      { id: `db-${n}`, kind: 'sqlite', container: `app-${n}`, props: { file: `/data/app-${n}.db` } },
    ],
    edges: [
      { id: `e-${n}-client`, source: `browser-${n}`, target: `proxy-${n}` },
      { id: `e-${n}-web`, source: `proxy-${n}`, target: `srv-${n}`, props: { route: '/' } },
      { id: `e-${n}-wsgi`, source: `srv-${n}`, target: `api-${n}` },
      { id: `e-${n}-db`, source: `api-${n}`, target: `db-${n}` },
    ],
  });
  const [first, second] = [stack(0), stack(1)];
  return load({
    format: 'stacksketch/v1',
    name: 'two stacks',
    nodes: [...first.nodes, ...second.nodes],
    edges: [...first.edges, ...second.edges],
  });
}

/** A copy of a node with some props changed (the inspector's edit). */
function withProps(node: DesignNode, props: Record<string, unknown>): DesignNode {
  return { ...node, props: { ...node.props, ...props } } as DesignNode;
}

/** The design with one node replaced by an edited copy, every other node and edge the same object (as the store edits). */
function withNode(design: Design, id: string, edit: (node: DesignNode) => DesignNode): Design {
  return { ...design, nodes: design.nodes.map((node) => (node.id === id ? edit(node) : node)) };
}

function run(design: Design): Generated {
  return generate(design, { ...COMPOSE_EN, diagnostics: validate(design) });
}

/** Generate after the edit, and check every file against a cold run on a fresh copy of the edited design. */
function warmMatchesCold(before: Design, after: Design): { before: Generated; after: Generated } {
  const first = run(before);
  const warm = run(after);
  const cold = run(structuredClone(after));
  expect(Object.keys(warm.files)).toEqual(Object.keys(cold.files));
  for (const [path, text] of Object.entries(cold.files)) expect(warm.files[path], path).toBe(text);
  return { before: first, after: warm };
}

const serviceNamed = (generated: Generated, name: string): PlannedService =>
  generated.plan.services.find((service) => service.name === name)!;

/** The files that differ between two bundles. */
function changedFiles(before: Generated, after: Generated): string[] {
  const paths = new Set([...Object.keys(before.files), ...Object.keys(after.files)]);
  return [...paths].filter((path) => before.files[path] !== after.files[path]).sort();
}

describe('incremental generation after a one-node edit', () => {
  it('replans only the edited stack and keeps the other services, their files and folders the same objects', () => {
    const design = twoStacks();
    const edited = withNode(design, 'proxy-0', (node) => withProps(node, { serverName: 'shop.example' }));
    const { before, after } = warmMatchesCold(design, edited);
    // The server name reaches nginx.conf and the app's allowed hosts: both services of stack 0.
    expect(serviceNamed(after, 'web-0')).not.toBe(serviceNamed(before, 'web-0'));
    expect(serviceNamed(after, 'app-0')).not.toBe(serviceNamed(before, 'app-0'));
    expect(serviceNamed(after, 'web-1')).toBe(serviceNamed(before, 'web-1'));
    expect(serviceNamed(after, 'app-1')).toBe(serviceNamed(before, 'app-1'));
    const foldersBefore = new Map(buildFolders(design, before.plan, 'en'));
    const foldersAfter = new Map(buildFolders(edited, after.plan, 'en'));
    expect(foldersAfter.get('web-1/')).toBe(foldersBefore.get('web-1/'));
    expect(foldersAfter.get('app-1/')).toBe(foldersBefore.get('app-1/'));
    expect(foldersAfter.get('web-0/')).not.toBe(foldersBefore.get('web-0/'));
    const changed = changedFiles(before, after);
    expect(changed).toContain('web-0/nginx.conf');
    expect(changed.filter((path) => path.startsWith('web-1/') || path.startsWith('app-1/'))).toEqual([]);
  });

  it('keeps an untouched service’s build folder, and the items its page lists, the same objects', () => {
    const design = twoStacks();
    const edited = withNode(design, 'proxy-0', (node) => withProps(node, { serverName: 'shop.example' }));
    const { before, after } = warmMatchesCold(design, edited);
    const folder = (generated: Generated, design: Design, key: string) =>
      buildFolders(design, generated.plan, 'en').find(([folder]) => folder === key);
    // The whole [folder, files] entry is reused: no new entry, no comparison of the items list by value.
    expect(folder(after, edited, 'web-1/')).toBe(folder(before, design, 'web-1/'));
    expect(folder(after, edited, 'app-1/')).toBe(folder(before, design, 'app-1/'));
    expect(folder(after, edited, 'web-0/')).not.toBe(folder(before, design, 'web-0/'));
  });

  it('writes the Korean README after an edit as a cold run does', () => {
    const design = twoStacks();
    const edited = withNode(design, 'proxy-1', (node) => withProps(node, { serverName: 'shop.example' }));
    const korean = (design: Design) =>
      generate(design, { target: 'compose', lang: 'ko', diagnostics: validate(design) }).files['README.md'];
    korean(design);
    expect(korean(edited)).toBe(korean(structuredClone(edited)));
  });

  it('follows a port change into the nginx upstream of the service that reads it', () => {
    const design = twoStacks();
    const edited = withNode(design, 'srv-1', (node) => withProps(node, { port: 8001 }));
    const { before, after } = warmMatchesCold(design, edited);
    expect(after.files['web-1/nginx.conf']).toContain('server app-1:8001');
    expect(serviceNamed(after, 'web-1')).not.toBe(serviceNamed(before, 'web-1'));
    expect(serviceNamed(after, 'app-1')).not.toBe(serviceNamed(before, 'app-1'));
    expect(serviceNamed(after, 'web-0')).toBe(serviceNamed(before, 'web-0'));
    expect(serviceNamed(after, 'app-0')).toBe(serviceNamed(before, 'app-0'));
    expect(changedFiles(before, after).filter((path) => /^(web|app)-0\//.test(path))).toEqual([]);
  });

  it('follows a container renamed on one node into the services and upstreams that name it', () => {
    const design = twoStacks();
    const edited = withNode(design, 'proxy-1', (node) => ({ ...node, container: 'front-1' }));
    const { before, after } = warmMatchesCold(design, edited);
    expect(after.files['front-1/nginx.conf']).toBeDefined();
    expect(after.files['web-1/nginx.conf']).toBeUndefined();
    expect(after.files['docker-compose.yml']).toContain('  front-1:');
    expect(serviceNamed(after, 'web-0')).toBe(serviceNamed(before, 'web-0'));
    expect(serviceNamed(after, 'app-0')).toBe(serviceNamed(before, 'app-0'));
  });

  it('follows an edge connected across stacks into the nginx and the app it reaches', () => {
    const design = twoStacks();
    const edge: DesignEdge = {
      id: 'e-across',
      source: 'proxy-0',
      target: 'srv-1',
      props: { route: '/other/' },
    };
    const edited = { ...design, edges: [...design.edges, edge] };
    const { before, after } = warmMatchesCold(design, edited);
    expect(after.files['web-0/nginx.conf']).toContain('location /other/');
    expect(after.files['web-0/nginx.conf']).toContain('server app-1:8000');
    // app-1 is now also reached under /other/, so its planned service changes; app-0 does not.
    expect(serviceNamed(after, 'app-1')).not.toBe(serviceNamed(before, 'app-1'));
    expect(serviceNamed(after, 'app-0')).toBe(serviceNamed(before, 'app-0'));
    expect(serviceNamed(after, 'web-1')).toBe(serviceNamed(before, 'web-1'));
  });

  it('keeps the untouched stack’s draft inputs, front doors and grouping, and recomputes the edited one’s', () => {
    const design = twoStacks();
    const edited = withNode(design, 'proxy-0', (node) => withProps(node, { serverName: 'shop.example' }));
    const { before, after } = warmMatchesCold(design, edited);
    const frontDoor = (generated: Generated, name: string) => {
      const runs = serviceNamed(generated, name).runs;
      return runs.kind === 'python' ? runs.apps[0]!.frontDoors[0] : undefined;
    };
    expect(frontDoor(after, 'app-1')).toBeDefined();
    expect(frontDoor(after, 'app-1')).toBe(frontDoor(before, 'app-1'));
    expect(frontDoor(after, 'app-0')).not.toBe(frontDoor(before, 'app-0'));
    expect(frontDoor(after, 'app-0')).toMatchObject({ serverName: 'shop.example' });
    // A props edit leaves the shape alone: the grouping of containers into services is kept whole.
    expect(servicesOf(edited)).toBe(servicesOf(design));
    expect(servicesOf(withNode(design, 'db-1', (node) => ({ ...node, container: 'data-1' })))).not.toBe(
      servicesOf(design),
    );
  });

  it('gives the same bundle again when nothing changed, every service reused', () => {
    const design = twoStacks();
    const first = run(design);
    const again = run({ ...design, nodes: design.nodes.slice() });
    expect(again.files).toEqual(first.files);
    for (const service of first.plan.services) expect(serviceNamed(again, service.name)).toBe(service);
  });
});
