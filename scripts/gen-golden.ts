/**
 * Writes src/exporters/fixtures/golden.json (the exporters' and validator's output for the golden
 * designs) and src/exporters/fixtures/golden-targets.json (every template's bundle for every target
 * in every language).
 */
import { writeFileSync } from 'node:fs';
import { COMPOSE_EN, generate } from '../src/exporters/generate';
import { diagnosticsDigest, filesDigest, goldenDesigns } from '../src/exporters/testing/golden';
import { targetsRecord } from '../src/exporters/testing/goldenTargets';
import { validate } from '../src/validation/validate';

const record: Record<string, { files: Record<string, string>; diagnostics: string[] }> = {};
for (const { id, design } of goldenDesigns())
  record[id] = {
    files: filesDigest(generate(design, COMPOSE_EN).files),
    diagnostics: diagnosticsDigest(validate(design)),
  };
writeFileSync('src/exporters/fixtures/golden.json', `${JSON.stringify(record, null, 1)}\n`);
console.log(`golden: ${Object.keys(record).length} designs`);

const targets = targetsRecord();
writeFileSync('src/exporters/fixtures/golden-targets.json', `${JSON.stringify(targets, null, 1)}\n`);
console.log(`golden-targets: ${Object.keys(targets).length} bundles`);
