/** Helpers for the validation tests (not imported by product code). */
import type { Design } from '../model/design';
import { loadDesign, parseDesign } from '../model/load';
import { serializeDesign } from '../model/serialize';
import type { DesignFile } from './types';

export function load(file: DesignFile | Record<string, unknown>): Design {
  const result = loadDesign(structuredClone(file));
  if (!result.ok) throw new Error(`example does not load: ${JSON.stringify(result.errors)}`);
  return result.design;
}

/** Freeze a value and everything inside it, so any mutation by a quick fix throws. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** The design written to a file and read back: proves a fix leaves a design the loader accepts. */
export function roundTrip(design: Design): Design {
  const result = parseDesign(serializeDesign(design));
  if (!result.ok) throw new Error(`design does not reload: ${JSON.stringify(result.errors)}`);
  return result.design;
}
