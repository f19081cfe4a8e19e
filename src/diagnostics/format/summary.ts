// The one-line run summary shared by the text formatters: counts by severity and what was checked.
import type { Diagnostic, Summary } from '../diagnostic.js';
import { summarize } from '../diagnostic.js';

/** How much a run looked at, for summaries: the caller knows, the diagnostics do not. */
export interface RunStats {
  /** Files read. */
  files: number;
  /** Packages (YAML documents) checked. */
  packages: number;
}

/** `1 error`, `3 warnings`: a count with its noun, plural when it is not one. */
export function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The worst severity present, which decides the summary's symbol and colour. */
export type Outcome = 'errors' | 'warnings' | 'infos' | 'clean';

/** The run's summary line in parts, so each formatter can decorate it its own way. */
export interface SummaryLine {
  /** The worst severity present. */
  outcome: Outcome;
  /** E.g. `3 errors, 1 warning in 2 files (12 packages checked)` or `12 packages in 5 files: no problems`. */
  text: string;
  /** The counts behind the text. */
  summary: Summary;
}

/** Summarise diagnostics for people: counts by severity, the files they are in, what was checked. */
export function summaryLine(diagnostics: readonly Diagnostic[], stats?: RunStats): SummaryLine {
  const summary = summarize(diagnostics, stats?.files ?? 0, stats?.packages ?? 0);
  const outcome: Outcome =
    summary.errors > 0 ? 'errors' : summary.warnings > 0 ? 'warnings' : summary.infos > 0 ? 'infos' : 'clean';
  if (outcome === 'clean') {
    const text = stats
      ? `${countOf(stats.packages, 'package')} in ${countOf(stats.files, 'file')}: no problems`
      : 'no problems';
    return { outcome, text, summary };
  }
  const counts: string[] = [];
  if (summary.errors > 0) counts.push(countOf(summary.errors, 'error'));
  if (summary.warnings > 0) counts.push(countOf(summary.warnings, 'warning'));
  if (summary.infos > 0) counts.push(countOf(summary.infos, 'info'));
  const files = new Set(diagnostics.filter((d) => d.file !== '').map((d) => d.file)).size;
  const where = files > 0 ? ` in ${countOf(files, 'file')}` : '';
  const checked = stats ? ` (${countOf(stats.packages, 'package')} checked)` : '';
  return { outcome, text: `${counts.join(', ')}${where}${checked}`, summary };
}
