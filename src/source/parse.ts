// Parsing YAML text into documents that remember where every value came from (docs/packages.md#package-properties, docs/packages.md#broken-and-hostile-input).
import { createRequire } from 'node:module';
import type { Alias, Document, Node as YamlNode, Scalar, YAMLError } from 'yaml';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.js';
import { FILE_START } from '../diagnostics/diagnostic.js';
import { SOURCE_CODES } from './codes.js';
import { findExcessiveNesting, HARD_DEPTH_LIMIT } from './depth.js';
import { duplicateKeyErrors, mergeByOffset } from './duplicates.js';
import { FORBIDDEN_KEYS, inspectParsed } from './plain.js';
import { LineIndex } from './position.js';

/**
 * The `yaml` package, loaded on first use: it costs ~25 ms of every start, and a run whose files
 * all take the js-yaml fast path (fast.ts) without a diagnostic never needs it.
 */
let yamlModule: typeof import('yaml') | undefined;
function yaml(): typeof import('yaml') {
  return (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));
}

/** Default deepest nesting accepted (docs/packages.md#broken-and-hostile-input). */
export const DEFAULT_MAX_DEPTH = 64;
/** Largest number of nodes alias expansion may produce (an alias bomb stops here). */
export const MAX_ALIAS_COUNT = 100;

/** Options for parsing one file. */
export interface ParseOptions {
  /** Deepest nesting accepted. */
  maxDepth?: number;
  /** What each document must be: a mapping (a package, a scenario) or a list (a catalog file). */
  root?: 'mapping' | 'sequence';
}

/** What a pointer lookup should point at: the key of a mapping entry, or its value. */
export type LocateTarget = 'key' | 'value';

/** One YAML document of a file, its JavaScript value and a way back to positions. */
export interface SourceDocument {
  /** Display path of the file. */
  readonly file: string;
  /** 0-based index of the document in its file. */
  readonly index: number;
  /** The document's value as plain JavaScript (YAML 1.2 core schema). */
  readonly value: unknown;
  /** Span of a JSON pointer inside this document; the nearest existing ancestor when it is absent. */
  locate(pointer: string, target?: LocateTarget): Span;
  /** The source text of the scalar at a pointer, as written (for decimals and YAML 1.1 checks). */
  sourceOf(pointer: string): string | undefined;
}

/** A parsed file: its text, documents and the problems found parsing it. */
export interface SourceFile {
  /** Display path. */
  readonly file: string;
  /** The text (without BOM). */
  readonly text: string;
  /** Documents that parsed well enough to check (syntax errors leave none for that document). */
  readonly documents: SourceDocument[];
  /** Problems found while parsing. */
  readonly diagnostics: Diagnostic[];
}


/**
 * The text with every lone CR (not followed by LF) read as LF. YAML 1.2 counts a lone CR as a line
 * break, js-yaml does too, the `yaml` package does not: normalising first makes both parsers, and
 * the line numbers, agree, so a file gets the same verdict whatever its line endings
 * (docs/decisions.md). One character for one: every offset stays valid.
 */
