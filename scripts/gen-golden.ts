/** Writes src/exporters/fixtures/golden.json: the exporters' and validator's output for the golden designs. */
import { writeFileSync } from 'node:fs';
import { COMPOSE_EN, generate } from '../src/exporters/generate';
import { diagnosticsDigest, filesDigest, goldenDesigns } from '../src/exporters/testing/golden';
import { validate } from '../src/validation/validate';

const record: Record<string, { files: Record<string, string>; diagnostics: string[] }> = {};
for (const { id, design } of goldenDesigns())
  record[id] = {
    files: filesDigest(generate(design, COMPOSE_EN).files),
    diagnostics: diagnosticsDigest(validate(design)),
  };
writeFileSync('src/exporters/fixtures/golden.json', `${JSON.stringify(record, null, 1)}\n`);
console.log(`golden: ${Object.keys(record).length} designs`);
