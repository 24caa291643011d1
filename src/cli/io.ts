import { readFileSync, statSync } from 'node:fs';
import { MAX_FILE_BYTES } from '../model/design';
import { formatLoadError, parseDesign, type LoadResult } from '../model/load';
import { cliLanguage, type CliLanguage } from './language';

/** Read a design file (or "-" for standard input) through the same loader as the browser. */
export function readDesignFile(file: string): LoadResult {
  let text: string;
  try {
    if (file === '-') text = readFileSync(0, 'utf8');
    else {
      const info = statSync(file);
      if (info.isDirectory()) return failure('this is a folder, not a design file');
      if (info.size > MAX_FILE_BYTES)
        return failure(`the file is ${(info.size / 1024 / 1024).toFixed(1)} MB; designs are limited to 5 MB`);
      text = readFileSync(file, 'utf8');
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return failure(code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(error)})`);
  }
  return parseDesign(text);
}

export function printLoadErrors(
  file: string,
  result: Extract<LoadResult, { ok: false }>,
  { cli, loadError }: Pick<CliLanguage, 'cli' | 'loadError'> = cliLanguage('en'),
): void {
  for (const error of result.errors)
    process.stderr.write(`${cli.loadError({ file, message: formatLoadError(error, loadError) })}\n`);
}

function failure(message: string): LoadResult {
  return { ok: false, errors: [{ path: '', message }] };
}