export function normalizeLineBreaks(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** Whether an error is V8 running out of stack (a RangeError, but not every RangeError is one). */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/**
 * The one diagnostic for a file whose parse ran out of stack, wherever that happened (the parser,
 * alias expansion, position lookups): the same code, place and message every time, never V8's.
 */
function stackOverflowResult(file: string, text: string): SourceFile {
  return {
    file,
    text,
    documents: [],
    diagnostics: [
      {
        ...FILE_START,
        code: SOURCE_CODES.tooDeep.code,
        severity: 'error',
        message: 'the file is too deeply nested or too complex to parse',
        file,
        path: '',
        hint: 'flatten the structure, and check for an unclosed quote or bracket',
      },
    ],
  };
}

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
  const at = (start: number, end: number): Span => lines.span(start, end);

  const tooDeepAt = findExcessiveNesting(text, Math.max(maxDepth, 1) * 2 + 16 > HARD_DEPTH_LIMIT ? HARD_DEPTH_LIMIT : Math.max(maxDepth, 1) * 2 + 16);
  if (tooDeepAt !== -1) {
    diagnostics.push({
      ...at(tooDeepAt, tooDeepAt + 1),
      code: SOURCE_CODES.tooDeep.code,
      severity: 'error',
      message: `nesting is deeper than ${maxDepth} levels`,
      file,
      path: '',
      hint: 'flatten the structure, or raise `max_depth` in svcpkg.config.yaml',
    });
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
    diagnostics.push({
      ...FILE_START,
      code: error instanceof RangeError ? SOURCE_CODES.tooDeep.code : SOURCE_CODES.yamlSyntax.code,
      severity: 'error',
      message,
      file,
      path: '',
    });
    return { file, text, documents, diagnostics };
  }

  const nonEmpty = parsed.filter((doc) => !isEmptyDocument(doc) || doc.errors.length > 0);
  if (nonEmpty.length === 0) {
    diagnostics.push({
      ...FILE_START,
      code: SOURCE_CODES.emptyFile.code,
      severity: 'error',
      message: 'the file holds no package',
      file,
      path: '',
      hint: 'add a package, or delete the file',
    });
    return { file, text, documents, diagnostics };
  }

  parsed.forEach((doc, index) => {
    const errors = mergeByOffset(doc.errors, duplicateKeyErrors(doc.contents, yaml()));
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
      diagnostics.push({
        ...at(start, end),
        code: SOURCE_CODES.tooDeep.code,
        severity: 'error',
        message: `nesting is deeper than ${maxDepth} levels`,
        file,
        path: '',
        document: index,
        hint: 'flatten the structure, or raise `max_depth` in svcpkg.config.yaml',
      });
      return;
    }

    if (mayNeedScan(text)) scanNodes(doc, file, index, at, diagnostics);

    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      if (isStackOverflow(error)) throw error; // not an alias bomb: see parseSource
      diagnostics.push({
        ...aliasBombSpan(doc, at),
        code: SOURCE_CODES.aliasBomb.code,
        severity: 'error',
        message: `alias expansion exceeds ${MAX_ALIAS_COUNT} nodes (${error instanceof Error ? error.message : String(error)})`,
        file,
        path: '',
        document: index,
        hint: 'write the values out instead of nesting aliases',
      });
      return;
    }
    reportForbiddenKeys(doc, file, index, inspectParsed(value), at, diagnostics);

    const wantList = options.root === 'sequence';
    if (wantList ? !yaml().isSeq(contents) : !yaml().isMap(contents)) {
      const [start, end] = nodeRange(contents);
      diagnostics.push({
        ...at(start, end),
        code: SOURCE_CODES.notMapping.code,
        severity: 'error',
        message: wantList
          ? `this file must hold a list, found ${describeNode(contents)}`
          : `a document must be a mapping of properties, found ${describeNode(contents)}`,
        file,
        path: '',
        document: index,
        hint: wantList
          ? 'write one `- ` entry per item'
          : 'write one package per document as `key: value` lines; separate packages with `---`',
      });
      return;
    }

    documents.push(makeDocument(file, index, doc, value, at));
  });

  return { file, text, documents, diagnostics };
}

function makeDocument(
  file: string,
  index: number,
  doc: Document.Parsed,
  value: unknown,
  at: (start: number, end: number) => Span,
): SourceDocument {
  return {
    file,
    index,
    value,
    locate(pointer: string, target: LocateTarget = 'value'): Span {
      const found = findNode(doc, pointer, target);
      const [start, end] = nodeRange(found.node);
      if (!found.exact && yaml().isMap(found.node)) {
        // A missing property: point at the mapping's first line rather than the whole block.
        const first = found.node.items[0];
        if (first && yaml().isPair(first) && first.key && typeof first.key === 'object') {
          const [ks, ke] = nodeRange(first.key as YamlNode);
          return at(ks, ke);
        }
      }
      return at(start, end);
    },
    sourceOf(pointer: string): string | undefined {
      const found = findNode(doc, pointer, 'value');
      if (!found.exact || !yaml().isScalar(found.node)) return undefined;
      const node = found.node as Scalar;
      if (node.source !== undefined && typeof node.source === 'string') return node.source;
      return undefined;
    },
  };
}

/** Decode one JSON pointer segment (`~1` → `/`, `~0` → `~`). */
export function decodePointerSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Split a JSON pointer into decoded segments. */
export function splitPointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return pointer === '/' ? [''] : [];
  return pointer.slice(1).split('/').map(decodePointerSegment);
}

