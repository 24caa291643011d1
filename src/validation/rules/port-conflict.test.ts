import { describe, expect, it } from 'vitest';
import type { Design, DesignNode } from '../../model/design';
import { design, e, n } from './examples';
import { load, roundTrip } from '../testing';
import { validate } from '../validate';

/** nginx in "web" on 80, a Gunicorn in "app" and one in "admin", each on `adminPort` and 8000. */
function twoContainers(adminPort: number) {
  return load(
    design(
      [
        n('browser', 'client'),
        n('proxy', 'nginx', 'web', { listen: 80 }),
        n('wsgi', 'gunicorn', 'app', { port: 8000 }),
        n('api', 'flask', 'app'),
        n('admin-wsgi', 'gunicorn', 'admin', { port: adminPort }),
        n('admin-api', 'flask', 'admin'),
      ],
      [
        e('e1', 'browser', 'proxy'),
        e('e2', 'proxy', 'wsgi', { route: '/' }),
        e('e3', 'proxy', 'admin-wsgi', { route: '/admin/' }),
        e('e4', 'wsgi', 'api'),
        e('e5', 'admin-wsgi', 'admin-api'),
      ],
    ),
  );
}

const conflicts = (current: ReturnType<typeof twoContainers>, target: 'compose' | 'server') =>
  validate(current, target).filter((d) => d.rule === 'port-conflict');

describe('port-conflict by target', () => {
  it('lets two containers use one port on compose (each has its own network)', () => {
    expect(conflicts(twoContainers(8000), 'compose')).toEqual([]);
  });

  it('compares every container’s listeners on the server target (one host)', () => {
    const [found, ...rest] = conflicts(twoContainers(8000), 'server');
    expect(rest).toEqual([]);
    expect(found!.nodes).toEqual(['wsgi', 'admin-wsgi']);
    expect(found!.message).toContain('same host');
  });

  it('is quiet on the server target when the ports differ', () => {
    expect(conflicts(twoContainers(8001), 'server')).toEqual([]);
  });

  it('moves the last listener to a port free on the whole host', () => {
    const current = twoContainers(8000);
    const [found] = conflicts(current, 'server');
    const fixed = roundTrip(found!.fix!.apply(current));
    expect(fixed.nodes.find((node) => node.id === 'admin-wsgi')!.props).toMatchObject({ port: 8001 });
    expect(conflicts(fixed, 'server')).toEqual([]);
  });
});

/** Two nginx nodes in their own containers; the first serves HTTPS on `httpsPort`, the second listens on `listen`. */
function tlsFrontDoors(httpsPort: number, secondListen: number) {
  return load(
    design(
      [
        n('browser', 'client'),
        n('proxy', 'nginx', 'web', { listen: 80, tls: 'self-signed', httpsPort }),
        n('admin-proxy', 'nginx', 'admin', { listen: secondListen }),
        n('wsgi', 'gunicorn', 'app'),
        n('api', 'flask', 'app'),
      ],
      [
        e('e1', 'browser', 'proxy'),
        e('e2', 'browser', 'admin-proxy'),
        e('e3', 'proxy', 'wsgi'),
        e('e4', 'admin-proxy', 'wsgi'),
        e('e5', 'wsgi', 'api'),
      ],
    ),
  );
}

describe('port-conflict with HTTPS', () => {
  it('counts an nginx’s HTTPS port as a published port', () => {
    const [found, ...rest] = conflicts(tlsFrontDoors(443, 443), 'compose');
    expect(rest).toEqual([]);
    expect(found!.nodes).toEqual(['proxy', 'admin-proxy']);
    expect(found!.message).toContain('443');
    expect(conflicts(tlsFrontDoors(8443, 443), 'compose')).toEqual([]);
  });

  it('finds an nginx whose HTTPS port is its own listen port', () => {
    const [found] = conflicts(tlsFrontDoors(80, 8080), 'compose');
    expect(found!.nodes).toEqual(['proxy', 'proxy']);
    expect(
      validate(found!.fix!.apply(tlsFrontDoors(80, 8080))).filter((d) => d.rule === 'port-conflict'),
    ).toEqual([]);
  });
});

describe('port-conflict after edits', () => {
  /** The design with one node's props changed, every other node the same object (as the editor edits). */
  const withProps = (current: Design, id: string, props: Record<string, unknown>): Design => ({
    ...current,
    nodes: current.nodes.map((node) =>
      node.id === id ? ({ ...node, props: { ...node.props, ...props } } as DesignNode) : node,
    ),
  });

  it('finds a conflict an edit makes after a clean check, and none once it is undone', () => {
    const clean = twoContainers(8001);
    expect(conflicts(clean, 'server')).toEqual([]);
    expect(conflicts(clean, 'compose')).toEqual([]);
    const clash = withProps(clean, 'admin-wsgi', { port: 8000 });
    expect(conflicts(clash, 'server').map((d) => d.nodes)).toEqual([['wsgi', 'admin-wsgi']]);
    const sameContainer = withProps(clash, 'api', { port: 8000 });
    expect(conflicts(sameContainer, 'compose')).toEqual([]);
    const undone = withProps(clash, 'admin-wsgi', { port: 8001 });
    expect(conflicts(undone, 'server')).toEqual([]);
  });

  it('finds an nginx HTTPS port turned onto another nginx listen port after a clean check', () => {
    const clean = twoContainers(8001);
    expect(conflicts(clean, 'compose')).toEqual([]);
    const https = withProps(clean, 'proxy', { tls: 'self-signed', httpsPort: 80 });
    expect(conflicts(https, 'compose').map((d) => d.nodes)).toEqual([['proxy', 'proxy']]);
  });
});
