// Parsing YAML text into documents that remember where every value came from (docs/packages.md#package-properties,
// docs/packages.md#broken-and-hostile-input): the full parser's steps, in order. Each step's detail lives in its own file.
import type { Document, Node as YamlNode } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnosticOf } from '../diagnostics/collector.js';
import { FILE_START } from '../diagnostics/diagnostic.js';
import { aliasBombSpan } from './alias-span.js';
import { SOURCE_CODES } from './codes.js';
import { findExcessiveNesting, HARD_DEPTH_LIMIT } from './depth.js';
import { duplicateKeyErrors, mergeByOffset } from './duplicates.js';
import { reportForbiddenKeys } from './forbidden-keys.js';
import { normalizeLineBreaks } from './line-breaks.js';
import { makeDocument } from './node-document.js';
import { describeNode, findTooDeep, isEmptyDocument, nodeRange } from './nodes.js';
import { isStackOverflow, stackOverflowResult } from './overflow.js';
import { inspectParsed } from './plain.js';
import { LineIndex } from './position.js';
import type { ParseOptions, SourceDocument, SourceFile, SpanAt } from './source-file.js';
import { withoutTabCascade } from './tab-cascade.js';
import { yamlErrorDiagnostic } from './yaml-errors.js';
import { yaml } from './yaml-module.js';
import { mayNeedScan, scanNodes } from './yaml11-scan.js';

// What callers have always imported from here (the stage's index re-exports this file).
export { normalizeLineBreaks } from './line-breaks.js';
export { isStackOverflow } from './overflow.js';
export { decodePointerSegment, escapePointerSegment, joinPointer, splitPointer } from './pointer.js';
export type { LocateTarget, ParseOptions, SourceDocument, SourceFile } from './source-file.js';

/** Default deepest nesting accepted (docs/packages.md#broken-and-hostile-input). */
export const DEFAULT_MAX_DEPTH = 64;
/** Largest number of nodes alias expansion may produce (an alias bomb stops here). */
export const MAX_ALIAS_COUNT = 100;
const TOO_DEEP_HINT = 'flatten the structure, or raise `max_depth` in svcpkg.config.yaml';

/** Parse a file's text. Never throws: every problem becomes a located diagnostic. */
export function parseSource(file: string, rawText: string, options: ParseOptions = {}): SourceFile {
  try {
    return parseNormalized(file, normalizeLineBreaks(rawText), options);
  } catch (error) {
    if (isStackOverflow(error)) return stackOverflowResult(file, normalizeLineBreaks(rawText));
    throw error;
  }
}

