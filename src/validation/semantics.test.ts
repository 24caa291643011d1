import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../model/templates';
import { design, e, gunicornStack, n, uwsgiStack } from './rules/examples';
import { deepFreeze, load, roundTrip } from './testing';
import type { Diagnostic, DesignFile } from './types';
import { validate } from './validate';

const rulesOf = (file: DesignFile) => validate(load(file)).map((d) => d.rule);
const only = (file: DesignFile, rule: string): Diagnostic[] =>
  validate(load(file)).filter((d) => d.rule === rule);

describe('nginx → uWSGI protocol pairs', () => {
  it('a missing pass takes the directive that matches the protocol, so neither rule fires', () => {
    for (const protocol of ['uwsgi', 'http'] as const) {
      const file = uwsgiStack(protocol, 'uwsgi_pass');
      delete (file.edges[1]!.props as Record<string, unknown>).pass;
      expect(validate(load(file))).toEqual([]);
    }
  });

  it('explains the 502 and switches every nginx edge of that uWSGI with the protocol', () => {
    const file = uwsgiStack('http', 'uwsgi_pass');
    file.nodes.push(n('admin', 'nginx', 'admin', { listen: 8080 }));
    file.edges.push(e('e9', 'browser', 'admin'), e('e10', 'admin', 'uwsgi', { pass: 'proxy_pass' }));
    const [diagnostic] = only(file, 'uwsgi-pass-needs-socket');
    expect(diagnostic!.message).toContain('502');
    expect(diagnostic!.message).toContain('upstream prematurely closed connection');
    expect(diagnostic!.fix!.label).toContain('socket');
    const fixed = roundTrip(diagnostic!.fix!.apply(load(file)));
    expect(fixed.nodes.find((node) => node.id === 'uwsgi')!.props).toMatchObject({ protocol: 'uwsgi' });
    expect(fixed.edges.filter((edge) => edge.target === 'uwsgi').map((edge) => edge.props.pass)).toEqual([
      'uwsgi_pass',
      'uwsgi_pass',
    ]);
    expect(validate(fixed)).toEqual([]);
  });

  it('the alternative fix changes only the edge', () => {
    const [diagnostic] = only(uwsgiStack('uwsgi', 'proxy_pass'), 'proxy-pass-to-uwsgi-socket');
    const fixed = diagnostic!.alternatives![0]!.apply(load(uwsgiStack('uwsgi', 'proxy_pass')));
    expect(fixed.nodes.find((node) => node.id === 'uwsgi')!.props).toMatchObject({ protocol: 'uwsgi' });
    expect(validate(fixed)).toEqual([]);
  });
});

describe('app-server-exposed', () => {
  it('routes the client through the nginx already there instead of adding one, leaving a clean design', () => {
    const file = design(
      [
        n('browser', 'client'),
        n('proxy', 'nginx', 'web'),
        n('u', 'uwsgi', 'app', { protocol: 'http' }),
        n('api', 'flask', 'app'),
      ],
      [e('e1', 'browser', 'proxy'), e('e2', 'proxy', 'u'), e('e3', 'browser', 'u'), e('e4', 'u', 'api')],
    );
    const [diagnostic] = only(file, 'app-server-exposed');
    expect(diagnostic!.nodes).toEqual(['browser', 'u']);
    expect(diagnostic!.edges).toEqual(['e3']);
    expect(diagnostic!.fix!.label).toBe('Route Client "browser" to uWSGI "u" through Nginx "proxy"');
    const fixed = roundTrip(diagnostic!.fix!.apply(deepFreeze(load(file))));
    expect(fixed.nodes.map((node) => node.id)).toEqual(['browser', 'proxy', 'u', 'api']);
    expect(fixed.edges.map((edge) => edge.id)).toEqual(['e1', 'e2', 'e4']);
    expect(validate(fixed)).toEqual([]);
  });

  it('connects an nginx the client does not reach yet to both ends', () => {
    const file = design(
      [
        n('browser', 'client'),
        n('proxy', 'nginx', 'web'),
        n('wsgi', 'gunicorn', 'app'),
        n('api', 'flask', 'app'),
      ],
      [e('e1', 'browser', 'wsgi'), e('e2', 'wsgi', 'api')],
    );
    const [diagnostic] = only(file, 'app-server-exposed');
    const fixed = roundTrip(diagnostic!.fix!.apply(deepFreeze(load(file))));
    expect(fixed.nodes).toHaveLength(4);
    expect(fixed.edges.map((edge) => [edge.source, edge.target, edge.props])).toEqual([
      ['wsgi', 'api', {}],
      ['browser', 'proxy', {}],
      ['proxy', 'wsgi', { route: '/' }],
    ]);
    expect(validate(fixed)).toEqual([]);
  });

  it('inserts an nginx in a free container and on a free host port when there is none', () => {
    const file = design(
      [
        n('browser', 'client'),
        n('site', 'react-static', 'web'),
        n('u', 'uwsgi', 'app', { protocol: 'http' }),
        n('api', 'flask', 'app'),
      ],
      [e('e3', 'browser', 'u'), e('e4', 'u', 'api')],
    );
    const [diagnostic] = only(file, 'app-server-exposed');
    expect(diagnostic!.fix!.label).toBe('Insert an nginx in front of uWSGI "u"');
    const fixed = roundTrip(diagnostic!.fix!.apply(deepFreeze(load(file))));
    const added = fixed.nodes.find((node) => node.id === 'nginx')!;
    expect(added).toMatchObject({ kind: 'nginx', container: 'web-2', props: { listen: 80 } });
    expect(fixed.edges.some((edge) => edge.source === 'browser' && edge.target === 'u')).toBe(false);
    expect(fixed.edges.find((edge) => edge.source === 'nginx')!.props).toEqual({
      route: '/',
      pass: 'proxy_pass',
    });
  });

  it('fires for a client straight to Flask, alongside the dev-server warning', () => {
    const file = design([n('browser', 'client'), n('api', 'flask', 'app')], [e('e1', 'browser', 'api')]);
    expect(rulesOf(file)).toEqual(['app-server-exposed', 'flask-dev-server']);
  });
});

