import { COMPOSE_EN, generatePreview } from '../exporters/generate';
import { useAppStore } from './index';
import { diagnosticsOf, memoByDesignPerTarget } from './selectors';

/**
 * The generated files of a design, memoised on its identity. In a module of its own so the
 * exporters load with the preview panel, not with the editor's first paint. The preview never
 * crashes on a value being typed: a refused value yields a README naming it.
 */
export const filesOf = memoByDesignPerTarget((design, target) =>
  generatePreview(design, { ...COMPOSE_EN, target, diagnostics: diagnosticsOf(design, target) }),
);

export function useGeneratedFiles(): Record<string, string> {
  return useAppStore((state) => filesOf(state.design, state.target));
}
