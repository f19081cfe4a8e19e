// The two event forms `svcpkg simulate` reads (docs/simulation.md#running-a-scenario-svcpkg-simulate): Lago's, which is the evaluator's own,
// and CloudEvents, mapped field by field onto it.
import type { UsageEvent } from '../evaluate/decision.js';

/** Which form the input lines are in. */
export type EventForm = 'lago' | 'cloudevents';

/** Every form, for `--input`. */
export const EVENT_FORMS: readonly EventForm[] = ['lago', 'cloudevents'];

/**
 * A CloudEvent as a usage event: id → transaction_id, subject → external_subscription_id,
 * type → code, time → timestamp, data → properties. `source` is not part of the transaction id:
 * ids are expected to be unique per subscription, as Lago's are. Anything that is not an object
 * stays as it is, for the evaluator to refuse.
 */
export function fromCloudEvent(value: unknown): UsageEvent {
  if (typeof value !== 'object' || value === null) return value as UsageEvent;
  const event = value as Record<string, unknown>;
  return {
    transaction_id: event.id,
    external_subscription_id: event.subject,
    code: event.type,
    timestamp: event.time,
    properties: event.data,
  };
}
