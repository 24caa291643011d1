import { uiMessages } from '../../i18n/en/ui';
import type { UiMessages } from '../../i18n';
import type { Diagnostic } from '../../validation/types';
import { hasErrors, hasInputErrors } from '../../validation/severity';

/** What the download button does for a design with these diagnostics. Pure. */
export type DownloadDecision =
  | { kind: 'download' }
  | { kind: 'confirm'; title: string; message: string }
  | { kind: 'refuse'; message: string };

function describe(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((diagnostic) => `• ${diagnostic.rule}: ${diagnostic.message}`).join('\n');
}

/** `words` are the download words of the UI's language (the diagnostics are already in it). */
export function downloadDecision(
  diagnostics: readonly Diagnostic[],
  words: UiMessages['download'] = uiMessages.download,
): DownloadDecision {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (hasInputErrors(diagnostics)) {
    const inputErrors = errors.filter(
      (diagnostic) => diagnostic.rule.startsWith('invalid-') && diagnostic.rule !== 'invalid-connection',
    );
    return {
      kind: 'refuse',
      message: words.refused({ list: describe(inputErrors) }),
    };
  }
  if (hasErrors(diagnostics)) {
    return {
      kind: 'confirm',
      title: words.confirmTitle({ count: errors.length }),
      message: words.confirmMessage({ list: describe(errors) }),
    };
  }
  return { kind: 'download' };
}
