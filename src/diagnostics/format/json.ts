// The `json` formatter: a versioned, stable document for programs (`{format_version, diagnostics, summary}`).
import type { Diagnostic, RelatedLocation, Summary } from '../diagnostic.js';
import { sortDiagnostics, summarize } from '../diagnostic.js';
import type { RunStats } from './summary.js';

/** Version of the JSON output's shape; bumped on any incompatible change. */
export const JSON_FORMAT_VERSION = 1;

/** Options of the `json` formatter. */
export interface JsonOptions {
  /** What the run looked at, for `summary.files` and `summary.packages` (0 when not given). */
  stats?: RunStats;
}

/** One related location as printed (fields as in `RelatedLocation`), keys in this order. */
export interface JsonRelatedLocation {
  /** Path of the file ("" for no file). */
  file: string;
  /** 1-based line of the first character. */
  line: number;
  /** 1-based column of the first character. */
  column: number;
  /** 1-based line of the end position. */
  end_line: number;
  /** 1-based column just after the last character. */
  end_column: number;
  /** What this place is. */
  message: string;
}

/** One diagnostic as printed (fields as in `Diagnostic`): keys in this order, optional ones only when present. */
export interface JsonDiagnostic {
  /** Stable code, e.g. `SP2003`. */
  code: string;
  /** `error`, `warning` or `info`. */
  severity: Diagnostic['severity'];
  /** What is wrong. */
  message: string;
  /** Path of the file ("" for no file). */
  file: string;
  /** 1-based line of the first character (0 for no file). */
  line: number;
  /** 1-based column of the first character (0 for no file). */
  column: number;
  /** 1-based line of the end position. */
  end_line: number;
  /** 1-based column just after the last character. */
  end_column: number;
  /** JSON pointer of the offending value in its YAML document ("" for the whole document). */
  path: string;
  /** 0-based index of the YAML document in its file. */
  document?: number;
  /** How to fix it. */
  hint?: string;
  /** Other places that explain the problem. */
  related?: JsonRelatedLocation[];
}

/** The whole JSON document. */
export interface JsonReport {
  /** Version of this shape: 1. */
  format_version: typeof JSON_FORMAT_VERSION;
  /** Diagnostics sorted by file, position and code. */
  diagnostics: JsonDiagnostic[];
  /** Counts by severity and what the run looked at. */
  summary: Summary;
}

function toJsonRelated(r: RelatedLocation): JsonRelatedLocation {
  return { file: r.file, line: r.line, column: r.column, end_line: r.end_line, end_column: r.end_column, message: r.message };
}

// Built key by key (not spread) so the order is fixed and unknown extra properties never leak out.
function toJsonDiagnostic(d: Diagnostic): JsonDiagnostic {
  const out: JsonDiagnostic = {
    code: d.code,
    severity: d.severity,
    message: d.message,
    file: d.file,
    line: d.line,
    column: d.column,
    end_line: d.end_line,
    end_column: d.end_column,
    path: d.path,
  };
  if (d.document !== undefined) out.document = d.document;
  if (d.hint !== undefined) out.hint = d.hint;
  if (d.related !== undefined && d.related.length > 0) out.related = d.related.map(toJsonRelated);
  return out;
}

/** The JSON report as data, diagnostics sorted and de-duplicated like every formatter prints them. */
export function toJsonReport(diagnostics: readonly Diagnostic[], options: JsonOptions = {}): JsonReport {
  const sorted = sortDiagnostics(diagnostics);
  const { files = 0, packages = 0 } = options.stats ?? {};
  return {
    format_version: JSON_FORMAT_VERSION,
    diagnostics: sorted.map(toJsonDiagnostic),
    summary: summarize(sorted, files, packages),
  };
}

/**
 * Format diagnostics as JSON: `{format_version: 1, diagnostics, summary}` with a stable key order,
 * two-space indentation and a trailing newline. Each diagnostic has `code, severity, message,
 * file, line, column, end_line, end_column, path`, then `document`, `hint` and `related` only
 * when present.
 */
export function formatJson(diagnostics: readonly Diagnostic[], options: JsonOptions = {}): string {
  return JSON.stringify(toJsonReport(diagnostics, options), null, 2) + '\n';
}
