import { COMPOSE_EN, generatePreview } from '../exporters/generate';
import { useAppStore } from './index';
import { diagnosticsOf, memoByDesign } from './selectors';

/**
 * The generated files of a design, memoised on its identity. In a module of its own so the
 * exporters load with the preview panel, not with the editor's first paint. The preview never
 * crashes on a value being typed: a refused value yields a README naming it.
 */
export const filesOf = memoByDesign((design) =>
  generatePreview(design, { ...COMPOSE_EN, diagnostics: diagnosticsOf(design) }),
);

export function useGeneratedFiles(): Record<string, string> {
  return useAppStore((state) => filesOf(state.design));
}
