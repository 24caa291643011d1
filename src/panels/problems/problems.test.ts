import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../../model/templates';
import type { Diagnostic } from '../../validation/types';
import { problemKeys, problemTargets, problemsSummary, sortBySeverity } from './problems';

function diagnostic(partial: Partial<Diagnostic>): Diagnostic {
  return { rule: 'cycle', severity: 'error', message: 'm', nodes: [], edges: [], ...partial };
}

describe('problemsSummary', () => {
  it('counts errors and warnings with plurals', () => {
    expect(problemsSummary([])).toBe('No problems');
    expect(problemsSummary([diagnostic({})])).toBe('1 error');
    expect(problemsSummary([diagnostic({}), diagnostic({}), diagnostic({ severity: 'warning' })])).toBe(
      '2 errors, 1 warning',
    );
    expect(problemsSummary([diagnostic({ severity: 'warning' }), diagnostic({ severity: 'warning' })])).toBe(
      '2 warnings',
    );
  });
});

describe('sortBySeverity', () => {
  it('puts errors first and keeps the order within a severity', () => {
    const sorted = sortBySeverity([
      diagnostic({ rule: 'w1', severity: 'warning' }),
      diagnostic({ rule: 'e1' }),
      diagnostic({ rule: 'w2', severity: 'warning' }),
      diagnostic({ rule: 'e2' }),
    ]);
    expect(sorted.map((d) => d.rule)).toEqual(['e1', 'e2', 'w1', 'w2']);
  });
});

describe('problemTargets', () => {
  const design = loadTemplate('gunicorn-flask-sqlite');

  it('selects the named nodes and edges and centres on both ends of each edge', () => {
    const targets = problemTargets(diagnostic({ nodes: ['api'], edges: ['e2'] }), design);
    expect(targets.nodes).toEqual(['api']);
    expect(targets.edges).toEqual(['e2']);
    expect(targets.centreOn.sort()).toEqual(['api', 'proxy', 'wsgi']);
  });

  it('drops ids that are no longer in the design', () => {
    const targets = problemTargets(diagnostic({ nodes: ['gone', 'db'], edges: ['e99'] }), design);
    expect(targets).toEqual({ nodes: ['db'], edges: [], centreOn: ['db'] });
  });
});

describe('problemKeys', () => {
  it('gives repeated problems distinct keys', () => {
    const keys = problemKeys([
      diagnostic({ nodes: ['a'] }),
      diagnostic({ nodes: ['a'] }),
      diagnostic({ nodes: ['b'] }),
    ]);
    expect(new Set(keys).size).toBe(3);
  });
});
