import { describe, expect, it } from 'vitest';
import { FORMAT, type Design } from '../../model/design';
import { addNode, connect } from '../../model/edit';
import type { NodeKind } from '../../nodes/types';
import { connectionChoices } from './choices';

function designOf(kinds: NodeKind[]): Design {
  let design: Design = { format: FORMAT, name: 'test', containers: {}, nodes: [], edges: [] };
  for (const kind of kinds) design = addNode(design, kind, { x: 0, y: 0 }).design;
  return design;
}

const ids = (choices: { node: { id: string } }[]) => choices.map((choice) => choice.node.id);

describe('connectionChoices', () => {
  it('offers what the node may call and what may call it, with what would flow', () => {
    const design = designOf(['client', 'nginx', 'gunicorn', 'flask', 'sqlite']);
    const choices = connectionChoices(design, 'nginx');
    expect(ids(choices.calls)).toEqual(['gunicorn', 'flask']);
    expect(choices.calls[0]!.what).toBe('HTTP /');
    expect(ids(choices.calledBy)).toEqual(['client']);
    expect(choices.calledBy[0]!.what).toBe('HTTP');
    // sqlite: nginx may not call it, it calls nothing.
    expect(choices.leftOut).toBe(1);
  });

  it('leaves out a connection that exists already', () => {
    const design = connect(designOf(['gunicorn', 'flask', 'sqlite']), 'flask', 'sqlite');
    const choices = connectionChoices(design, 'flask');
    expect(ids(choices.calls)).toEqual([]);
    expect(ids(choices.calledBy)).toEqual(['gunicorn']);
    expect(choices.calledBy[0]!.what).toBe('WSGI');
    expect(choices.leftOut).toBe(1);
  });

  it('words what would flow in the language asked for, identifiers as they are', () => {
    const design = designOf(['nginx', 'react-static', 'flask', 'sqlite']);
    expect(connectionChoices(design, 'flask', 'ko').calls.map((choice) => choice.what)).toEqual(['파일']);
    expect(connectionChoices(design, 'flask').calls.map((choice) => choice.what)).toEqual(['file']);
    const fromProxy = connectionChoices(design, 'nginx', 'ko').calls.map((choice) => choice.what);
    expect(fromProxy).toEqual(['정적 파일 /', 'HTTP /']);
  });

  it('offers nothing for a node that is not in the design', () => {
    expect(connectionChoices(designOf(['flask']), 'nope')).toEqual({ calls: [], calledBy: [], leftOut: 0 });
  });
});
