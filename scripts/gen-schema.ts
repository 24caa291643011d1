/** Writes public/stacksketch.schema.json from the kind descriptors (npm run schema). */
import { writeFileSync } from 'node:fs';
import { designJsonSchemaText } from '../src/model/schema';

const target = new URL('../public/stacksketch.schema.json', import.meta.url);
writeFileSync(target, designJsonSchemaText());
console.log(`wrote ${target.pathname}`);
