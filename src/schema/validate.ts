// Validating a parsed document (or part of one) against a shipped schema, with located diagnostics.
import { diagnosticOf } from '../diagnostics/collector.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { CodeDefinition } from '../diagnostics/registry.js';
import type { SourceDocument } from '../source/parse.js';
import { getValidator, type SchemaName } from './ajv.js';
import { SCHEMA_CODES } from './codes.js';
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
  const place = { ...doc.locate(path, problem.target), file: doc.file, path, document: doc.index };
  return diagnosticOf(schemaCode(problem.code), place, problem.message, { hint: problem.hint || undefined, expected: problem.expected, actual: problem.actual });
}

/** The schema stage's definitions by code: a problem names its code, the registry gives its severity. */
const SCHEMA_CODE_BY_ID = new Map<string, CodeDefinition>(Object.values(SCHEMA_CODES).map((definition) => [definition.code, definition]));

function schemaCode(code: string): CodeDefinition {
  const definition = SCHEMA_CODE_BY_ID.get(code);
  if (!definition) throw new Error(`schema problem with a code the schema stage does not define: ${code}`);
  return definition;
}