function parseNormalized(file: string, text: string, options: ParseOptions): SourceFile {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const lines = new LineIndex(text);
  const diagnostics: Diagnostic[] = [];
  const documents: SourceDocument[] = [];
  const at: SpanAt = (start, end) => lines.span(start, end);

  const tooDeepAt = findExcessiveNesting(text, Math.max(maxDepth, 1) * 2 + 16 > HARD_DEPTH_LIMIT ? HARD_DEPTH_LIMIT : Math.max(maxDepth, 1) * 2 + 16);
  if (tooDeepAt !== -1) {
    diagnostics.push(diagnosticOf(SOURCE_CODES.tooDeep, { ...at(tooDeepAt, tooDeepAt + 1), file, path: '' }, `nesting is deeper than ${maxDepth} levels`, { hint: TOO_DEEP_HINT }));
    return { file, text, documents, diagnostics };
  }

  let parsed: Document.Parsed[];
  try {
    const result = yaml().parseAllDocuments(text, {
      lineCounter: new (yaml().LineCounter)(),
      // Duplicate keys are found by duplicateKeyErrors (linear); the package's check is quadratic.
      uniqueKeys: false,
      prettyErrors: false,
      version: '1.2',
      schema: 'core',
      // Without this the package turns YAML 1.1 tags (`!!binary`, `!!timestamp`, `!!set`, `!!omap`)
      // into Buffers, Dates and Maps: not package data, and not the same after crossing to a worker
      // thread (a Buffer arrives as a Uint8Array). Unresolved, they are strings with a warning.
      resolveKnownTags: false,
      logLevel: 'silent',
      keepSourceTokens: false,
    });
    parsed = Array.isArray(result) ? result : [];
    // The package catches a stack overflow while composing a collection and reports it as a
    // RESOURCE_EXHAUSTION error carrying V8's message: send it to the one overflow diagnostic.
    if (parsed.some((doc) => doc.errors.some((e) => e.code === 'RESOURCE_EXHAUSTION'))) {
      throw new RangeError('Maximum call stack size exceeded');
    }
  } catch (error) {
    if (isStackOverflow(error)) throw error; // one diagnostic for every overflow: see parseSource
    const message = error instanceof RangeError ? 'nesting is too deep to parse' : `cannot parse the file: ${String(error)}`;
    diagnostics.push(diagnosticOf(error instanceof RangeError ? SOURCE_CODES.tooDeep : SOURCE_CODES.yamlSyntax, { ...FILE_START, file, path: '' }, message));
    return { file, text, documents, diagnostics };
  }

  const nonEmpty = parsed.filter((doc) => !isEmptyDocument(doc) || doc.errors.length > 0);
  if (nonEmpty.length === 0) {
    diagnostics.push(diagnosticOf(SOURCE_CODES.emptyFile, { ...FILE_START, file, path: '' }, 'the file holds no package', { hint: 'add a package, or delete the file' }));
    return { file, text, documents, diagnostics };
  }

  parsed.forEach((doc, index) => {
    // One tab, one diagnostic: the errors a tab in an indentation causes after it are dropped.
    const errors = withoutTabCascade(mergeByOffset(doc.errors, duplicateKeyErrors(doc.contents, yaml())), text, lines, yaml());
    for (const error of errors) diagnostics.push(yamlErrorDiagnostic(file, error, at, 'error'));
    for (const warning of doc.warnings) diagnostics.push(yamlErrorDiagnostic(file, warning, at, 'warning'));
    // A document with a syntax error is not checked further: its shape is unreliable.
    // Duplicate keys are the exception: the document is still whole, so keep checking it.
    if (errors.some((e) => e.code !== 'DUPLICATE_KEY')) return;
    if (isEmptyDocument(doc)) return; // `---` with nothing after it: nothing to check.
    const contents = doc.contents as YamlNode;

    const deep = findTooDeep(contents, maxDepth);
    if (deep) {
      const [start, end] = nodeRange(deep);
      diagnostics.push(diagnosticOf(SOURCE_CODES.tooDeep, { ...at(start, end), file, path: '', document: index }, `nesting is deeper than ${maxDepth} levels`, { hint: TOO_DEEP_HINT }));
      return;
    }

    if (mayNeedScan(text)) scanNodes(doc, file, index, at, diagnostics);

    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      if (isStackOverflow(error)) throw error; // not an alias bomb: see parseSource
      diagnostics.push(
        diagnosticOf(
          SOURCE_CODES.aliasBomb,
          { ...aliasBombSpan(doc, at), file, path: '', document: index },
          `alias expansion exceeds ${MAX_ALIAS_COUNT} nodes (${error instanceof Error ? error.message : String(error)})`,
          { hint: 'write the values out instead of nesting aliases' },
        ),
      );
      return;
    }
    reportForbiddenKeys(doc, file, index, inspectParsed(value), at, diagnostics);

    const wantList = options.root === 'sequence';
    if (wantList ? !yaml().isSeq(contents) : !yaml().isMap(contents)) {
      const [start, end] = nodeRange(contents);
      diagnostics.push(
        diagnosticOf(
          SOURCE_CODES.notMapping,
          { ...at(start, end), file, path: '', document: index },
          wantList ? `this file must hold a list, found ${describeNode(contents)}` : `a document must be a mapping of properties, found ${describeNode(contents)}`,
          { hint: wantList ? 'write one `- ` entry per item' : 'write one package per document as `key: value` lines; separate packages with `---`' },
        ),
      );
      return;
    }

    documents.push(makeDocument(file, index, doc, value, at));
  });

  return { file, text, documents, diagnostics };
}
