import { describe, expect, it } from 'vitest';
import { gunicornStack } from './examples';
import { load, roundTrip } from '../testing';
import { hasInputErrors, validate } from '../validate';

const withContainers = (containers: Record<string, { replicas?: number }>) =>
  load({ ...gunicornStack(), containers });

const rulesOf = (containers: Record<string, { replicas?: number }>, rule: string) =>
  validate(withContainers(containers)).filter((d) => d.rule === rule);

describe('invalid-replicas', () => {
  it.each([0, -1, 2.5, 33, 1e9])('reports replicas = %s, naming the container’s nodes', (replicas) => {
    const found = rulesOf({ app: { replicas } }, 'invalid-replicas');
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('error');
    expect(found[0]!.message).toContain(`replicas = ${replicas}`);
    expect(found[0]!.nodes).toEqual(['wsgi', 'api', 'db']);
  });

  it.each([1, 2, 32])('accepts replicas = %s', (replicas) => {
    expect(rulesOf({ app: { replicas } }, 'invalid-replicas')).toEqual([]);
  });

  it('reports an empty frame too, and its fix sets replicas to 1', () => {
    const design = withContainers({ spare: { replicas: 40 } });
    const [found] = validate(design).filter((d) => d.rule === 'invalid-replicas');
    expect(found!.nodes).toEqual([]);
    const fixed = roundTrip(found!.fix!.apply(design));
    expect(fixed.containers.spare).toEqual({ replicas: 1 });
    expect(validate(fixed).filter((d) => d.rule === 'invalid-replicas')).toEqual([]);
  });

  it('is an input error that export --force never overrides', () => {
    expect(hasInputErrors(validate(withContainers({ app: { replicas: 0 } })))).toBe(true);
    expect(hasInputErrors(validate(withContainers({ app: { replicas: 3 } })))).toBe(false);
  });
});

describe('invalid-container-name on empty frames', () => {
  it('checks the names of containers that hold no node, and its fix renames the entry', () => {
    const design = withContainers({ 'Bad Name': {} });
    const found = validate(design).filter((d) => d.rule === 'invalid-container-name');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('"Bad Name"');
    const fixed = roundTrip(found[0]!.fix!.apply(design));
    expect(Object.keys(fixed.containers).sort()).toEqual(['app', 'service', 'web']);
    expect(validate(fixed).filter((d) => d.rule === 'invalid-container-name')).toEqual([]);
  });

  it('stays silent on a well-named empty frame', () => {
    expect(rulesOf({ spare: {} }, 'invalid-container-name')).toEqual([]);
  });
});
