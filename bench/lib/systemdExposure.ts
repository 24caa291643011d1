/**
 * `systemd-analyze security --offline=true` exposure of every service unit the server target
 * generates for the first-release templates (and a container with replicas, for the template
 * unit). Lower is safer; the bundle check allows at most 2.0 per unit.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from '../../src/exporters/generate';
import { loadTemplate, type TemplateId } from '../../src/model/templates';
import { writeFiles } from '../../scripts/lib/bundle';
import { runSync } from '../../scripts/lib/proc';

const TEMPLATES: readonly TemplateId[] = [
  'gunicorn-flask-sqlite',
  'uwsgi-unix-socket',
  'react-nginx-gunicorn',
  'flask-dev-server',
];

export interface ExposureReport {
  /** The highest figure of any unit (null when none could be measured). */
  max: number | null;
  /** Each unit's figure, by template and unit file. */
  units: Record<string, number>;
}

function designs() {
  const replicated = loadTemplate('gunicorn-flask-sqlite');
  replicated.containers = { ...replicated.containers, app: { replicas: 3 } };
  return [
    ...TEMPLATES.map((id) => ({ id: id as string, design: loadTemplate(id) })),
    { id: 'gunicorn-flask-sqlite×3', design: replicated },
  ];
}

export function measureSystemdExposure(): ExposureReport {
  const work = mkdtempSync(join(tmpdir(), 'stacksketch-exposure-'));
  const units: Record<string, number> = {};
  try {
    for (const { id, design } of designs()) {
      const { files } = generate(design, { target: 'server', lang: 'en' });
      const dir = join(work, id);
      writeFiles(dir, files);
      for (const path of Object.keys(files).filter((file) => /^systemd\/.*\.service$/.test(file))) {
        const result = runSync([
          'systemd-analyze',
          'security',
          '--offline=true',
          '--no-pager',
          join(dir, path),
        ]);
        const figure = /Overall exposure level for \S+: ([0-9.]+)/.exec(result.output)?.[1];
        if (figure !== undefined) units[`${id}: ${path.slice('systemd/'.length)}`] = Number(figure);
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const figures = Object.values(units);
  return { max: figures.length > 0 ? Math.max(...figures) : null, units };
}
