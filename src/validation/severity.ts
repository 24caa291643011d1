import type { Diagnostic } from './types';

/*
 * What a list of diagnostics means for a download or an export. Apart from validate.ts so the editor
 * can ask it without loading every rule.
 */

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}

/** An `invalid-*` error: a bad field value that no `--force` may carry into a file. */
export function isInputError(diagnostic: Diagnostic): boolean {
  return (
    diagnostic.severity === 'error' &&
    diagnostic.rule.startsWith('invalid-') &&
    diagnostic.rule !== 'invalid-connection'
  );
}

export function hasInputErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some(isInputError);
}
