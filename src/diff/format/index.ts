// The diff's output formats: one name per output, one pure function per name.
import { UsageError } from '../../diagnostics/errors.js';
import type { ManifestDiff } from '../model.js';
import { formatJsonDiff } from './json.js';
import { formatMarkdownDiff } from './markdown.js';
import { formatPrettyDiff } from './pretty.js';

export { formatJsonDiff, toDiffJsonReport, DIFF_JSON_FORMAT_VERSION, type DiffJsonReport } from './json.js';
export { formatMarkdownDiff } from './markdown.js';
export { formatPrettyDiff, type PrettyDiffOptions } from './pretty.js';

/** The diff formats, in the order `--help` lists them. */
export const DIFF_FORMAT_NAMES = ['pretty', 'json', 'markdown'] as const;

/** The name of a diff format. */
export type DiffFormatName = (typeof DIFF_FORMAT_NAMES)[number];

/** The format named, or a usage error listing the formats. */
export function pickDiffFormat(requested: string | undefined): DiffFormatName {
  if (requested === undefined) return 'pretty';
  if ((DIFF_FORMAT_NAMES as readonly string[]).includes(requested)) return requested as DiffFormatName;
  throw new UsageError(`unknown format \`${requested}\`: expected one of ${DIFF_FORMAT_NAMES.join(', ')}`);
}

/** Format a diff in the named format; `color` matters only to `pretty`. */
export function formatDiff(name: DiffFormatName, diff: ManifestDiff, options: { color: boolean }): string {
  switch (name) {
    case 'pretty':
      return formatPrettyDiff(diff, options);
    case 'json':
      return formatJsonDiff(diff);
    case 'markdown':
      return formatMarkdownDiff(diff);
  }
}
