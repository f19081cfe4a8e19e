// The evaluator's decisions (docs/simulation.md#what-each-event-gets), built by name: `denied(reason,
// at)` for a refusal before any bucket is read, `deniedAt`, `accepted` and `overage` for an event
// measured at a bucket (its `Reading`). Every decision has the same properties in the same order,
// set or undefined, so decisions share one hidden class and the hot loop stays monomorphic.
import type { Window } from './calendar.js';
import type { Decision, DenialReason, Level, ReportedLimit } from './decision.js';

/** An event refused before any bucket was read: checks 1–4, or 5–7 without bucket details. */
export function denied(reason: DenialReason, at: number | undefined): Decision {
  return { decision: 'denied', reason, level: undefined, usage_before: undefined, usage_after: undefined, limit: undefined, window: undefined, at, overage_units: undefined };
}

/** An event refused at a bucket: `after` is the usage it would have produced. */
export function deniedAt(reason: DenialReason, level: Level, before: number | undefined, after: number | undefined, limit: ReportedLimit | undefined, window: Window | undefined, at: number): Decision {
  return { decision: 'denied', reason, level, usage_before: before, usage_after: after, limit, window, at, overage_units: undefined };
}

/** An event applied within its limits. */
export function accepted(level: Level, before: number, after: number, limit: ReportedLimit, window: Window | undefined, at: number): Decision {
  return { decision: 'accepted', reason: undefined, level, usage_before: before, usage_after: after, limit, window, at, overage_units: undefined };
}

/** An event applied above a limit, adding `units` of overage (docs/revenue.md). */
export function overage(level: Level, before: number, after: number, limit: ReportedLimit, window: Window | undefined, at: number, units: number): Decision {
  return { decision: 'overage', reason: undefined, level, usage_before: before, usage_after: after, limit, window, at, overage_units: units };
}
