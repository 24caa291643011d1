import { generate } from '../exporters/generate';
import type { Design } from '../model/design';
import { validate } from '../validation/validate';
import type { Diagnostic } from '../validation/types';
import { useAppStore } from './index';

/** Memoise a derivation on the identity of the design: the store never holds derived copies. */
function memoByDesign<T>(derive: (design: Design) => T): (design: Design) => T {
  let lastDesign: Design | null = null;
  let lastValue: T;
  return (design) => {
    if (design !== lastDesign) {
      lastValue = derive(design);
      lastDesign = design;
    }
    return lastValue;
  };
}

export const diagnosticsOf = memoByDesign(validate);
export const filesOf = memoByDesign(generate);

export function useDiagnostics(): Diagnostic[] {
  return useAppStore((state) => diagnosticsOf(state.design));
}

export function useGeneratedFiles(): Record<string, string> {
  return useAppStore((state) => filesOf(state.design));
}
