// The evaluator's decisions (docs/simulation.md#what-each-event-gets), built by name: `denied(reason,
// at)` for a refusal before any bucket is read, `deniedAt`, `accepted` and `overage` for an event
// measured at a bucket (its `Reading`). Every decision has the same properties in the same order,
// set or undefined, so decisions share one hidden class and the hot loop stays monomorphic.
import type { Window } from './calendar.js';
import type { Decision, DenialReason, Level, ReportedLimit } from './decision.js';

/**
 * The bucket a decision reports: its level, usage before and after the event (or what it would
 * have been), the limit that applied there and the reset window of a consumable. The evaluator
 * fills one per event in place (no allocation) and the constructors below copy it.
 */
export class Reading {
  level: Level = 'subscription';
  before: number | undefined = undefined;
  after: number | undefined = undefined;
  limit: ReportedLimit | undefined = undefined;
  window: Window | undefined = undefined;
}

/** An event refused before any bucket was read: checks 1–4, or 5–7 without bucket details. */
export function denied(reason: DenialReason, at: number | undefined): Decision {
  return {
    decision: 'denied',
    reason,
    level: undefined,
    usage_before: undefined,
    usage_after: undefined,
    limit: undefined,
    window: undefined,
    at,
    overage_units: undefined,
  };
}

/** An event refused at a bucket: `reading.after` is the usage it would have produced. */
export function deniedAt(reason: DenialReason, reading: Reading, at: number): Decision {
  return {
    decision: 'denied',
    reason,
    level: reading.level,
    usage_before: reading.before,
    usage_after: reading.after,
    limit: reading.limit,
    window: reading.window,
    at,
    overage_units: undefined,
  };
}

/** An event applied within its limits. */
export function accepted(reading: Reading, at: number): Decision {
  return {
    decision: 'accepted',
    reason: undefined,
    level: reading.level,
    usage_before: reading.before,
    usage_after: reading.after,
    limit: reading.limit,
    window: reading.window,
    at,
    overage_units: undefined,
  };
}

/** An event applied above a limit, adding `units` of overage (docs/revenue.md). */
export function overage(reading: Reading, at: number, units: number): Decision {
  return {
    decision: 'overage',
    reason: undefined,
    level: reading.level,
    usage_before: reading.before,
    usage_after: reading.after,
    limit: reading.limit,
    window: reading.window,
    at,
    overage_units: units,
  };
}
