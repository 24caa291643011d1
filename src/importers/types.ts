/** Shared shapes of the config readers: the files they read and what they report. */
import { MAX_FILE_BYTES, MAX_JSON_DEPTH } from '../model/design';

/** One file given to the import, with its path inside the project (forward slashes). */
export interface SourceFile {
  path: string;
  text: string;
}

/** One line of the import report: something left out, not understood, or refused. */
export interface ReportEntry {
  file: string;
  /** 1-based; 0 when the entry is about the whole file. */
  line: number;
  message: string;
}

/** Malformed or refused input: the reader stops and names the file and line. */
export class ImportError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(message);
  }

  toEntry(): ReportEntry {
    return { file: this.file, line: this.line, message: `error: ${this.message}` };
  }
}

/** The same limits as design files: size before reading, nesting while reading. */
export const MAX_CONFIG_BYTES = MAX_FILE_BYTES;
export const MAX_CONFIG_DEPTH = MAX_JSON_DEPTH;

/** Refuse a file over the size limit before any parsing. */
export function checkSize(file: SourceFile): void {
  const bytes = new TextEncoder().encode(file.text).length;
  if (bytes > MAX_CONFIG_BYTES)
    throw new ImportError(
      file.path,
      0,
      `the file is ${(bytes / 1024 / 1024).toFixed(1)} MB; imported files are limited to ${MAX_CONFIG_BYTES / 1024 / 1024} MB`,
    );
}

/** The folder part of a path ("" at the top). */
export function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * Join a relative path onto a folder and normalise it; null when `..` climbs above the top of the
 * given files.
 */
export function joinPath(dir: string, relative: string): string | null {
  const parts = relative.startsWith('/') ? [] : dir.split('/').filter(Boolean);
  for (const part of relative.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}
