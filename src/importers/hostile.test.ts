import { describe, expect, it } from 'vitest';
import { COMPOSE_EN, generate } from '../exporters/generate';
import { HOSTILE_STRINGS, TEXT_FIELDS, type TextField } from '../validation/hostileInputs';
import { hasInputErrors, validate } from '../validation/validate';
import { readCompose } from './compose';
import { readNginx } from './nginx';
import { importConfigs } from './resolve';
import { MAX_CONFIG_BYTES, MAX_CONFIG_DEPTH, type ReportEntry } from './types';

const errorOf = (files: { path: string; text: string }[]) => {
  const result = importConfigs(files);
  return { result, errors: result.report.filter((entry) => entry.message.startsWith('error:')) };
};

describe('bad input is refused with file and line, in bounded time', () => {
  it('malformed YAML names the file and line', () => {
    const { result, errors } = errorOf([
      { path: 'docker-compose.yml', text: 'services:\n  web:\n    image: [nginx\n  app: {\n' },
    ]);
    expect(result.design).toBeNull();
    expect(errors[0]).toMatchObject({ file: 'docker-compose.yml' });
    expect(errors[0]!.line).toBeGreaterThan(0);
  });

  it('malformed nginx names the file and line', () => {
    const { errors } = errorOf([
      {
        path: 'site.conf',
        text: 'server {\n  listen 80;\n  location / {\n    proxy_pass http://a:1\n  }\n}\n',
      },
    ]);
    expect(errors[0]).toMatchObject({ file: 'site.conf', line: 4 });
    const unclosed = errorOf([{ path: 'site.conf', text: 'server {\n  listen 80;\n' }]).errors[0];
    expect(unclosed).toMatchObject({ file: 'site.conf', line: 1 });
    const quote = errorOf([{ path: 'site.conf', text: 'server {\n  server_name "x;\n}\n' }]).errors[0];
    expect(quote).toMatchObject({ file: 'site.conf', line: 2 });
  });

  it('files over the design size limit are refused before parsing', () => {
    const big = `services:\n  web:\n    image: nginx\n#${'x'.repeat(MAX_CONFIG_BYTES)}\n`;
    const { errors } = errorOf([{ path: 'docker-compose.yml', text: big }]);
    expect(errors[0]!.message).toMatch(/limited to 5 MB/);
  });

  it('nesting deeper than the loader allows is refused (YAML, nginx, Python)', () => {
    const deep = MAX_CONFIG_DEPTH + 5;
    const yaml = `services: ${'['.repeat(deep)}${']'.repeat(deep)}\n`;
    expect(() => readCompose({ path: 'c.yml', text: yaml }, new Map(), [])).toThrow(/nests deeper/);
    const block = `services:\n${Array.from({ length: deep }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`).join('\n')} 1\n`;
    expect(() => readCompose({ path: 'c.yml', text: block }, new Map(), [])).toThrow(/nests deeper/);
    const nginx = `${'http {\n'.repeat(deep)}${'}\n'.repeat(deep)}`;
    expect(() => readNginx({ path: 'n.conf', text: nginx }, new Map(), [])).toThrow(/nest deeper/);
    const python = errorOf([
      { path: 'gunicorn.conf.py', text: `bind = ${'['.repeat(deep)}${']'.repeat(deep)}\n` },
    ]);
    expect(python.errors[0]!.message).toMatch(/nest deeper/);
  });

  it('a YAML alias bomb is refused fast', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    lines.push('services:\n  web:\n    image: *l');
    const started = performance.now();
    const { errors } = errorOf([{ path: 'docker-compose.yml', text: lines.join('\n') }]);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(errors[0]!.message).toMatch(/alias/);
  });

  it('include cycles and includes outside the given files are refused', () => {
    const cycle = errorOf([
      { path: 'nginx/nginx.conf', text: 'http { include conf.d/*.conf; }' },
      { path: 'nginx/conf.d/a.conf', text: 'include b.inc;' },
      { path: 'nginx/conf.d/b.inc', text: 'include a.conf;' },
    ]);
    expect(cycle.errors[0]!.message).toMatch(/include cycle/);
    const outside = errorOf([{ path: 'nginx.conf', text: 'http { include ../secret.conf; }' }]);
    expect(outside.errors[0]).toMatchObject({ file: 'nginx.conf', line: 1 });
    expect(outside.errors[0]!.message).toMatch(/outside the given files/);
  });

  it('a glob include pulls in the matching files', () => {
    const report: ReportEntry[] = [];
    const files = new Map([
      ['nginx/conf.d/a.conf', 'server { listen 8081; }'],
      ['nginx/conf.d/b.conf', 'server { listen 8082; }'],
    ]);
    const config = readNginx(
      { path: 'nginx/nginx.conf', text: 'http { include /etc/nginx/conf.d/*.conf; }' },
      files,
      report,
    );
    expect(config.servers.map((server) => server.listens[0]!.port)).toEqual([8081, 8082]);
  });
});

/** A value written into nginx as a double-quoted string, escaped as nginx reads it. */
const quoted = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const refusedIn = (field: TextField) =>
  HOSTILE_STRINGS.filter((input) => !input.acceptedIn?.includes(field)).map((input) => input.value);

describe('hostile values load as field-rule errors and never reach an export', () => {
  const check = (
    field: TextField,
    files: { path: string; text: string }[],
    read: (design: NonNullable<ReturnType<typeof importConfigs>['design']>) => string | undefined,
    value: string,
  ) => {
    const result = importConfigs(files);
    if (!result.design) return false;
    if (read(result.design) !== value) return false;
    const diagnostics = validate(result.design);
    expect(
      diagnostics.map((d) => d.rule),
      JSON.stringify(value),
    ).toContain(TEXT_FIELDS[field]);
    expect(hasInputErrors(diagnostics)).toBe(true);
    expect(() => generate(result.design!, COMPOSE_EN)).toThrow();
    return true;
  };

  it('in server_name', () => {
    let reached = 0;
    for (const value of refusedIn('nginx.serverName'))
      if (
        check(
          'nginx.serverName',
          [{ path: 'site.conf', text: `server {\n listen 80;\n server_name ${quoted(value)};\n}\n` }],
          (d) => d.nodes.find((n) => n.kind === 'nginx')?.props.serverName as string,
          value,
        )
      )
        reached++;
    expect(reached).toBeGreaterThan(10);
  });

  it('in routes', () => {
    let reached = 0;
    for (const value of refusedIn('edge.route'))
      if (
        check(
          'edge.route',
          [
            {
              path: 'site.conf',
              text: `server {\n listen 80;\n location ${quoted(value)} { proxy_pass http://127.0.0.1:8000; }\n}\n`,
            },
            { path: 'gunicorn.conf.py', text: 'bind = "127.0.0.1:8000"\nwsgi_app = "app:app"\n' },
          ],
          (d) => d.edges.find((e) => e.props.route !== undefined)?.props.route,
          value,
        )
      )
        reached++;
    expect(reached).toBeGreaterThan(10);
  });

  it('in socket paths', () => {
    let reached = 0;
    for (const value of refusedIn('uwsgi.socketPath').filter((v) => !/[\r\n]/.test(v) && v.startsWith('/')))
      if (
        check(
          'uwsgi.socketPath',
          [{ path: 'uwsgi.ini', text: `[uwsgi]\nsocket = ${value}\nmodule = app:app\n` }],
          (d) => d.nodes.find((n) => n.kind === 'uwsgi')?.props.socketPath as string,
          value,
        )
      )
        reached++;
    expect(reached).toBeGreaterThanOrEqual(3);
  });
});
