// Per-code severity overrides (`severity: { SP4006: off }` in svcpkg.config.yaml), applied once to
// a run's diagnostics as they reach the collector (./collector.ts), as esbuild's logger lets users
// override a message id's kind.
import type { Diagnostic, Severity } from './diagnostic.js';

/** What a code can be set to: a severity, or `off` to drop it. */
export type SeverityLevel = Severity | 'off';

/** Severity overrides by code. */
export type SeverityOverrides = ReadonlyMap<string, SeverityLevel>;

/** The diagnostic with its code's overridden severity; undefined when the code is `off`. */
export function overrideSeverity(d: Diagnostic, overrides: SeverityOverrides | undefined): Diagnostic | undefined {
  const level = overrides?.get(d.code);
  if (level === undefined) return d;
  if (level === 'off') return undefined;
  return level === d.severity ? d : { ...d, severity: level };
}

/** The diagnostics with each overridden code's severity replaced, and `off` codes dropped. */
export function applySeverityOverrides(diagnostics: readonly Diagnostic[], overrides: SeverityOverrides | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const adjusted = overrideSeverity(d, overrides);
    if (adjusted) out.push(adjusted);
  }
  return out;
}
