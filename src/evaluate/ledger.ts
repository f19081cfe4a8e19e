// Every charge line of a run with its instant (docs/revenue.md): the signup fee, each period's
// price, each period's overage. The report sums them; the HTML report's revenue view spreads them
// over months. Lines are enumerated here (the report counts periods instead), so this is asked
// for only when a page is written.
import { addInterval, intervalIndex } from './calendar.js';
import { currencyOf, periodPrice } from './lifecycle.js';
import { numberToMinor } from './money.js';
import { overageLines } from './overage-charges.js';
import type { SubscriptionState } from './state.js';

/** One charge line. */
export interface ChargeLine {
  /** Subscription id. */
  subscription: string;
  /** Package code of the terms in force when it is due. */
  package: string;
  /** Currency of the amount (null: none). */
  currency: string | null;
  /** What is charged. */
  kind: 'signup_fee' | 'recurring' | 'overage';
  /** When it is due (ms). */
  at: number;
  /** The amount in minor units of `currency`. */
  minor: bigint;
}

/** The charge lines of one subscription due before `end`, in time order per kind. */
export function chargeLines(sub: SubscriptionState, end: number): ChargeLine[] {
  if (sub.rejected !== undefined) return [];
  const { timeline, terms } = sub;
  const pkg = terms[0]!.pkg;
  const currency = currencyOf(terms);
  const until = Math.min(timeline.accessEnd, end);
  const termsAt = (t: number) => {
    let i = 0;
    while (i + 1 < terms.length && terms[i + 1]!.from <= t) i++;
    return terms[i]!;
  };
  const lines: ChargeLine[] = [];
  const line = (kind: ChargeLine['kind'], at: number, minor: bigint, code: string): void => {
    if (minor !== 0n) lines.push({ subscription: sub.id, package: code, currency, kind, at, minor });
  };
  if (timeline.startsAt < until) line('signup_fee', timeline.startsAt, numberToMinor(pkg.signup_fee, currency), pkg.code);
  // The same periods as chargesOf: from the first not entirely covered by the trial.
  const { periodAnchor, trialEnd } = timeline;
  const first = trialEnd > periodAnchor ? intervalIndex(periodAnchor, pkg.periodicity_type, pkg.periodicity, trialEnd) : 0;
  for (let k = first; ; k++) {
    const start = addInterval(periodAnchor, pkg.periodicity_type, k * pkg.periodicity);
    const due = k === first ? Math.max(start, trialEnd) : start;
    if (!(due < until)) break;
    const inForce = termsAt(due);
    line('recurring', due, periodPrice(inForce.pkg, sub.seats, currency), inForce.pkg.code);
  }
  for (const state of sub.features) {
    if (state === undefined || state.accruals === null) continue;
    for (const overage of overageLines(state.rule.code, state.accruals, terms, timeline, currency)) {
      if (overage.at < end) line('overage', overage.at, overage.minor, termsAt(overage.at).pkg.code);
    }
  }
  return lines;
}