describe('flask-dev-server', () => {
  it('warns when nginx bypasses the WSGI server that also runs the app', () => {
    const file = gunicornStack();
    file.edges.push(e('e9', 'proxy', 'api', { route: '/direct/' }));
    const [diagnostic] = only(file, 'flask-dev-server');
    expect(diagnostic!.edges).toEqual(['e9']);
  });

  it('warns when only something other than a WSGI server reaches the app, and is silent for an unreached app', () => {
    const reached = design(
      [
        n('browser', 'client'),
        n('proxy', 'nginx', 'web'),
        n('spa', 'react-static', 'web'),
        n('api', 'flask', 'app'),
      ],
      [e('e1', 'browser', 'proxy'), e('e2', 'proxy', 'spa'), e('e3', 'spa', 'api')],
    );
    expect(rulesOf(reached)).toContain('flask-dev-server');
    const alone = design(
      [n('browser', 'client'), n('proxy', 'nginx', 'web'), n('api', 'flask', 'app')],
      [e('e1', 'browser', 'proxy')],
    );
    expect(rulesOf(alone)).toEqual(['unreachable-node']);
  });

  it('its fix turns the flask-dev-server template into a clean Gunicorn stack', () => {
    const template = deepFreeze(loadTemplate('flask-dev-server'));
    const [diagnostic] = validate(template);
    const fixed = roundTrip(diagnostic!.fix!.apply(template));
    expect(fixed.nodes.find((node) => node.id === 'gunicorn')).toMatchObject({
      kind: 'gunicorn',
      container: 'app',
    });
    expect(fixed.edges.find((edge) => edge.id === 'e2')).toMatchObject({
      source: 'proxy',
      target: 'gunicorn',
    });
    expect(validate(fixed)).toEqual([]);
  });
});

describe('servers, apps and containers', () => {
  it('wsgi-needs-app names both apps when a server runs two, and offers no guess', () => {
    const file = gunicornStack();
    file.nodes.push(n('api2', 'flask', 'app'));
    file.edges.push(e('e9', 'wsgi', 'api2'));
    const [diagnostic] = only(file, 'wsgi-needs-app');
    expect(diagnostic!.nodes).toEqual(['wsgi', 'api', 'api2']);
    expect(diagnostic!.edges).toEqual(['e3', 'e9']);
    expect(diagnostic!.fix).toBeUndefined();
  });

  it('moving the app into its server’s container takes its own database along', () => {
    const file = gunicornStack({}, { gunicorn: 'app', flask: 'api', sqlite: 'api' });
    const [diagnostic] = only(file, 'wsgi-app-same-container');
    const fixed = diagnostic!.fix!.apply(load(file));
    expect(fixed.nodes.filter((node) => node.kind !== 'client').map((node) => node.container)).toEqual([
      'web',
      'app',
      'app',
      'app',
    ]);
    expect(validate(fixed)).toEqual([]);
  });

  it('static-needs-nginx connects an unserved build to the nginx of its container on a free route', () => {
    const file = design(
      [
        n('browser', 'client'),
        n('proxy', 'nginx', 'web'),
        n('spa', 'react-static', 'web'),
        n('wsgi', 'gunicorn', 'app'),
        n('api', 'flask', 'app'),
      ],
      [e('e1', 'browser', 'proxy'), e('e2', 'proxy', 'wsgi', { route: '/' }), e('e3', 'wsgi', 'api')],
    );
    const [diagnostic] = only(file, 'static-needs-nginx');
    const fixed = roundTrip(diagnostic!.fix!.apply(load(file)));
    expect(fixed.edges.find((edge) => edge.target === 'spa')!.props).toEqual({ route: '/static/' });
    expect(validate(fixed)).toEqual([]);
  });
});

