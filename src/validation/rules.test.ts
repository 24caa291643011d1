import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_IDS, loadTemplate } from '../model/templates';
import { RULES } from './registry';
import { deepFreeze, load, roundTrip } from './testing';
import { exampleTarget, validate } from './validate';

/** The public rule ids (docs/rules.md). */
const PUBLIC_IDS = [
  'uwsgi-pass-needs-socket',
  'proxy-pass-to-uwsgi-socket',
  'app-server-exposed',
  'flask-dev-server',
  'django-dev-server',
  'wsgi-needs-app',
  'wsgi-app-same-container',
  'static-needs-nginx',
  'sqlite-same-container',
  'sqlite-single-container',
  'route-conflict',
  'port-conflict',
  'socket-conflict',
  'invalid-connection',
  'no-entry-point',
  'unreachable-node',
  'cycle',
  'invalid-server-name',
  'invalid-route',
  'invalid-python-name',
  'invalid-port',
  'invalid-path',
  'invalid-container-name',
  'workers-out-of-range',
  'invalid-size',
  'invalid-label',
  'invalid-email',
  'tls-needs-domain',
  'tls-needs-email',
  'plain-http',
];

describe('the rule registry', () => {
  it('holds every public rule plus invalid-replicas and the replica rules, once each', () => {
    const ids = RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([
      ...PUBLIC_IDS,
      'invalid-replicas',
      'replicas-unix-socket',
      'replicas-publish-port',
      'sqlite-replicas',
      'unix-socket-across-pods',
    ]);
  });

  it('keeps one file per rule under rules/', () => {
    for (const rule of RULES) {
      expect(existsSync(new URL(`./rules/${rule.id}.ts`, import.meta.url)), rule.id).toBe(true);
    }
  });
});

describe.each(RULES.map((rule) => [rule.id, rule] as const))('%s', (id, rule) => {
  it('fires on its example, naming nodes and edges that exist', () => {
    const design = load(rule.examples.fires);
    const found = validate(design, exampleTarget(rule)).filter((d) => d.rule === id);
    expect(found.length).toBeGreaterThan(0);
    const nodeIds = new Set(design.nodes.map((node) => node.id));
    const edgeIds = new Set(design.edges.map((edge) => edge.id));
    for (const diagnostic of found) {
      expect(diagnostic.severity).toBe(rule.severity);
      expect(diagnostic.message.length).toBeGreaterThan(40);
      for (const node of diagnostic.nodes) expect(nodeIds.has(node), node).toBe(true);
      for (const edge of diagnostic.edges) expect(edgeIds.has(edge), edge).toBe(true);
    }
  });

  it('stays silent on its near miss', () => {
    expect(validate(load(rule.examples.nearMiss), exampleTarget(rule)).filter((d) => d.rule === id)).toEqual(
      [],
    );
  });

  it('offers a fix exactly when its docs describe one, and every fix removes the problem without mutating the design', () => {
    const design = deepFreeze(load(rule.examples.fires));
    const before = JSON.stringify(design);
    const found = validate(design, exampleTarget(rule)).filter((d) => d.rule === id);
    const fixes = found.flatMap((d) => [...(d.fix ? [d.fix] : []), ...(d.alternatives ?? [])]);
    expect(fixes.length > 0).toBe(rule.fixSummary !== undefined);
    for (const fix of fixes) {
      const fixed = roundTrip(fix.apply(design));
      const remaining = validate(fixed, exampleTarget(rule)).filter((d) => d.rule === id);
      expect(remaining, fix.label).toEqual([]);
    }
    expect(JSON.stringify(design)).toBe(before);
  });
});

describe('the templates', () => {
  const warned = ['flask-dev-server', 'load-balanced-gunicorn'];
  it.each(TEMPLATE_IDS.filter((id) => !warned.includes(id)))('%s has no diagnostics at all', (id) => {
    expect(validate(loadTemplate(id)).map((d) => `${d.rule}: ${d.message}`)).toEqual([]);
  });

  it('flask-dev-server has exactly one warning: flask-dev-server', () => {
    const diagnostics = validate(loadTemplate('flask-dev-server'));
    expect(diagnostics.map((d) => [d.rule, d.severity])).toEqual([['flask-dev-server', 'warning']]);
    expect(diagnostics[0]!.nodes).toEqual(['api', 'proxy']);
    expect(diagnostics[0]!.edges).toEqual(['e2']);
  });

  it('load-balanced-gunicorn has exactly one warning: sqlite-replicas (an error for kubernetes)', () => {
    const design = loadTemplate('load-balanced-gunicorn');
    expect(validate(design).map((d) => [d.rule, d.severity, d.nodes])).toEqual([
      ['sqlite-replicas', 'warning', ['db']],
    ]);
    expect(validate(design, 'kubernetes').filter((d) => d.rule === 'sqlite-replicas')[0]?.severity).toBe(
      'error',
    );
  });
});
