// The machine view of a diff: versioned JSON, stable key order (docs/diff.md documents the shape).
import type { ManifestDiff } from '../model.js';

/** Version of the JSON output; bumped on any incompatible change to its shape. */
export const DIFF_JSON_FORMAT_VERSION = 1;

/** The JSON document `--format json` prints. */
export interface DiffJsonReport extends ManifestDiff {
  /** Version of this shape. */
  readonly format_version: typeof DIFF_JSON_FORMAT_VERSION;
}

/** The JSON report of a diff. */
export function toDiffJsonReport(diff: ManifestDiff): DiffJsonReport {
  return {
    format_version: DIFF_JSON_FORMAT_VERSION,
    old: diff.old,
    new: diff.new,
    catalog_changed: diff.catalog_changed,
    packages: diff.packages,
    summary: diff.summary,
  };
}

/** Format a diff as JSON text. */
export function formatJsonDiff(diff: ManifestDiff): string {
  return JSON.stringify(toDiffJsonReport(diff), null, 2) + '\n';
}
