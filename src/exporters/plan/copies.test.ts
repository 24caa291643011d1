import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { setReplicas } from '../../model/containers';
import { setEdgeProp } from '../../model/edit';
import { parseDesign } from '../../model/load';
import { serializeDesign } from '../../model/serialize';
import { loadTemplate } from '../../model/templates';
import { COMPOSE_EN, generate } from '../generate';

const LB = '';

function upstreamLines(nginxConf: string): string[] {
  const start = nginxConf.indexOf('upstream app_8000 {') + 'upstream app_8000 {'.length;
  const end = nginxConf.indexOf('}', start);
  return nginxConf
    .slice(start, end)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

describe('replicas in the compose bundle', () => {
  it('runs one Compose service per copy, each with its INSTANCE, built from one folder', () => {
    const { plan, files } = generate(loadTemplate('load-balanced-gunicorn'), COMPOSE_EN);
    const compose = parseYaml(files[`${LB}docker-compose.yml`]!) as {
      services: Record<string, { build: { context: string }; environment?: Record<string, string> }>;
    };
    expect(Object.keys(compose.services).sort()).toEqual(['app-1', 'app-2', 'app-3', 'web']);
    for (const copy of ['app-1', 'app-2', 'app-3']) {
      expect(compose.services[copy]!.build.context).toBe('./app');
      expect(compose.services[copy]!.environment!.INSTANCE).toBe(copy);
    }
    expect(plan.services.find((service) => service.name === 'web')!.dependsOn).toEqual([
      'app-1',
      'app-2',
      'app-3',
    ]);
    expect(Object.keys(files).filter((path) => path.endsWith('gunicorn.conf.py'))).toEqual([
      `${LB}app/gunicorn.conf.py`,
    ]);
  });

  it('lists every copy in the upstream with the balance method, failure limits and keep-alive', () => {
    const { files } = generate(loadTemplate('load-balanced-gunicorn'), COMPOSE_EN);
    const conf = files[`${LB}web/nginx.conf`]!;
    expect(upstreamLines(conf)).toEqual([
      'least_conn;',
      'server app-1:8000 max_fails=3 fail_timeout=10s;',
      'server app-2:8000 max_fails=3 fail_timeout=10s;',
      'server app-3:8000 max_fails=3 fail_timeout=10s;',
      'keepalive 16;',
    ]);
    expect(conf).toContain('proxy_next_upstream error timeout http_502 http_503;');
    expect(conf).not.toMatch(/^\s*proxy_next_upstream [^\n]*non_idempotent/m);
    expect(conf).toContain('proxy_set_header Connection "";');
  });

  it('uses ip_hash when the edge asks for it, and no method line for round-robin', () => {
    const design = loadTemplate('load-balanced-gunicorn');
    const ipHash = generate(setEdgeProp(design, 'e2', 'balance', 'ip-hash'), COMPOSE_EN).files;
    expect(upstreamLines(ipHash[`${LB}web/nginx.conf`]!)[0]).toBe('ip_hash;');
    const roundRobin = generate(setEdgeProp(design, 'e2', 'balance', 'round-robin'), COMPOSE_EN).files;
    expect(upstreamLines(roundRobin[`${LB}web/nginx.conf`]!)[0]).toBe(
      'server app-1:8000 max_fails=3 fail_timeout=10s;',
    );
  });

  it('keeps one service named after the container at replicas 1 (no INSTANCE: the host name answers)', () => {
    const single = setReplicas(loadTemplate('load-balanced-gunicorn'), 'app', 1);
    const { files } = generate(single, COMPOSE_EN);
    const compose = parseYaml(files[`${LB}docker-compose.yml`]!) as {
      services: Record<string, { environment?: Record<string, string> }>;
    };
    expect(Object.keys(compose.services).sort()).toEqual(['app', 'web']);
    expect(compose.services.app!.environment!.INSTANCE).toBeUndefined();
    expect(upstreamLines(files[`${LB}web/nginx.conf`]!)).toEqual([
      'server app:8000 max_fails=0;',
      'server app:8000 max_fails=0;',
      'keepalive 16;',
    ]);
    expect(files[`${LB}app/app.py`]).toContain(
      'instance = os.environ.get("INSTANCE") or socket.gethostname()',
    );
  });
});

describe('the balance edge prop', () => {
  it('saves and loads back', () => {
    const design = setEdgeProp(loadTemplate('gunicorn-flask-sqlite'), 'e2', 'balance', 'ip-hash');
    const reloaded = parseDesign(serializeDesign(design));
    expect(reloaded.ok && reloaded.design.edges.find((edge) => edge.id === 'e2')!.props.balance).toBe(
      'ip-hash',
    );
  });

  it('is a load error naming the field when out of range, or on an edge that does not balance', () => {
    const file = JSON.parse(serializeDesign(loadTemplate('gunicorn-flask-sqlite'))) as {
      edges: { id: string; props?: Record<string, unknown> }[];
    };
    file.edges.find((edge) => edge.id === 'e2')!.props = { route: '/', balance: 'random' };
    const bad = parseDesign(JSON.stringify(file));
    expect(bad.ok ? [] : bad.errors.map((error) => error.path)).toContain('edges[1].props.balance');
    file.edges.find((edge) => edge.id === 'e2')!.props = { route: '/' };
    file.edges.find((edge) => edge.id === 'e1')!.props = { balance: 'least-conn' };
    const misplaced = parseDesign(JSON.stringify(file));
    expect(misplaced.ok ? [] : misplaced.errors.map((error) => error.path)).toContain(
      'edges[0].props.balance',
    );
  });
});
