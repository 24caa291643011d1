import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTemplate } from '../model/templates';
import { COMPOSE_EN, generate } from './generate';

const work = mkdtempSync(join(tmpdir(), 'stacksketch-defaults-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Run the generated gunicorn.conf.py the way Gunicorn does (exec in the master) and report SECRET_KEY. */
function secretKeyAfterConfig(environment: Record<string, string>): { key: string } {
  const conf = join(work, 'gunicorn.conf.py');
  writeFileSync(
    conf,
    generate(loadTemplate('gunicorn-flask-sqlite'), COMPOSE_EN).files['app/gunicorn.conf.py']!,
  );
  const script = `import os, sys\nexec(open(${JSON.stringify(conf)}).read())\nsys.stdout.write(os.environ["SECRET_KEY"])`;
  const key = execFileSync('/usr/bin/python3', ['-c', script], {
    env: { PATH: '/usr/bin:/bin', ...environment },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { key };
}

describe('production defaults that only show at run time', () => {
  it('gives every Gunicorn worker one shared SECRET_KEY when .env sets none', () => {
    const first = secretKeyAfterConfig({});
    expect(first.key).toMatch(/^[0-9a-f]{64}$/);
    // The config runs once per start, in the master: a new run gets a new key, workers inherit it.
    expect(secretKeyAfterConfig({ SECRET_KEY: '' }).key).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps the SECRET_KEY the environment gives', () => {
    expect(secretKeyAfterConfig({ SECRET_KEY: 'from-dot-env' }).key).toBe('from-dot-env');
  });

  it('stops the Flask dev server with SIGINT, which it honours, and Gunicorn with the default SIGTERM', () => {
    expect(generate(loadTemplate('flask-dev-server'), COMPOSE_EN).files['app/Dockerfile']).toMatch(
      /^STOPSIGNAL SIGINT$/m,
    );
    expect(generate(loadTemplate('gunicorn-flask-sqlite'), COMPOSE_EN).files['app/Dockerfile']).not.toMatch(
      /STOPSIGNAL/,
    );
  });
});
