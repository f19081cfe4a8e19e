// What the evaluator answers for each event (docs/simulation.md#what-each-event-gets), and the event it answers about (docs/simulation.md#events).
import type { Window } from './calendar.js';

/** A usage event in Lago's form, as parsed from JSON: nothing about it is trusted yet. */
export interface UsageEvent {
  /** Idempotency key, unique per subscription. */
  transaction_id?: unknown;
  /** The subscription the usage belongs to. */
  external_subscription_id?: unknown;
  /** The feature code. */
  code?: unknown;
  /** ISO 8601 with a zone, or Unix seconds (number or numeric string, may be fractional). */
  timestamp?: unknown;
  /** `operation_type` (`add`|`remove`), the aggregated field, the use key, `account` and `room`. */
  properties?: unknown;
}

/** Why an event was denied, in the order the checks run. */
export type DenialReason =
  | 'invalid'
  | 'duplicate'
  | 'out_of_order'
  | 'unknown_subscription'
  | 'unknown_feature'
  | 'inactive'
  | 'not_included'
  | 'over_limit';

/** Every denial reason, in check order (for reports that list them all). */
export const DENIAL_REASONS: readonly DenialReason[] = [
  'invalid',
  'duplicate',
  'out_of_order',
  'unknown_subscription',
  'unknown_feature',
  'inactive',
  'not_included',
  'over_limit',
];

/** The outcome of one event: applied within the limit, applied above it, or not applied. */
export type Outcome = 'accepted' | 'overage' | 'denied';

/** The level of the bucket and limit a decision reports (docs/simulation.md#override-levels). */
export type Level = 'subscription' | 'account' | 'room';

/** A limit as reported: a number, `unlimited`, or a switch / not-included flag. */
export type ReportedLimit = number | 'unlimited' | boolean;

/**
 * The decision for one event. Every property is always present (undefined when it does not
 * apply) so decisions share one shape. For a denied event, `usage_after` is the usage the event
 * would have produced.
 */
export interface Decision {
  /** Accepted and overage events change usage; denied ones do not. */
  decision: Outcome;
  /** Why the event was denied; undefined unless denied. */
  reason?: DenialReason;
  /** The level whose bucket and limit are reported. */
  level?: Level;
  /** Usage of the reported bucket before the event. */
  usage_before?: number;
  /** Usage of the reported bucket after the event (or what it would have been). */
  usage_after?: number;
  /** The limit that applied at the reported level. */
  limit?: ReportedLimit;
  /** The reset window of a consumable feature's bucket; `end` is Infinity when it never resets. */
  window?: Window;
  /** The event's instant in epoch milliseconds, when its timestamp was valid. */
  at?: number;
  /** Overage decisions: the units this event adds to the overage (the rise of its bucket's excess high-water mark, docs/revenue.md). */
  overage_units?: number;
}
