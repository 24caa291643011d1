import { COMPOSE_EN, generatePreview } from '../exporters/generate';
import { useAppStore } from './index';
import { diagnosticsOf, memoByDesignPerTarget } from './selectors';

/**
 * The generated files of a design for a target in the UI's language, remembered per target and
 * language. In a module of its own so the exporters load with the preview panel, not with the
 * editor's first paint. The preview never crashes on a value being typed: a refused value yields a
 * README naming it.
 */
export const filesOf = memoByDesignPerTarget((design, target, catalogue) =>
  generatePreview(design, {
    ...COMPOSE_EN,
    target,
    lang: catalogue.lang,
    diagnostics: diagnosticsOf(design, target, catalogue),
  }),
);

export function useGeneratedFiles(): Record<string, string> {
  return useAppStore((state) => filesOf(state.design, state.target, state.catalogue));
}
