// Validating a parsed document (or part of one) against a shipped schema, with located diagnostics.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../source/parse.js';
import { getValidator, type SchemaName } from './ajv.js';
import { collapseAjvErrors, type SchemaProblem } from './collapse.js';

/** Validate a plain value against a schema; problems carry JSON pointers relative to the value. */
export function checkValue(schema: SchemaName, value: unknown): SchemaProblem[] {
  const validate = getValidator(schema);
  if (validate(value)) return [];
  return collapseAjvErrors(validate.errors ?? []);
}

/**
 * Validate a document's value (or the value found at `prefix` inside it) against a schema and
 * locate each problem in the file. Returns the diagnostics and the pointers that had problems.
 */
export function checkDocument(
  doc: SourceDocument,
  schema: SchemaName,
  options: { prefix?: string; value?: unknown } = {},
): Diagnostic[] {
  const prefix = options.prefix ?? '';
  const value = 'value' in options ? options.value : doc.value;
  return checkValue(schema, value).map((problem) => locateProblem(doc, problem, prefix));
}

/** Turn a schema problem into a diagnostic at its place in the document. */
export function locateProblem(doc: SourceDocument, problem: SchemaProblem, prefix = ''): Diagnostic {
  const path = prefix + problem.pointer;
  return {
    ...doc.locate(path, problem.target),
    code: problem.code,
    severity: 'error',
    message: problem.message,
    file: doc.file,
    path,
    document: doc.index,
    ...(problem.hint ? { hint: problem.hint } : {}),
    ...(problem.expected ? { expected: problem.expected } : {}),
    ...(problem.actual !== undefined ? { actual: problem.actual } : {}),
  };
}