describe('conflicts', () => {
  it('a missing route counts as "/" for route-conflict', () => {
    const file = design(
      [
        n('browser', 'client'),
        n('proxy', 'nginx', 'web'),
        n('spa', 'react-static', 'web'),
        n('wsgi', 'gunicorn', 'app'),
        n('api', 'flask', 'app'),
      ],
      [
        e('e1', 'browser', 'proxy'),
        e('e2', 'proxy', 'spa'),
        e('e3', 'proxy', 'wsgi', { route: '/' }),
        e('e4', 'wsgi', 'api'),
      ],
    );
    expect(only(file, 'route-conflict').map((d) => d.edges)).toEqual([['e2', 'e3']]);
  });

  it('port-conflict counts the Flask dev server only when no WSGI server runs the app', () => {
    const served = gunicornStack({ gunicorn: { port: 5000 }, flask: { port: 5000 } });
    expect(only(served, 'port-conflict')).toEqual([]);
    const devServer = design(
      [
        n('browser', 'client'),
        n('proxy', 'nginx', 'web'),
        n('wsgi', 'gunicorn', 'app', { port: 5000 }),
        n('api', 'flask', 'app'),
        n('dev', 'flask', 'app'),
      ],
      [
        e('e1', 'browser', 'proxy'),
        e('e2', 'proxy', 'wsgi'),
        e('e3', 'wsgi', 'api'),
        e('e4', 'proxy', 'dev', { route: '/dev/' }),
      ],
    );
    expect(only(devServer, 'port-conflict').map((d) => d.nodes)).toEqual([['wsgi', 'dev']]);
  });

  it('port-conflict ignores a unix-socket server and reports two nginx in one container once', () => {
    expect(only(gunicornStack({ gunicorn: { transport: 'unix', port: 80 } }), 'port-conflict')).toEqual([]);
    const twin = gunicornStack();
    twin.nodes.push(n('proxy2', 'nginx', 'web'));
    twin.edges.push(e('e9', 'browser', 'proxy2'), e('e10', 'proxy2', 'wsgi'));
    const found = only(twin, 'port-conflict');
    expect(found.map((d) => d.nodes)).toEqual([['proxy', 'proxy2']]);
    const fixed = found[0]!.fix!.apply(load(twin));
    expect(fixed.nodes.find((node) => node.id === 'proxy2')!.props).toMatchObject({ listen: 8080 });
  });

  it('socket-conflict needs the unix transport on both servers', () => {
    const file = design(
      [
        n('browser', 'client'),
        n('proxy', 'nginx', 'web'),
        n('a', 'gunicorn', 'a', { transport: 'unix' }),
        n('fa', 'flask', 'a'),
        n('b', 'gunicorn', 'b', { transport: 'tcp' }),
        n('fb', 'flask', 'b'),
      ],
      [
        e('e1', 'browser', 'proxy'),
        e('e2', 'proxy', 'a'),
        e('e3', 'proxy', 'b', { route: '/b/' }),
        e('e4', 'a', 'fa'),
        e('e5', 'b', 'fb'),
      ],
    );
    expect(only(file, 'socket-conflict')).toEqual([]);
    (file.nodes[4]!.props as Record<string, unknown>).transport = 'unix';
    expect(only(file, 'socket-conflict').map((d) => d.nodes)).toEqual([['a', 'b']]);
  });
});

