import { COMPOSE_EN, generatePreview } from '../exporters/generate';
import type { Catalogue } from '../i18n';
import type { Design } from '../model/design';
import { useAppStore } from './index';
import { diagnosticsOf } from './selectors';

let last: { design: Design; catalogue: Catalogue; files: Record<string, string> } | null = null;

/**
 * The generated files of a design in the UI's language, remembered for the last design and language.
 * In a module of its own so the exporters load with the preview panel, not with the editor's first
 * paint. The preview never crashes on a value being typed: a refused value yields a README naming it.
 */
export function filesOf(
  design: Design,
  catalogue: Catalogue = useAppStore.getState().catalogue,
): Record<string, string> {
  if (last?.design !== design || last.catalogue !== catalogue) {
    const diagnostics = diagnosticsOf(design, catalogue.rules);
    last = {
      design,
      catalogue,
      files: generatePreview(design, { ...COMPOSE_EN, lang: catalogue.lang, diagnostics }),
    };
  }
  return last.files;
}

export function useGeneratedFiles(): Record<string, string> {
  return useAppStore((state) => filesOf(state.design, state.catalogue));
}
