// The `yaml` package's errors and warnings as located diagnostics with our codes, messages and fixes.
import type { YAMLError } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { SOURCE_CODES } from './codes.js';
import { isDuplicateKeyError } from './duplicates.js';
import type { SpanAt } from './source-file.js';

/** One parser error or warning as a diagnostic. */
export function yamlErrorDiagnostic(file: string, error: YAMLError, at: SpanAt, severity: 'error' | 'warning'): Diagnostic {
  const [start, end] = error.pos;
  const message = firstLine(error.message);
  const base = { ...at(start, Math.max(end, start + 1)), severity, file, path: '' };
  switch (error.code) {
    case 'DUPLICATE_KEY': {
      const diagnostic: Diagnostic = { ...base, code: SOURCE_CODES.duplicateKey.code, message: 'duplicate key in a mapping', hint: 'keep one of the entries' };
      if (!isDuplicateKeyError(error)) return diagnostic;
      // The key as data (consumers such as the lockfile reader name it without reading the text
      // back), and the first occurrence: the value checked is this, the last, one's.
      const [firstStart, firstEnd] = error.first;
      return { ...diagnostic, actual: error.key, related: [{ ...at(firstStart, firstEnd), file, message: `the first \`${error.key}\`` }] };
    }
    case 'TAB_AS_INDENT':
      return { ...base, code: SOURCE_CODES.tab.code, message: 'tab character used for indentation', hint: 'indent with spaces' };
    case 'RESOURCE_EXHAUSTION':
      return { ...base, code: SOURCE_CODES.aliasBomb.code, message };
    default:
      if (severity === 'warning') return { ...base, code: SOURCE_CODES.yamlWarning.code, message };
      return { ...base, code: SOURCE_CODES.yamlSyntax.code, message, ...syntaxHint(error, message) };
  }
}

function syntaxHint(error: YAMLError, message: string): { hint?: string } {
  if (/\t/.test(message) || /tab/i.test(message)) return { hint: 'indent with spaces, not tabs' };
  if (error.code === 'MISSING_CHAR') return { hint: 'close the quote or bracket opened before this point' };
  if (error.code === 'BAD_INDENT') return { hint: 'align the entries of one mapping at the same column, with spaces' };
  return {};
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  // The yaml package appends " at line L, column C"; our diagnostics carry the position already.
  return line.replace(/ at line \d+, column \d+:?$/, '').trim();
}