/** A JSON pointer segment with `~` and `/` escaped (RFC 6901). */
export function escapePointerSegment(segment: string): string {
  return segment.includes('~') || segment.includes('/') ? segment.replace(/~/g, '~0').replace(/\//g, '~1') : segment;
}

/** Build a JSON pointer from raw segments. */
export function joinPointer(segments: readonly (string | number)[]): string {
  let out = '';
  for (const segment of segments) {
    const text = String(segment);
    out += '/' + escapePointerSegment(text);
  }
  return out;
}

interface Found {
  node: YamlNode;
  exact: boolean;
}

function findNode(doc: Document.Parsed, pointer: string, target: LocateTarget): Found {
  const root = doc.contents as YamlNode;
  let node: YamlNode = root;
  const segments = splitPointer(pointer);
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] ?? '';
    const resolved: YamlNode = yaml().isAlias(node) ? ((node as Alias).resolve(doc) as YamlNode | undefined) ?? node : node;
    const last = i === segments.length - 1;
    if (yaml().isMap(resolved)) {
      const pair = resolved.items.find((p) => keyString(p.key) === segment);
      if (!pair) return { node: resolved, exact: false };
      if (last && target === 'key' && pair.key && typeof pair.key === 'object') return { node: pair.key as YamlNode, exact: true };
      if (pair.value === null || typeof pair.value !== 'object') {
        // `key:` with no value: point at the key.
        return { node: pair.key as YamlNode, exact: last };
      }
      node = pair.value as YamlNode;
    } else if (yaml().isSeq(resolved)) {
      const item = resolved.items[Number(segment)];
      if (item === undefined || item === null || typeof item !== 'object') return { node: resolved, exact: false };
      node = item as YamlNode;
    } else {
      return { node: resolved, exact: false };
    }
  }
  return { node, exact: true };
}

/** A document with no content at all (not even an explicit `null`). */
function isEmptyDocument(doc: Document.Parsed): boolean {
  const contents = doc.contents as YamlNode | null;
  if (contents === null) return true;
  return yaml().isScalar(contents) && contents.value === null && (contents.source === '' || contents.source === undefined) && nodeRange(contents)[0] === nodeRange(contents)[1];
}

function keyString(key: unknown): string | undefined {
  if (yaml().isScalar(key)) return String(key.value);
  return undefined;
}

function nodeRange(node: YamlNode): [number, number] {
  const range = node.range;
  if (!range) return [0, 0];
  // range = [start, valueEnd, nodeEnd]; valueEnd excludes trailing comments and blank lines.
  return [range[0], range[1]];
}

function describeNode(node: YamlNode): string {
  if (yaml().isSeq(node)) return 'a list';
  if (yaml().isMap(node)) return 'a mapping';
  if (yaml().isScalar(node)) return node.value === null ? 'null' : `the ${typeof node.value} ${JSON.stringify(node.value)}`;
  if (yaml().isAlias(node)) return 'an alias';
  return 'another kind of value';
}

