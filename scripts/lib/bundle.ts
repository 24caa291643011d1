import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Design } from '../../src/model/design';
import { fileMode, isSafeBundlePath } from '../../src/exporters/folder';
import { COMPOSE_EN, generate, type GenerateOptions } from '../../src/exporters/generate';

import type { DeploymentPlan } from '../../src/exporters/planTypes';

export interface WrittenBundle {
  dir: string;
  files: Record<string, string>;
  plan: DeploymentPlan;
}

/** A fresh temporary folder under the system temp dir (the run's temp area). */
export function makeTempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `stacksketch-${prefix}-`));
}

/** Write generated files the way the CLI export does (same paths, same modes). */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    if (!isSafeBundlePath(path)) throw new Error(`generated path leaves the bundle: ${JSON.stringify(path)}`);
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
    chmodSync(target, fileMode(path));
  }
}

/** Export a design into `parent/<folder>` with the same generate() the CLI uses. */
export function writeBundle(
  design: Design,
  parent: string,
  options: GenerateOptions = COMPOSE_EN,
): WrittenBundle {
  const { plan: deployment, files } = generate(design, options);
  const dir = join(parent, deployment.folder);
  mkdirSync(dir, { recursive: true });
  writeFiles(dir, files);
  return { dir, files, plan: deployment };
}
