// The diagnostic model (docs/diagnostics.md#diagnostics): plain data, independent of any printer.

/** How bad a problem is: errors fail a run, warnings fail only with `--strict`. */
export type Severity = 'error' | 'warning' | 'info';

/** A 1-based span in a source file (end is exclusive of nothing: it points at the last character + 1). */
export interface Span {
  /** 1-based line of the first character. */
  line: number;
  /** 1-based column of the first character. */
  column: number;
  /** 1-based line just after the node ends. */
  end_line: number;
  /** 1-based column just after the node ends. */
  end_column: number;
}

/** Another place that explains a diagnostic: the other duplicate, the catalog entry. */
export interface RelatedLocation extends Span {
  /** Path of the file, relative to the working directory when possible. */
  file: string;
  /** What this place is. */
  message: string;
}

/** One problem found in one place. */
export interface Diagnostic extends Span {
  /** Stable code from the registry, e.g. `SP3001`. */
  code: string;
  /** Severity of this occurrence. */
  severity: Severity;
  /** What is wrong, naming what was expected and what was found. */
  message: string;
  /** Path of the file, relative to the working directory when possible ("" for no file). */
  file: string;
  /** JSON pointer of the offending value inside its YAML document ("" for the whole document). */
  path: string;
  /** How to fix it, e.g. "did you mean `max_rooms`?". */
  hint?: string;
  /** Suggested replacements, as data (vfile-message's `expected`): `['max_rooms']` for a misspelt `max_room`. */
  expected?: string[];
  /** The offending text as found (vfile-message's `actual`), when a suggestion was made for it. */
  actual?: string;
  /** 0-based index of the YAML document inside a multi-document file. */
  document?: number;
  /** Other places that explain the problem. */
  related?: RelatedLocation[];
  /**
   * Set on an occurrence that stops the run although its code alone would not: a problem in a file
   * the run cannot do without (the configuration, a catalog file). Codes that always stop the run
   * say so in the registry (`fatal`); see `isFatal`. Never printed.
   */
  fatal?: true;
}

/** A span that points at the start of a file: used for whole-file problems. */
export const FILE_START: Span = { line: 1, column: 1, end_line: 1, end_column: 1 };

/** Counts of diagnostics by severity. */
export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
  /** Number of files looked at. */
  files: number;
  /** Number of packages (YAML documents) looked at. */
  packages: number;
}

/** Count diagnostics by severity. */
export function summarize(diagnostics: readonly Diagnostic[], files = 0, packages = 0): Summary {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos, files, packages };
}

/** Order diagnostics by file, then position, then code: the order every formatter prints. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.column !== b.column) return a.column - b.column;
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

/** Sort a copy of the diagnostics and drop exact repeats (same code, place and message). */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const sorted = [...diagnostics].sort(compareDiagnostics);
  const out: Diagnostic[] = [];
  let last: Diagnostic | undefined;
  for (const d of sorted) {
    if (
      last &&
      last.file === d.file &&
      last.line === d.line &&
      last.column === d.column &&
      last.code === d.code &&
      last.message === d.message
    ) {
      continue;
    }
    out.push(d);
    last = d;
  }
  return out;
}
