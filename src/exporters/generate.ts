import type { Design } from '../model/design';
import { serializeDesign } from '../model/serialize';

/**
 * Every file of the bundle, keyed by its path inside the bundle folder. Pure and deterministic.
 * (Placeholder until the exporters land: only the design itself.)
 */
export function generate(design: Design): Record<string, string> {
  return { 'design.json': serializeDesign(design) };
}
