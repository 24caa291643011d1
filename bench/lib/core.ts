import { performance } from 'node:perf_hooks';
import { generate } from '../../src/exporters/generate';
import { validate } from '../../src/validation/validate';
import { independentStacksDesign } from './designs';
import { median, round } from './stats';

export interface CoreResult {
  medianMs: number;
  runs: number;
  nodes: number;
  edges: number;
  files: number;
  bytes: number;
  errors: number;
  warnings: number;
  samplesMs: number[];
}

/**
 * validate + generate of a valid 1,000-node design in this Node process, after a warm-up, median of
 * `runs` timed runs. The design is a fresh object each run only in identity terms: the pure core
 * memoises nothing itself (the store's memo lives in src/store), so every run does the full work.
 */
export function benchValidateGenerate(runs = 30, warmup = 5): CoreResult {
  const design = independentStacksDesign(200);
  let files: Record<string, string> = {};
  let diagnostics = validate(design);
  for (let i = 0; i < warmup; i++) {
    diagnostics = validate(design);
    files = generate(design);
  }
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const copy = { ...design };
    const start = performance.now();
    diagnostics = validate(copy);
    files = generate(copy);
    samples.push(performance.now() - start);
  }
  const bytes = Object.values(files).reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  return {
    medianMs: round(median(samples)),
    runs,
    nodes: design.nodes.length,
    edges: design.edges.length,
    files: Object.keys(files).length,
    bytes,
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    samplesMs: samples.map((s) => round(s)),
  };
}
