// What the source stage hands on: parsed files and documents that remember where every value came from.
import type { Diagnostic, Span } from '../diagnostics/diagnostic.js';

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

/** Offsets in the text → a 1-based span (a LineIndex bound to one file). */
export type SpanAt = (start: number, end: number) => Span;
