import { COMPOSE_EN, generate, generatePreview } from '../exporters/generate';
import * as validationEngine from '../validation/engine';
import { isInputError } from '../validation/severity';
import { useAppStore } from './index';
import { diagnosticsOf, memoByDesignPerTarget } from './selectors';
import { provideValidation } from './validation';

// The preview never shows files generated before the design was checked: its chunk brings the rules.
provideValidation(validationEngine);

/** What the preview shows: the files, and while a value is refused, why they are not up to date. */
export interface Preview {
  files: Record<string, string>;
  /**
   * Set while the design cannot be generated (a field holds a value no file may carry): `files` are
   * then the last ones generated for this target and language, and this names the field.
   */
  stale: string | null;
}

/**
 * The last files each target and language generated: state the preview keeps showing while a value
 * being typed is refused, rather than blanking every file.
 */
const lastGood = new Map<string, Record<string, string>>();

/**
 * The preview of a design for a target in the UI's language, remembered per target and language. In
 * a module of its own so the exporters load with the preview panel, not with the editor's first
 * paint.
 */
export const previewOf = memoByDesignPerTarget((design, target, catalogue): Preview => {
  const diagnostics = diagnosticsOf(design, target, catalogue);
  const options = { ...COMPOSE_EN, target, lang: catalogue.lang, diagnostics };
  const key = `${target} ${catalogue.lang}`;
  try {
    const files = generate(design, options).files;
    lastGood.set(key, files);
    return { files, stale: null };
  } catch (error) {
    const why =
      diagnostics.find(isInputError)?.message ?? (error instanceof Error ? error.message : String(error));
    return { files: lastGood.get(key) ?? generatePreview(design, options), stale: why };
  }
});

/**
 * The bundle's files as downloaded: never stale ones. A refused value yields a README naming it (the
 * download itself refuses such a design first).
 */
export const filesOf = memoByDesignPerTarget((design, target, catalogue) => {
  const preview = previewOf(design, target, catalogue);
  if (preview.stale === null) return preview.files;
  return generatePreview(design, {
    ...COMPOSE_EN,
    target,
    lang: catalogue.lang,
    diagnostics: diagnosticsOf(design, target, catalogue),
  });
});

export function useGeneratedFiles(): Record<string, string> {
  return useAppStore((state) => filesOf(state.design, state.target, state.catalogue));
}
