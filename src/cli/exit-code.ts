// The one mapping from a run's diagnostics to the exit code (docs/architecture.md#diagnostics-and-exit-codes).
// Usage errors and failures thrown outside diagnostics are mapped by main.ts's `reportFailure`.
import { isFatal } from '../diagnostics/collector.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** Exit status: 0 ok, 1 errors (or warnings under --strict), 2 the run could not go on. */
export type ExitCode = 0 | 1 | 2;

/** What besides the diagnostics decides the exit code. */
export interface ExitOptions {
  /** --strict: warnings fail the run too. */
  strict: boolean;
}

/**
 * 2 when a diagnostic is fatal (its code says so in the registry, or the stage marked the
 * occurrence: an unreadable input, a missing catalog file, a bad configuration); else 1 when there
 * are errors, or warnings under `strict`; else 0. Infos never change it.
 */
export function exitCodeFor(diagnostics: readonly Diagnostic[], options: ExitOptions): ExitCode {
  let failing = false;
  for (const d of diagnostics) {
    if (isFatal(d)) return 2;
    if (d.severity === 'error' || (options.strict && d.severity === 'warning')) failing = true;
  }
  return failing ? 1 : 0;
}

/**
 * The exit code of a run that failed whatever its diagnostics say (nothing compiled, nothing to
 * compare): 2 when one is fatal, otherwise 1.
 */
export function failureExitCode(diagnostics: readonly Diagnostic[]): 1 | 2 {
  return diagnostics.some(isFatal) ? 2 : 1;
}
