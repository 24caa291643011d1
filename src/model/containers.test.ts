import { describe, expect, it } from 'vitest';
import {
  addContainer,
  containerNames,
  emptyContainers,
  removeContainer,
  renameContainerEntry,
  replicasOf,
  setReplicas,
  syncContainers,
  withNodeContainers,
} from './containers';
import type { Design, DesignNode } from './design';
import { loadTemplate } from './templates';

const base = (): Design => loadTemplate('gunicorn-flask-sqlite');
const moveAll = (design: Design, from: string, to: string): Design => ({
  ...design,
  nodes: design.nodes.map((node) =>
    node.container === from ? ({ ...node, container: to } as DesignNode) : node,
  ),
});

describe('container edits', () => {
  it('reads replicas with the default for unlisted names, never from Object’s prototype', () => {
    const design = setReplicas(base(), 'app', 3);
    expect(replicasOf(design, 'app')).toBe(3);
    expect(replicasOf(design, 'nowhere')).toBe(1);
    expect(replicasOf(design, 'constructor')).toBe(1);
  });

  it('adds, renames and removes an empty frame without touching the nodes', () => {
    const design = base();
    const added = addContainer(design, 'spare');
    expect(added.nodes).toBe(design.nodes);
    expect(emptyContainers(added)).toEqual(['spare']);
    expect(addContainer(added, 'spare')).toBe(added);
    const renamed = renameContainerEntry(setReplicas(added, 'spare', 4), 'spare', 'extra');
    expect(emptyContainers(renamed)).toEqual(['extra']);
    expect(replicasOf(renamed, 'extra')).toBe(4);
    expect(emptyContainers(removeContainer(renamed, 'extra'))).toEqual([]);
    expect(removeContainer(design, 'nowhere')).toBe(design);
  });

  it('lists every container sorted by code point', () => {
    const design = addContainer(addContainer(base(), 'Zed'), 'a-b');
    expect(containerNames(design)).toEqual(['Zed', 'a-b', 'app', 'web']);
  });

  it('setReplicas changes one entry as a new design and returns the same design for no change', () => {
    const design = base();
    const changed = setReplicas(design, 'app', 2);
    expect(changed).not.toBe(design);
    expect(changed.containers.web).toBe(design.containers.web);
    expect(design.containers.app).toEqual({ replicas: 1 });
    expect(setReplicas(changed, 'app', 2)).toBe(changed);
  });

  it('adds entries for containers only nodes name', () => {
    const design = { ...base(), containers: {} };
    expect(Object.keys(withNodeContainers(design).containers)).toEqual(['web', 'app']);
    const full = base();
    expect(withNodeContainers(full)).toBe(full);
  });
});

describe('syncContainers', () => {
  it('adds the container a node moved into and drops the one it emptied, when it held only defaults', () => {
    const before = base();
    const after = syncContainers(before, moveAll(before, 'app', 'backend'));
    expect(containerNames(after)).toEqual(['backend', 'web']);
  });

  it('keeps an emptied container that has settings, and an empty frame the edit did not empty', () => {
    const before = addContainer(setReplicas(base(), 'app', 3), 'spare');
    const after = syncContainers(before, moveAll(before, 'app', 'backend'));
    expect(containerNames(after)).toEqual(['app', 'backend', 'spare', 'web']);
    expect(replicasOf(after, 'app')).toBe(3);
  });

  it('returns the edited design itself when the nodes did not change', () => {
    const before = base();
    const after = { ...before, name: 'renamed' };
    expect(syncContainers(before, after)).toBe(after);
  });
});
