// The status lines `svcpkg watch` prints for each build: when, what changed, the outcome, how long.
import { hasErrors } from '../diagnostics/collector.js';
import { summarize, type Diagnostic } from '../diagnostics/diagnostic.js';
import { palette } from '../diagnostics/format/color.js';
import { countOf } from '../diagnostics/format/summary.js';
import type { WatchCheck, WatchResult } from './engine.js';

/**
 * After the check: `[14:03:12] packages.d/a.yaml changed · ✖ 1 error · 14 ms`, or
 * `[14:03:12] initial build · ✔ 12 packages · 31 ms`.
 */
export function formatCheckStatus(check: WatchCheck, color: boolean): string {
  const style = palette(color);
  const counts = summarize(check.diagnostics);
  const outcome =
    counts.errors > 0
      ? `${style.error(`✖ ${countOf(counts.errors, 'error')}`)}${counts.warnings > 0 ? `, ${countOf(counts.warnings, 'warning')}` : ''}`
      : `${style.success('✔')} ${countOf(check.packages, 'package')}${counts.warnings > 0 ? `, ${style.warning(countOf(counts.warnings, 'warning'))}` : ''}`;
  return `${style.dim(`[${clock(check.startedAt)}]`)} ${cause(check)} · ${outcome} · ${Math.round(check.checkMs)} ms`;
}

/**
 * After the emit: `[14:03:12] wrote out/manifest.json, out/manifest.ts · 240 ms`, `output unchanged`,
 * or why nothing was written.
 */
export function formatEmitStatus(result: WatchResult, color: boolean): string {
  const style = palette(color);
  const time = style.dim(`[${clock(result.startedAt)}]`);
  const ms = `${Math.round(result.durationMs)} ms`;
  if (result.outcome === 'failed') {
    const why = hasErrors(result.diagnostics) || hasErrors(result.emitDiagnostics) ? 'errors' : 'warnings (strict)';
    return `${time} ${style.error('nothing written')}: the last good output stays until the ${why} are fixed`;
  }
  if (!result.emitted) return `${time} checked (nothing to write) · ${ms}`;
  if (result.emitted.written.length === 0) return `${time} output unchanged · ${ms}`;
  return `${time} wrote ${result.emitted.written.join(', ')} · ${ms}`;
}

function cause(check: WatchCheck): string {
  if (check.trigger === 'initial') return 'initial build';
  const changed = check.changed;
  if (changed.length === 0) return 'rebuilt';
  if (changed.length <= 3) return `${changed.join(', ')} changed`;
  return `${changed.slice(0, 2).join(', ')} and ${changed.length - 2} more changed`;
}


/** Local wall-clock time, HH:MM:SS. */
function clock(date: Date): string {
  return [date.getHours(), date.getMinutes(), date.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}
