// The evaluate stage: a pure, deterministic evaluator of usage events against a compiled manifest
// (docs/simulation.md). No I/O, no clock; `src/simulate` drives it from files.
export { createEvaluator, DEFAULT_DEDUPE_WINDOW_DAYS, DEFAULT_USE_IDLE_DAYS, EvaluatorInputError } from './evaluator.js';
export type { Evaluator, UsageScope } from './evaluator.js';
export { DENIAL_REASONS } from './decision.js';
export type { Decision, DenialReason, Level, Outcome, ReportedLimit, UsageEvent } from './decision.js';
export { addInterval, intervalIndex, windowAt, DAY_MS } from './calendar.js';
export type { IndexedWindow, Window } from './calendar.js';
export { parseTimestamp, parseIsoInstant } from './timestamp.js';
export type { Phase, Charges } from './lifecycle.js';
export type { ChargeLine } from './ledger.js';
export type { RejectionReason } from './admission.js';
export type { OverrideWarning, OverrideProblem } from './overrides.js';
export { NO_CURRENCY, REPORT_FORMAT_VERSION, isoOf } from './report.js';
export { currencyExponent, formatAmount, formatMinor, minorToNumber, numberToMinor } from './money.js';
export type {
  FeatureReport,
  NotificationReport,
  PhaseReport,
  ReportTotals,
  Revenue,
  SimulationReport,
  SubscriptionReport,
} from './report.js';
export type * from './model.js';
