/** Writes docs/rules.md (English) and docs/rules.ko.md (Korean) from the rule registry: `npm run docs:rules`. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderRulesDoc } from '../src/validation/rulesDoc';

for (const [lang, file] of [
  ['en', 'rules.md'],
  ['ko', 'rules.ko.md'],
] as const) {
  const target = fileURLToPath(new URL(`../docs/${file}`, import.meta.url));
  writeFileSync(target, renderRulesDoc(lang));
  process.stdout.write(`wrote ${target}\n`);
}
