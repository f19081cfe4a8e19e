// Per-code severity overrides (`severity: { SP4006: off }` in svcpkg.config.yaml), applied once to
// a run's diagnostics, as esbuild's logger lets users override a message id's kind.
import type { Diagnostic, Severity } from './diagnostic.js';

/** What a code can be set to: a severity, or `off` to drop it. */
export type SeverityLevel = Severity | 'off';

/** Severity overrides by code. */
export type SeverityOverrides = ReadonlyMap<string, SeverityLevel>;

/** The diagnostics with each overridden code's severity replaced, and `off` codes dropped. */
export function applySeverityOverrides(diagnostics: readonly Diagnostic[], overrides: SeverityOverrides | undefined): Diagnostic[] {
  if (overrides === undefined || overrides.size === 0) return [...diagnostics];
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const level = overrides.get(d.code);
    if (level === undefined) out.push(d);
    else if (level !== 'off') out.push(level === d.severity ? d : { ...d, severity: level });
  }
  return out;
}