function yamlErrorDiagnostic(
  file: string,
  error: YAMLError,
  at: (start: number, end: number) => Span,
  severity: 'error' | 'warning',
): Diagnostic {
  const [start, end] = error.pos;
  const message = firstLine(error.message);
  const base = { ...at(start, Math.max(end, start + 1)), severity, file, path: '' };
  switch (error.code) {
    case 'DUPLICATE_KEY':
      return { ...base, code: SOURCE_CODES.duplicateKey.code, message: 'duplicate key in a mapping', hint: 'keep one of the entries' };
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

/** Iterative depth check: the first node deeper than the cap, if any. */
function findTooDeep(root: YamlNode, maxDepth: number): YamlNode | undefined {
  const stack: [YamlNode, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [YamlNode, number];
    if (depth > maxDepth) return node;
    if (yaml().isMap(node)) {
      for (const pair of node.items) {
        if (pair.value && typeof pair.value === 'object') stack.push([pair.value as YamlNode, depth + 1]);
      }
    } else if (yaml().isSeq(node)) {
      for (const item of node.items) if (item && typeof item === 'object') stack.push([item as YamlNode, depth + 1]);
    }
  }
  return undefined;
}

/** Patterns scanNodes looks for, tested on the whole text first: most files have none of them. */
const SCAN_TRIGGER = /__proto__|constructor|prototype|\b(?:yes|no|on|off)\b|\b0[0-9]|[0-9]:[0-5]?[0-9]/i;

function mayNeedScan(text: string): boolean {
  return SCAN_TRIGGER.test(text);
}

const YAML11_BOOLEAN = /^(?:yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N)$/;
const OCTAL_LOOKING = /^[-+]?0[0-9]+$/;
const SEXAGESIMAL = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** Flag forbidden keys and YAML 1.1 look-alikes (docs/packages.md#broken-and-hostile-input) in one walk over the nodes. */
function scanNodes(
  doc: Document.Parsed,
  file: string,
  index: number,
  at: (start: number, end: number) => Span,
  out: Diagnostic[],
): void {
  const stack: [YamlNode, string][] = [[doc.contents as YamlNode, '']];
  while (stack.length > 0) {
    const [node, pointer] = stack.pop() as [YamlNode, string];
    if (yaml().isMap(node)) {
      for (const pair of node.items) {
        const key = keyString(pair.key);
        const childPointer = `${pointer}/${escapePointerSegment(String(key ?? ''))}`;
        if (key !== undefined && FORBIDDEN_KEYS.has(key) && pair.key && typeof pair.key === 'object') {
          const [start, end] = nodeRange(pair.key as YamlNode);
          out.push({
            ...at(start, end),
            code: SOURCE_CODES.forbiddenKey.code,
            severity: 'error',
            message: `the key \`${key}\` is not accepted anywhere`,
            file,
            path: childPointer,
            document: index,
            hint: 'rename the key',
          });
        }
        if (pair.value && typeof pair.value === 'object') stack.push([pair.value as YamlNode, childPointer]);
      }
    } else if (yaml().isSeq(node)) {
      node.items.forEach((item, i) => {
        if (item && typeof item === 'object') stack.push([item as YamlNode, `${pointer}/${i}`]);
      });
    } else if (yaml().isScalar(node) && node.type === yaml().Scalar.PLAIN && typeof node.source === 'string') {
      const source = node.source;
      const [start, end] = nodeRange(node);
      const base = { ...at(start, end), severity: 'warning' as const, file, path: pointer, document: index };
      if (YAML11_BOOLEAN.test(source) && source.length > 1) {
        out.push({
          ...base,
          code: SOURCE_CODES.yaml11Boolean.code,
          message: `\`${source}\` is the string "${source}" in YAML 1.2, but a boolean in YAML 1.1`,
          hint: `write ${/^(?:y|yes|on)$/i.test(source) ? '`true`' : '`false`'} for a boolean, or quote it ("${source}") for a string`,
        });
      } else if (OCTAL_LOOKING.test(source) && typeof node.value === 'number') {
        out.push({
          ...base,
          code: SOURCE_CODES.yaml11Octal.code,
          message: `\`${source}\` is ${node.value} in YAML 1.2, but the octal ${parseInt(source, 8)} in YAML 1.1`,
          hint: `write ${node.value}, or quote it ("${source}") if it is a string`,
        });
      } else if (SEXAGESIMAL.test(source) && typeof node.value === 'string') {
        out.push({
          ...base,
          code: SOURCE_CODES.yaml11Sexagesimal.code,
          message: `\`${source}\` is a string in YAML 1.2, but the base-60 number ${sexagesimal(source)} in YAML 1.1`,
          hint: `write ${sexagesimal(source)} for a number, or quote it ("${source}") for a string`,
        });
      }
    }
  }
}

/**
 * SP1009 for forbidden keys found on the parsed value (plain.ts) that the node scan did not report:
 * keys spelt with escapes, or reached through aliases, where the raw-text gate sees nothing.
 */
function reportForbiddenKeys(
  doc: Document.Parsed,
  file: string,
  index: number,
  pointers: readonly string[],
  at: (start: number, end: number) => Span,
  out: Diagnostic[],
): void {
  for (const pointer of pointers) {
    const code = SOURCE_CODES.forbiddenKey.code;
    if (out.some((d) => d.code === code && d.document === index && d.path === pointer)) continue;
    const segments = splitPointer(pointer);
    const [start, end] = nodeRange(findNode(doc, pointer, 'key').node);
    out.push({
      ...at(start, end),
      code,
      severity: 'error',
      message: `the key \`${segments[segments.length - 1] ?? ''}\` is not accepted anywhere`,
      file,
      path: pointer,
      document: index,
      hint: 'rename the key',
    });
  }
}

function sexagesimal(source: string): number {
  const sign = source.startsWith('-') ? -1 : 1;
  const parts = source.replace(/^[-+]/, '').replace(/_/g, '').split(':');
  let total = 0;
  for (const part of parts) total = total * 60 + Number(part);
  return sign * total;
}

function aliasBombSpan(doc: Document.Parsed, at: (start: number, end: number) => Span): Span {
  // Point at the first alias: the expansion starts there.
  let first: YamlNode | undefined;
  const stack: YamlNode[] = [doc.contents as YamlNode];
  while (stack.length > 0 && !first) {
    const node = stack.pop() as YamlNode;
    if (yaml().isAlias(node)) first = node;
    else if (yaml().isMap(node)) {
      for (const pair of [...node.items].reverse()) if (pair.value && typeof pair.value === 'object') stack.push(pair.value as YamlNode);
    } else if (yaml().isSeq(node)) {
      for (const item of [...node.items].reverse()) if (item && typeof item === 'object') stack.push(item as YamlNode);
    }
  }
  const [start, end] = nodeRange(first ?? (doc.contents as YamlNode));
  return at(start, end);
}
