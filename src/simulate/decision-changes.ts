// What changes between two runs over the same events (`svcpkg simulate --against`): each event's
// two decisions become one verdict each, and the events whose verdicts differ are counted per
// subscription, feature and pair of verdicts, with the first few transaction ids as examples.
// Memory is bounded by subscriptions × features × verdict pairs, never by the event count.
import type { Decision, DenialReason, UsageEvent } from '../evaluate/index.js';

/** One event's outcome in one word: `accepted`, `overage`, or the reason it was denied. */
export type Verdict = 'accepted' | 'overage' | DenialReason;

/** Every verdict, in the order reports list them. */
export const VERDICTS: readonly Verdict[] = [
  'accepted',
  'overage',
  'invalid',
  'duplicate',
  'out_of_order',
  'unknown_subscription',
  'unknown_feature',
  'inactive',
  'not_included',
  'over_limit',
];

/** How an event's verdict changed from the old packages to the new ones. */
export type ChangeKind = 'newly_denied' | 'newly_accepted' | 'new_overage' | 'overage_gone' | 'reason_changed';

/** Every kind of change, in the order reports list them. */
export const CHANGE_KINDS: readonly ChangeKind[] = ['newly_denied', 'newly_accepted', 'new_overage', 'overage_gone', 'reason_changed'];

/** Examples kept per group of changed events. */
export const EXAMPLES_PER_CHANGE = 5;

/** Groups kept for events that name no known subscription or feature, beyond which they are pooled. */
const MAX_UNKNOWN_GROUPS = 1000;

/** The verdict of a decision. */
export function verdictOf(decision: Decision): Verdict {
  return decision.decision === 'denied' ? (decision.reason ?? 'invalid') : decision.decision;
}

/** True when an event with this verdict was applied (changed usage). */
function applied(verdict: Verdict): boolean {
  return verdict === 'accepted' || verdict === 'overage';
}

/**
 * The kind of change from `old` to `now`, or undefined when they are the same. Being applied or
 * not comes first: an event refused before and billed as overage now is `newly_accepted`.
 */
export function changeKind(old: Verdict, now: Verdict): ChangeKind | undefined {
  if (old === now) return undefined;
  if (applied(old) && !applied(now)) return 'newly_denied';
  if (!applied(old) && applied(now)) return 'newly_accepted';
  if (now === 'overage') return 'new_overage';
  if (old === 'overage') return 'overage_gone';
  return 'reason_changed';
}

/** Events of one subscription and feature whose verdict went from `old` to `new`. */
export interface ChangeGroup {
  /** The subscription the events name; null when it is not one of the scenario's. */
  subscription: string | null;
  /** The feature the events name; null when neither package set knows it (or, for an unknown subscription, always). */
  feature: string | null;
  /** The kind of change. */
  change: ChangeKind;
  /** Verdict under the old packages. */
  old: Verdict;
  /** Verdict under the new packages. */
  new: Verdict;
  /** How many events. */
  count: number;
  /** Transaction ids of the first few, in input order. */
  examples: string[];
}

/** Collects the changed decisions of a run with `against`. */
export class DecisionChanges {
  /** Groups by subscription (or '' for unknown), then feature (or ''), then `old>new`. */
  private readonly groups = new Map<string, Map<string, Map<string, ChangeGroup>>>();
  private unknownGroups = 0;

  /**
   * @param subscriptions the scenario's subscription ids
   * @param features feature codes either package set knows
   */
  constructor(
    private readonly subscriptions: ReadonlySet<string>,
    private readonly features: ReadonlySet<string>,
  ) {}

  /** Record one event's decisions under the old and the new packages. */
  record(event: UsageEvent | undefined, old: Decision, now: Decision): void {
    const oldVerdict = verdictOf(old);
    const newVerdict = verdictOf(now);
    const change = changeKind(oldVerdict, newVerdict);
    if (change === undefined) return;
    const ids = typeof event === 'object' && event !== null ? event : {};
    let subscription = typeof ids.external_subscription_id === 'string' && this.subscriptions.has(ids.external_subscription_id) ? ids.external_subscription_id : null;
    let feature = subscription !== null && typeof ids.code === 'string' && this.features.has(ids.code) ? ids.code : null;
    if ((subscription === null || feature === null) && this.unknownGroups >= MAX_UNKNOWN_GROUPS) {
      subscription = null;
      feature = null;
    }
    let bySubscription = this.groups.get(subscription ?? '');
    if (bySubscription === undefined) this.groups.set(subscription ?? '', (bySubscription = new Map()));
    let byFeature = bySubscription.get(feature ?? '');
    if (byFeature === undefined) bySubscription.set(feature ?? '', (byFeature = new Map()));
    const key = `${oldVerdict}>${newVerdict}`;
    let group = byFeature.get(key);
    if (group === undefined) {
      group = { subscription, feature, change, old: oldVerdict, new: newVerdict, count: 0, examples: [] };
      byFeature.set(key, group);
      if (subscription === null || feature === null) this.unknownGroups++;
    }
    group.count++;
    if (group.examples.length < EXAMPLES_PER_CHANGE && typeof ids.transaction_id === 'string') group.examples.push(ids.transaction_id);
  }

  /**
   * Every group: subscriptions and features in the order their first change arrived, and for
   * each the groups by kind of change, then old and new verdicts.
   */
  list(): ChangeGroup[] {
    const all: ChangeGroup[] = [];
    for (const bySubscription of this.groups.values()) {
      for (const byFeature of bySubscription.values()) all.push(...[...byFeature.values()].sort(compareGroups));
    }
    return all;
  }
}

/** Order of groups of one subscription and feature: kind, then old verdict, then new verdict. */
export function compareGroups(a: Pick<ChangeGroup, 'change' | 'old' | 'new'>, b: Pick<ChangeGroup, 'change' | 'old' | 'new'>): number {
  return (
    CHANGE_KINDS.indexOf(a.change) - CHANGE_KINDS.indexOf(b.change) ||
    VERDICTS.indexOf(a.old) - VERDICTS.indexOf(b.old) ||
    VERDICTS.indexOf(a.new) - VERDICTS.indexOf(b.new)
  );
}
