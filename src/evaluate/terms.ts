// The terms a subscription is on (docs/simulation.md, migrations): a package and the feature
// values it gives, from an instant on. A subscription has one set of terms, or two when a
// migration moves it from the old packages to the new ones; usage carries over the move.
import type { EvaluatorPackage } from './model.js';
import type { FeaturePlan } from './overrides.js';
import { overageRate, type OverageRate } from './pricing.js';

/** One set of terms. */
export interface Terms {
  /** First instant the terms apply (the subscription's start for the first). */
  readonly from: number;
  /** The package. */
  readonly pkg: EvaluatorPackage;
  /** The subscription's features under these terms, in report order. */
  readonly plans: ReadonlyMap<string, FeaturePlan>;
  /** Compiled overage prices by feature code, for features that have one. */
  readonly rates: ReadonlyMap<string, OverageRate>;
}

/** Terms from a package and the plans resolved against it. */
export function termsOf(from: number, pkg: EvaluatorPackage, plans: readonly FeaturePlan[]): Terms {
  const rates = new Map<string, OverageRate>();
  for (const code of Object.keys(pkg.features)) {
    const overage = pkg.features[code]!.overage;
    // Overage on a package without `overages_enabled` is never billed (docs/revenue.md).
    if (overage !== null && overage !== undefined && pkg.overages_enabled) rates.set(code, overageRate(overage));
  }
  return { from, pkg, plans: new Map(plans.map((plan) => [plan.rule.code, plan])), rates };
}

/** Overage units of one feature accrued in one billing period under one set of terms. */
export interface Accrual {
  /** Billing period index from the period anchor; -1 for units accrued during a trial. */
  readonly period: number;
  /** Index of the terms in force when the units accrued. */
  readonly terms: number;
  /** Units in micro-units (usage keeps 6 decimals). */
  units: number;
}
