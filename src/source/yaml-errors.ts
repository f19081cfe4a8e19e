// The `yaml` package's errors and warnings as located diagnostics with our codes, messages and fixes.
import type { YAMLError } from 'yaml';
import { diagnosticOf } from '../diagnostics/collector.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { SOURCE_CODES } from './codes.js';
import { isDuplicateKeyError } from './duplicates.js';
import type { SpanAt } from './source-file.js';

/** One parser error or warning as a diagnostic. */
export function yamlErrorDiagnostic(file: string, error: YAMLError, at: SpanAt, severity: 'error' | 'warning'): Diagnostic {
  const [start, end] = error.pos;
  const message = firstLine(error.message);
  const place = { ...at(start, Math.max(end, start + 1)), file, path: '' };
  switch (error.code) {
    case 'DUPLICATE_KEY': {
      const hint = 'keep one of the entries';
      if (!isDuplicateKeyError(error)) return diagnosticOf(SOURCE_CODES.duplicateKey, place, 'duplicate key in a mapping', { hint, severity });
      // The key as data (consumers such as the lockfile reader name it without reading the text
      // back), and the first occurrence: the value checked is this, the last, one's.
      const [firstStart, firstEnd] = error.first;
      const related = [{ ...at(firstStart, firstEnd), file, message: `the first \`${error.key}\`` }];
      return diagnosticOf(SOURCE_CODES.duplicateKey, place, 'duplicate key in a mapping', { hint, actual: error.key, related, severity });
    }
    case 'TAB_AS_INDENT':
      return diagnosticOf(SOURCE_CODES.tab, place, 'tab character used for indentation', { hint: 'indent with spaces', severity });
    case 'RESOURCE_EXHAUSTION':
      return diagnosticOf(SOURCE_CODES.aliasBomb, place, message, { severity });
    default:
      if (severity === 'warning') return diagnosticOf(SOURCE_CODES.yamlWarning, place, message, { severity });
      return diagnosticOf(SOURCE_CODES.yamlSyntax, place, message, { hint: syntaxHint(error, message), severity });
  }
}

function syntaxHint(error: YAMLError, message: string): string | undefined {
  if (/\t/.test(message) || /tab/i.test(message)) return 'indent with spaces, not tabs';
  if (error.code === 'MISSING_CHAR') return 'close the quote or bracket opened before this point';
  if (error.code === 'BAD_INDENT') return 'align the entries of one mapping at the same column, with spaces';
  return undefined;
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  // The yaml package appends " at line L, column C"; our diagnostics carry the position already.
  return line.replace(/ at line \d+, column \d+:?$/, '').trim();
}
