import { describe, expect, it } from 'vitest';
import type { Design } from '../model/design';
import {
  deleteElements,
  insertEdge,
  insertNode,
  newEdge,
  newNode,
  moveNodesToContainer,
  renameContainer,
  renameDesign,
  retargetEdge,
  setEdgeProps,
  setNodeProps,
} from '../model/edit';
import { setReplicas } from '../model/containers';
import { RULES } from './registry';
import { load } from './testing';
import type { QuickFix } from './types';
import { validate } from './validate';

/**
 * Each rule's quick fixes on its own `fires` example, written as the core edits (src/model/edit.ts)
 * that the fix is made of: the first is the diagnostic's fix, the rest its alternatives.
 */
const EXPECTED: Record<string, ((design: Design) => Design)[]> = {
  'uwsgi-pass-needs-socket': [
    (d) => setNodeProps(d, 'uwsgi', { protocol: 'uwsgi' }),
    (d) => setEdgeProps(d, 'e2', { pass: 'proxy_pass' }),
  ],
  'proxy-pass-to-uwsgi-socket': [
    (d) => setNodeProps(d, 'uwsgi', { protocol: 'http' }),
    (d) => setEdgeProps(d, 'e2', { pass: 'uwsgi_pass' }),
  ],
  'app-server-exposed': [
    (d) => {
      const withProxy = insertNode(d, newNode('nginx', 'nginx', { container: 'web', props: { listen: 80 } }));
      const unexposed = deleteElements(withProxy, [], ['e1']);
      const toProxy = insertEdge(unexposed, newEdge('browser-nginx', 'browser', 'nginx'));
      return insertEdge(toProxy, newEdge('nginx-wsgi', 'nginx', 'wsgi', { route: '/' }));
    },
  ],
  'flask-dev-server': [
    (d) => {
      const server = newNode('gunicorn', 'gunicorn', {
        container: 'app',
        props: { transport: 'tcp', port: 8000 },
      });
      const running = insertEdge(insertNode(d, server), newEdge('gunicorn-api', 'gunicorn', 'api'));
      return retargetEdge(running, 'e2', 'gunicorn');
    },
  ],
  'django-dev-server': [
    (d) => {
      const server = newNode('gunicorn', 'gunicorn', {
        container: 'app',
        props: { transport: 'tcp', port: 8001 }, // 8000 is the Django dev port in that container
      });
      const running = insertEdge(insertNode(d, server), newEdge('gunicorn-site', 'gunicorn', 'site'));
      return retargetEdge(running, 'e2', 'gunicorn');
    },
  ],
  'wsgi-needs-app': [
    (d) =>
      insertEdge(
        insertNode(d, newNode('flask', 'app', { container: 'app' })),
        newEdge('wsgi-app', 'wsgi', 'app'),
      ),
  ],
  'wsgi-app-same-container': [(d) => moveNodesToContainer(d, ['api', 'db'], 'app')],
  'static-needs-nginx': [(d) => moveNodesToContainer(d, ['spa'], 'web')],
  'sqlite-same-container': [(d) => moveNodesToContainer(d, ['db'], 'app')],
  'port-conflict': [(d) => setNodeProps(d, 'admin-proxy', { listen: 8080 })],
  'socket-conflict': [(d) => setNodeProps(d, 'blog', { socketPath: '/run/uwsgi/uwsgi-2.sock' })],
  'invalid-connection': [(d) => deleteElements(d, [], ['e4'])],
  'no-entry-point': [
    (d) =>
      insertEdge(insertNode(d, newNode('client', 'browser')), newEdge('browser-proxy', 'browser', 'proxy')),
  ],
  'invalid-server-name': [(d) => setNodeProps(d, 'proxy', { serverName: 'localhost' })],
  'invalid-route': [(d) => setEdgeProps(d, 'e2', { route: '/' })],
  'invalid-python-name': [(d) => setNodeProps(d, 'api', { module: 'app' })],
  'invalid-port': [(d) => setNodeProps(d, 'wsgi', { port: 8000 })],
  'invalid-path': [(d) => setNodeProps(d, 'db', { file: '/data/app.db' })],
  'invalid-container-name': [(d) => renameContainer(d, '../App', 'app')],
  'invalid-replicas': [(d) => setReplicas(d, 'app', 1)],
  'replicas-unix-socket': [
    (d) => setNodeProps(d, 'uwsgi', { transport: 'tcp' }),
    (d) => setReplicas(d, 'app', 1),
  ],
  'replicas-publish-port': [
    (d) => moveNodesToContainer(d, ['proxy'], 'web'),
    (d) => setReplicas(d, 'app', 1),
  ],
  'sqlite-replicas': [(d) => setReplicas(d, 'app', 1)],
  'workers-out-of-range': [(d) => setNodeProps(d, 'wsgi', { workers: 17 })],
  'invalid-size': [(d) => setNodeProps(d, 'proxy', { clientMaxBodySize: '10m' })],
  'invalid-email': [(d) => setNodeProps(d, 'proxy', { email: '' })],
  'tls-needs-domain': [(d) => setNodeProps(d, 'proxy', { tls: 'self-signed' })],
  'plain-http': [(d) => setNodeProps(d, 'proxy', { tls: 'self-signed' })],
  'invalid-label': [(d) => renameDesign(d, 'untitled')],
};

const fixesOf = (design: Design, id: string): QuickFix[] =>
  validate(design)
    .filter((d) => d.rule === id)
    .flatMap((d) => [...(d.fix ? [d.fix] : []), ...(d.alternatives ?? [])]);

describe('quick fixes are core edits', () => {
  it('covers every rule that offers a fix', () => {
    const withFix = RULES.filter((rule) => fixesOf(load(rule.examples.fires), rule.id).length > 0);
    expect(withFix.map((rule) => rule.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s: the fix gives what the core edits give', (id, expected) => {
    const rule = RULES.find((candidate) => candidate.id === id)!;
    const design = load(rule.examples.fires);
    const fixes = fixesOf(design, id);
    expect(fixes.length).toBe(expected.length);
    fixes.forEach((fix, index) => {
      const fixed = fix.apply(design);
      expect(fixed, fix.label).toEqual(expected[index]!(design));
      // Structural sharing: a node the fix leaves alone stays the same object (so its checks are kept).
      for (const node of fixed.nodes) {
        const before = design.nodes.find((candidate) => candidate.id === node.id);
        if (before && JSON.stringify(before) === JSON.stringify(node)) expect(node, node.id).toBe(before);
      }
    });
  });
});
