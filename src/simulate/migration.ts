// Migrations (`simulate --against OLD --migrate POLICY --effective DATE`, docs/simulation.md): which
// terms each subscription of the new run is on, and when it moves from OLD to NEW. A pure function
// of the scenario's subscriptions and both package sets; the evaluator then carries usage over the move.
import { addInterval, intervalIndex } from '../evaluate/calendar.js';
import { timelineOf } from '../evaluate/lifecycle.js';
import type { EvaluatorManifest, EvaluatorPackage, Subscription } from '../evaluate/model.js';
import { isoOf } from '../evaluate/report.js';
import type { MigrationPolicy, SubscriptionTerms } from './comparison.js';

/** The policies of `--migrate`. */
export const MIGRATION_POLICIES = ['all', 'new', 'renewal', 'immediate'] as const;

/** One of MIGRATION_POLICIES. */
export type MigrationPolicyName = (typeof MIGRATION_POLICIES)[number];

/** The new run's subscriptions and the terms each is on. */
export interface MigrationPlan {
  /** The policy as the comparison reports it. */
  policy: MigrationPolicy;
  /** The scenario's subscriptions, with a `migration` where they start on OLD. */
  subscriptions: Subscription[];
  /** The terms of each subscription, by id. */
  terms: Map<string, SubscriptionTerms>;
}

/**
 * The start of the first billing period of `sub` under `pkg` that begins on or after `at` (the
 * trial is not a billing period: an `outside` trial's first period begins when it ends), or
 * undefined when access ends before it: the subscription never renews onto the new terms.
 */
export function firstPeriodFrom(pkg: EvaluatorPackage, sub: Subscription, at: number): number | undefined {
  const { periodAnchor, accessEnd } = timelineOf(pkg, sub);
  let start = periodAnchor;
  if (periodAnchor < at) {
    // The period holding `at - 1` begins before `at`; the next one is the first on or after it.
    const k = intervalIndex(periodAnchor, pkg.periodicity_type, pkg.periodicity, at - 1) + 1;
    start = addInterval(periodAnchor, pkg.periodicity_type, k * pkg.periodicity);
  }
  return start < accessEnd ? start : undefined;
}

/**
 * Plan the new run. `effective` (ms) is required for every policy but `all`. A subscription whose
 * package code NEW lacks stays on OLD whatever the policy; one whose code OLD lacks is on NEW.
 */
export function planMigration(
  subscriptions: readonly Subscription[],
  oldManifest: EvaluatorManifest,
  newManifest: EvaluatorManifest,
  policy: MigrationPolicyName,
  effective: number | undefined,
): MigrationPlan {
  if (policy !== 'all' && effective === undefined) throw new RangeError(`--migrate ${policy} needs an effective date`);
  const oldPackages = new Map(oldManifest.packages.map((p) => [p.code, p]));
  const newPackages = new Set(newManifest.packages.map((p) => p.code));
  const terms = new Map<string, SubscriptionTerms>();
  const planned = subscriptions.map((sub): Subscription => {
    const from = oldPackages.get(sub.package);
    if (!newPackages.has(sub.package) && from !== undefined) {
      terms.set(sub.id, { start: 'old', moved_at: null, kept_on_old: true });
      return { ...sub, migration: { from } };
    }
    if (policy === 'all' || from === undefined || sub.starts_at >= effective!) {
      terms.set(sub.id, { start: 'new', moved_at: null, kept_on_old: false });
      return sub;
    }
    if (policy === 'new') {
      terms.set(sub.id, { start: 'old', moved_at: null, kept_on_old: false });
      return { ...sub, migration: { from } };
    }
    const at = policy === 'immediate' ? effective! : firstPeriodFrom(from, sub, effective!);
    if (at === undefined) {
      // Access ends before a period on or after the date: it stays on OLD (nothing renews).
      terms.set(sub.id, { start: 'old', moved_at: null, kept_on_old: false });
      return { ...sub, migration: { from } };
    }
    terms.set(sub.id, { start: 'old', moved_at: isoOf(at), kept_on_old: false });
    return { ...sub, migration: { from, at } };
  });
  return {
    policy: { policy, effective: effective === undefined || policy === 'all' ? null : isoOf(effective) },
    subscriptions: planned,
    terms,
  };
}
