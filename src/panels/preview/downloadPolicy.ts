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

export function downloadDecision(diagnostics: readonly Diagnostic[]): DownloadDecision {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (hasInputErrors(diagnostics)) {
    const inputErrors = errors.filter(
      (diagnostic) => diagnostic.rule.startsWith('invalid-') && diagnostic.rule !== 'invalid-connection',
    );
    return {
      kind: 'refuse',
      message: `The bundle cannot be downloaded: some values would not be safe in a config file. Fix them first:\n${describe(inputErrors)}`,
    };
  }
  if (hasErrors(diagnostics)) {
    return {
      kind: 'confirm',
      title: `Download with ${errors.length} error${errors.length === 1 ? '' : 's'}?`,
      message: `This bundle will not work as it is:\n${describe(errors)}`,
    };
  }
  return { kind: 'download' };
}
