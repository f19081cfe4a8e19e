// What a change between the old and the new run means, in one table: the comparison colours a
// change by which way is better for the platform (fewer denials, more accepted, more revenue), not
// by its sign, so "−20 denied" is green and "+20 denied" red (issue 12; docs/simulation.md).
import type { DenialReason } from '../evaluate/index.js';
import type { ChangeKind } from './decision-changes.js';

/** Which way a figure is better: `up`, `down`, or `neutral` when neither is (not coloured). */
export type GoodDirection = 'up' | 'down' | 'neutral';

/** A compared figure of the report. */
export type ComparedMetric = 'events' | 'accepted' | 'overage' | 'denied' | DenialReason | 'charges' | 'revenue';

/**
 * The good direction of every compared figure. Overage is neutral: an event moving into overage
 * is billed but also over its limit, and its money shows in `charges`/`revenue`, which are coloured.
 */
export const GOOD_DIRECTION: Readonly<Record<ComparedMetric, GoodDirection>> = {
  events: 'neutral',
  accepted: 'up',
  overage: 'neutral',
  denied: 'down',
  invalid: 'down',
  duplicate: 'down',
  out_of_order: 'down',
  unknown_subscription: 'down',
  unknown_feature: 'down',
  inactive: 'down',
  not_included: 'down',
  over_limit: 'down',
  charges: 'up',
  revenue: 'up',
};

/** What each kind of decision change means for the platform (a count of events, never negative). */
export const CHANGE_KIND_MEANING: Readonly<Record<ChangeKind, Meaning | undefined>> = {
  newly_denied: 'bad',
  newly_accepted: 'good',
  new_overage: undefined,
  overage_gone: undefined,
  reason_changed: undefined,
};

/** A change's meaning: `good`, `bad`, or undefined for no change or a neutral figure. */
export type Meaning = 'good' | 'bad';

/** The meaning of `change` (new − old) of `metric`. */
export function changeMeaning(metric: ComparedMetric, change: number): Meaning | undefined {
  const direction = GOOD_DIRECTION[metric];
  if (change === 0 || direction === 'neutral') return undefined;
  return (change > 0) === (direction === 'up') ? 'good' : 'bad';
}