describe('reachability and loops', () => {
  it('a design without clients reports the missing client once, not every node', () => {
    const file = design(
      [n('proxy', 'nginx', 'web'), n('spa', 'react-static', 'web')],
      [e('e1', 'proxy', 'spa')],
    );
    expect(rulesOf(file)).toEqual(['no-entry-point']);
  });

  it('an empty design has no entry point and nothing to connect', () => {
    const [diagnostic] = only(design([], []), 'no-entry-point');
    expect(diagnostic!.fix).toBeUndefined();
  });

  it('a client that reaches nothing fires no-entry-point and every node is unreachable', () => {
    const file = design([n('browser', 'client'), n('proxy', 'nginx', 'web')], []);
    expect(rulesOf(file)).toEqual(['no-entry-point', 'unreachable-node']);
    const fixed = only(file, 'no-entry-point')[0]!.fix!.apply(load(file));
    expect(validate(fixed)).toEqual([]);
  });

  it('a self-loop and a two-node loop are two cycles', () => {
    const file = design(
      [
        n('browser', 'client'),
        n('proxy', 'nginx', 'web'),
        n('wsgi', 'gunicorn', 'app'),
        n('api', 'flask', 'app'),
      ],
      [
        e('e1', 'browser', 'proxy'),
        e('e2', 'proxy', 'proxy'),
        e('e3', 'proxy', 'wsgi'),
        e('e4', 'wsgi', 'api'),
        e('e5', 'api', 'wsgi'),
      ],
    );
    expect(only(file, 'cycle').map((d) => [d.nodes, d.edges])).toEqual([
      [
        ['wsgi', 'api'],
        ['e4', 'e5'],
      ],
      [['proxy'], ['e2']],
    ]);
  });
});

describe('workers-out-of-range', () => {
  it('uses the 4-CPU reference limit of 17, skips "auto", and warns below 1', () => {
    expect(only(gunicornStack({ gunicorn: { workers: 'auto' } }), 'workers-out-of-range')).toEqual([]);
    expect(only(gunicornStack({ gunicorn: { workers: 17 } }), 'workers-out-of-range')).toEqual([]);
    const [high] = only(gunicornStack({ gunicorn: { workers: 18 } }), 'workers-out-of-range');
    expect(high!.message).toContain('4 CPUs');
    expect(only(gunicornStack({ gunicorn: { workers: 0 } }), 'workers-out-of-range')).toHaveLength(1);
    const uwsgi = uwsgiStack('uwsgi', 'uwsgi_pass');
    (uwsgi.nodes[2]!.props as Record<string, unknown>).processes = -3;
    const [low] = only(uwsgi, 'workers-out-of-range');
    expect(low!.severity).toBe('warning');
    expect(low!.fix!.apply(load(uwsgi)).nodes[2]!.props).toMatchObject({ processes: 1 });
  });
});

describe('field rules', () => {
  it('checks socket paths whatever the transport, and names the node', () => {
    const [diagnostic] = only(
      gunicornStack({ gunicorn: { transport: 'tcp', socketPath: 'run/g.sock' } }),
      'invalid-path',
    );
    expect(diagnostic!.nodes).toEqual(['wsgi']);
    expect(diagnostic!.message).toContain('socketPath');
  });

  it('reports a bad route on its edge and refuses %-escapes', () => {
    const file = gunicornStack();
    file.edges[1] = e('e2', 'proxy', 'wsgi', { route: '/%2e%2e/' });
    const [diagnostic] = only(file, 'invalid-route');
    expect(diagnostic!.edges).toEqual(['e2']);
    expect(diagnostic!.nodes).toEqual(['proxy', 'wsgi']);
  });

  it('allows any script in labels and the design name, up to 100 characters for the name', () => {
    const file = gunicornStack();
    file.name = '가게 – Ελληνικά ' + 'x'.repeat(80);
    expect(only(file, 'invalid-label')).toEqual([]);
    file.name = 'y'.repeat(101);
    expect(only(file, 'invalid-label')).toHaveLength(1);
  });

  it('sorts errors before warnings', () => {
    const file = gunicornStack({ gunicorn: { workers: 99, port: 0 } });
    expect(validate(load(file)).map((d) => d.severity)).toEqual(['error', 'warning']);
  });
});

describe('robustness beyond the loader', () => {
  it('a design mid-edit (dangling edge, a server without a container) gets diagnostics, never an internal error', () => {
    const current = load(gunicornStack());
    const broken = {
      ...current,
      nodes: current.nodes.map((node) => (node.id === 'wsgi' ? { ...node, container: undefined } : node)),
      edges: [...current.edges, { id: 'dangling', source: 'api', target: 'gone', props: {} }],
    };
    const diagnostics = validate(broken);
    expect(diagnostics.filter((d) => d.message.startsWith('internal error'))).toEqual([]);
    expect(diagnostics.map((d) => d.rule)).toContain('wsgi-app-same-container');
  });
});
