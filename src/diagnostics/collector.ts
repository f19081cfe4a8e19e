// The one way diagnostics are made and gathered, as esbuild's logger does it: `add` takes the
// severity from the code's registry entry (and the configuration's overrides), `done` sorts once
// (docs/architecture.md#diagnostics-and-exit-codes).
import { sortDiagnostics, type Diagnostic, type RelatedLocation, type Severity, type Span } from './diagnostic.js';
import { declaredCode, type CodeDefinition } from './registry.js';
import { overrideSeverity, type SeverityOverrides } from './severity-overrides.js';

/** Where a problem is: a span in a file, and the JSON pointer of the node inside its document. */
export interface Place extends Span {
  /** Path of the file, relative to the working directory when possible ("" for no file). */
  file: string;
  /** JSON pointer of the offending value ("" for the whole document or file). */
  path: string;
  /** 0-based index of the YAML document inside a multi-document file. */
  document?: number | undefined;
}

/** What a diagnostic may carry besides its code, place and message. */
export interface DiagnosticDetails {
  /** How to fix it. */
  hint?: string | undefined;
  /** Suggested replacements, as data (vfile-message's `expected`). */
  expected?: string[] | undefined;
  /** The offending text as found (vfile-message's `actual`). */
  actual?: string | undefined;
  /** Other places that explain the problem. */
  related?: RelatedLocation[] | undefined;
  /** This occurrence's severity, when the rule grades it (an error for `active`, a warning for `draft`). */
  severity?: Severity | undefined;
  /** This occurrence stops the run although its code alone would not (a problem in the configuration). */
  fatal?: boolean | undefined;
}

/** A diagnostic of `code` at `place`: the severity is the code's unless `details` grades it. */
export function diagnosticOf(code: CodeDefinition, place: Place, message: string, details: DiagnosticDetails = {}): Diagnostic {
  return {
    line: place.line,
    column: place.column,
    end_line: place.end_line,
    end_column: place.end_column,
    code: code.code,
    severity: details.severity ?? code.severity,
    message,
    file: place.file,
    path: place.path,
    ...(place.document !== undefined ? { document: place.document } : {}),
    ...(details.hint !== undefined ? { hint: details.hint } : {}),
    ...(details.expected !== undefined ? { expected: details.expected } : {}),
    ...(details.actual !== undefined ? { actual: details.actual } : {}),
    ...(details.related !== undefined && details.related.length > 0 ? { related: details.related } : {}),
    ...(details.fatal ? { fatal: true as const } : {}),
  };
}

/**
 * Whether a diagnostic stops the run (exit 2): its code is fatal in the registry, or the stage
 * marked this occurrence fatal.
 */
export function isFatal(d: Diagnostic): boolean {
  return d.fatal === true || declaredCode(d.code)?.fatal === true;
}

/** Whether any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** The same diagnostics, each marked fatal: problems in an input the run cannot do without. */
export function markFatal(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => (d.fatal ? d : { ...d, fatal: true }));
}

/**
 * Gathers a run's diagnostics. Severity overrides (`severity:` in svcpkg.config.yaml) apply as each
 * diagnostic comes in, so `hasErrors` answers for what will be reported; `done` sorts once and
 * drops exact repeats.
 */
export class DiagnosticCollector {
  private readonly list: Diagnostic[] = [];
  private errors = 0;

  constructor(private readonly overrides?: SeverityOverrides) {}

  /** Report a problem of `code` at `place`. */
  add(code: CodeDefinition, place: Place, message: string, details?: DiagnosticDetails): void {
    this.push(diagnosticOf(code, place, message, details));
  }

  /** Take diagnostics another stage (or collector) made. */
  addAll(diagnostics: Iterable<Diagnostic>): void {
    for (const d of diagnostics) this.push(d);
  }

  /** Whether an error was reported so far (after overrides). */
  hasErrors(): boolean {
    return this.errors > 0;
  }

  /** Whether a diagnostic that stops the run was reported so far. */
  hasFatal(): boolean {
    return this.list.some(isFatal);
  }

  /** How many diagnostics were gathered (repeats included). */
  get size(): number {
    return this.list.length;
  }

  /** Every diagnostic gathered, sorted by file, position and code, exact repeats dropped. */
  done(): Diagnostic[] {
    return sortDiagnostics(this.list);
  }

  private push(d: Diagnostic): void {
    const adjusted = overrideSeverity(d, this.overrides);
    if (!adjusted) return;
    if (adjusted.severity === 'error') this.errors++;
    this.list.push(adjusted);
  }
}
