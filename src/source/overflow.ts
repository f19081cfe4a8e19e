// Running out of stack while parsing: one diagnostic, the same wherever it happened (docs/packages.md#broken-and-hostile-input).
import { diagnosticOf } from '../diagnostics/collector.js';
import { FILE_START } from '../diagnostics/diagnostic.js';
import { SOURCE_CODES } from './codes.js';
import type { SourceFile } from './source-file.js';

/** Whether an error is V8 running out of stack (a RangeError, but not every RangeError is one). */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/**
 * The one diagnostic for a file whose parse ran out of stack, wherever that happened (the parser,
 * alias expansion, position lookups): the same code, place and message every time, never V8's.
 */
export function stackOverflowResult(file: string, text: string): SourceFile {
  return {
    file,
    text,
    documents: [],
    diagnostics: [
      diagnosticOf(SOURCE_CODES.tooDeep, { ...FILE_START, file, path: '' }, 'the file is too deeply nested or too complex to parse', {
        hint: 'flatten the structure, and check for an unclosed quote or bracket',
      }),
    ],
  };
}
