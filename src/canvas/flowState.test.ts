import { beforeAll, describe, expect, it } from 'vitest';
import { loadTemplate } from '../model/templates';
import { edgeSeverities } from '../store/selectors';
import { loadValidation } from '../store/validation';
import { moveNodesTo, setEdgeProp, setNodeProp } from '../model/edit';
import { createEdgeDeriver, createNodeDeriver, edgeLabel } from './flowState';
import { positionsFor } from './layout';

describe('derived React Flow state', () => {
  beforeAll(() => loadValidation());

  it('keeps the object of every node that did not change', () => {
    const derive = createNodeDeriver();
    const design = loadTemplate('react-nginx-gunicorn');
    const first = derive(design, positionsFor(design), new Set());
    const moved = moveNodesTo(design, new Map([['api', { x: 999, y: 999 }]]));
    const second = derive(moved, positionsFor(moved), new Set());
    const changed = second.filter((node, i) => node !== first[i]).map((node) => node.id);
    expect(changed).toEqual(['api']);
    const selected = derive(moved, positionsFor(moved), new Set(['db']));
    expect(selected.filter((node, i) => node !== second[i]).map((node) => node.id)).toEqual(['db']);
    const edited = setNodeProp(moved, 'wsgi', 'workers', 5);
    const third = derive(edited, positionsFor(edited), new Set(['db']));
    expect(third.filter((node, i) => node !== selected[i]).map((node) => node.id)).toEqual(['wsgi']);
  });

  it('labels edges with what flows and marks edges with errors', () => {
    const derive = createEdgeDeriver();
    const design = loadTemplate('uwsgi-unix-socket');
    const labels = derive(design, edgeSeverities(design), new Set()).map((e) => e.label);
    expect(labels).toEqual(['HTTP', 'uwsgi_pass /', 'WSGI', 'file']);
    const broken = setEdgeProp(design, 'e2', 'route', 'no-slash');
    const edges = derive(broken, edgeSeverities(broken), new Set());
    expect(edges.find((e) => e.id === 'e2')!.className).toBe('edge-error');
    expect(edges.find((e) => e.id === 'e1')!.className).toBe('edge-ok');
    const proxy = design.nodes.find((n) => n.id === 'proxy');
    const spa = { ...proxy!, id: 'x', kind: 'react-static' } as never;
    expect(edgeLabel({ id: 'e', source: 'proxy', target: 'x', props: { route: '/' } }, proxy, spa)).toBe(
      'static /',
    );
  });
});
