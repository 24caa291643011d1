/**
 * `npx tsx bench/systemd-exposure.ts`: measures only the server target's systemd exposure and
 * writes `systemdExposureMax` (and each unit's figure) into bench/results.json, leaving the rest of
 * the file as the last full bench wrote it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { measureSystemdExposure } from './lib/systemdExposure';

const RESULTS = join(import.meta.dirname, 'results.json');

const report = measureSystemdExposure();
const results = JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>;
results.systemdExposureMax = report.max;
results.systemdExposure = report.units;
const options = (await prettier.resolveConfig(RESULTS)) ?? {};
writeFileSync(
  RESULTS,
  await prettier.format(JSON.stringify(results, null, 2), { ...options, parser: 'json' }),
);
process.stdout.write(`systemdExposureMax ${report.max}\n${JSON.stringify(report.units, null, 2)}\n`);
