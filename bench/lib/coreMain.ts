/**
 * The Node benchmark of the pure core, run in a process of its own (see benchCoreInFreshProcess): the
 * benchmark's main process has just run a production build, whose leftovers would be measured too.
 * Prints one JSON object on stdout.
 */
import { generate } from '../../src/exporters/generate';
import { validate } from '../../src/validation/validate';
import { benchValidateGenerate, profile } from './core';
import { independentStacksDesign } from './designs';

// 30 warm-ups: V8 sizes its young generation to this workload over the first runs (the first few take ≈ 30 ms)
const result = benchValidateGenerate(30, 30);
const design = independentStacksDesign(200);
const hot = await profile(() => generate(validate(design) && design), 10);
process.stdout.write(JSON.stringify({ result, hot }));
