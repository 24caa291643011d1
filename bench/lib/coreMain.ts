/**
 * The Node benchmark of the pure core, run in a process of its own (see benchCoreInFreshProcess): the
 * benchmark's main process has just run a production build, whose leftovers would be measured too.
 * Prints one JSON object on stdout.
 */
import { COMPOSE_EN, generate } from '../../src/exporters/generate';
import { validate } from '../../src/validation/validate';
import { benchValidateGenerate, profile } from './core';
import { independentStacksDesign } from './designs';

// 30 warm-ups: V8 sizes its young generation to this workload over the first runs (the first few take ≈ 30 ms)
const result = benchValidateGenerate(30, 30);
const design = independentStacksDesign(200);
// Profiled cold: a fresh copy per run, so the profile shows the full work, not reused results.
const hot = await profile(() => {
  const copy = structuredClone(design);
  generate(copy, { ...COMPOSE_EN, diagnostics: validate(copy) });
}, 10);
process.stdout.write(JSON.stringify({ result, hot }));
