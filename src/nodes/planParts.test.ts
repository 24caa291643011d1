import { describe, expect, it } from 'vitest';
import type { PlannedApp, PythonProcess } from '../exporters/planTypes';
import { PLAN_PARTS, appPart, databasePart, proxyPart, staticPart, wsgiServerPart } from './planParts';
import { NODE_KINDS, descriptorOf, hasRole, kindsWithRole, type Role } from './registry';
import { defaultProps } from './types';

const PART_OF_ROLE: [Role, keyof (typeof PLAN_PARTS)[keyof typeof PLAN_PARTS]][] = [
  ['wsgi-server', 'wsgiServer'],
  ['app', 'app'],
  ['proxy', 'proxy'],
  ['static', 'static'],
  ['database', 'database'],
];

describe('plan parts', () => {
  it('exist for exactly the roles a kind plays', () => {
    for (const kind of NODE_KINDS)
      for (const [role, part] of PART_OF_ROLE)
        expect(PLAN_PARTS[kind][part] !== undefined, `${kind} ${role}`).toBe(hasRole(kind, role));
  });

  it('are reached by role, and a missing one is named', () => {
    const [server] = kindsWithRole('wsgi-server');
    expect(wsgiServerPart(server!).configFile).toMatch(/\.(py|ini)$/);
    expect(() => databasePart(server!)).toThrow(/no database plan part/);
    expect(proxyPart(kindsWithRole('proxy')[0]!).user).not.toBe('root');
    expect(staticPart(kindsWithRole('static')[0]!).build.output).toBe('dist');
    expect(appPart(kindsWithRole('app')[0]!).entry(null)).toEqual({ module: 'app', callable: 'app' });
  });

  it('an app that collects static files for nginx can also fill that folder on its own, and only then', () => {
    for (const kind of kindsWithRole('app'))
      for (const staticRoute of ['/static/', '']) {
        const props = { ...(defaultProps(descriptorOf(kind) as never) as object), staticRoute };
        const app: PlannedApp = {
          node: 'api',
          kind,
          module: 'app',
          callable: 'app',
          apiBases: ['/api/'],
          database: null,
          file: 'app.py',
          synthesized: false,
          settings: props,
          frontDoors: [],
        };
        const part = appPart(kind);
        const served = part.staticFiles?.(props as never) ?? null;
        const command = part.collectCommand?.(app) ?? null;
        // nginx serves the folder only when the app can fill it: an init container runs this command.
        if (served) expect(command, `${kind} ${staticRoute}`).not.toBeNull();
        if (part.collectFolder?.(props as never) === null)
          expect(command, `${kind} ${staticRoute}`).toBeNull();
      }
  });

  it("describe each WSGI server's process from its props, listening where the descriptor says", () => {
    for (const kind of kindsWithRole('wsgi-server')) {
      const props = defaultProps(descriptorOf(kind) as never) as object;
      const process = wsgiServerPart(kind).process(props);
      expect(process.bind).toEqual(descriptorOf(kind).listener!(props as never));
      const planned: PythonProcess = { node: 'srv', kind, role: 'wsgi-server', ...process };
      const app: PlannedApp = {
        node: 'api',
        kind: kindsWithRole('app')[0]!,
        module: 'app',
        callable: 'app',
        apiBases: ['/api/'],
        database: null,
        file: 'app.py',
        synthesized: false,
        settings: {},
        frontDoors: [],
      };
      const config = wsgiServerPart(kind).renderConfig(planned, app, '/app', 'en');
      expect(config.length).toBeGreaterThan(100);
      expect(wsgiServerPart(kind).command.join(' ')).toContain(
        wsgiServerPart(kind).configFile.split('.')[0]!,
      );
    }
  });
});
