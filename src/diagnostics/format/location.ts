// How formatters name files and places: paths relative to the working directory, `file:line:col`.
import { isAbsolute, relative, sep } from 'node:path';
import type { Diagnostic, RelatedLocation } from '../diagnostic.js';

/**
 * The path to show for `file`: relative to `cwd` when it is absolute and inside `cwd`, with
 * forward slashes on Windows so output is the same on every platform.
 */
export function displayPath(file: string, cwd?: string): string {
  let shown = file;
  if (cwd !== undefined && isAbsolute(file)) {
    const rel = relative(cwd, file);
    const outside = rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
    if (rel !== '' && !outside) shown = rel;
  }
  return sep === '\\' ? shown.split(sep).join('/') : shown;
}

/**
 * `file:line:column` for a diagnostic or related location; just `file` when it has no line, and
 * '' when it has no file.
 */
export function formatLocation(place: Pick<Diagnostic | RelatedLocation, 'file' | 'line' | 'column'>, cwd?: string): string {
  if (place.file === '') return '';
  const file = displayPath(place.file, cwd);
  return place.line > 0 ? `${file}:${place.line}:${place.column}` : file;
}
