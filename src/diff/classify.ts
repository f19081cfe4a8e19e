// Which changes are breaking: the one table that decides (docs/diff.md explains each row).
// A change is breaking when it takes something away from the package's *existing* subscribers.
import type { Change, ChangeAction, ChangeKind, DiffValue } from './model.js';
import { compareOverage, type DiffOverage } from './overage.js';

/** A change before it is classified. */
type Unclassified = Omit<Change, 'breaking'>;

/** Always breaking, never breaking, or decided by the change's values. */
type Rule = boolean | ((change: Unclassified) => boolean);

/**
 * Breaking or not, per kind. Things that only apply when a subscription starts (trial, signup
 * fee, stock, visibility) never break existing subscribers; things that apply to every
 * renewal or every use (price, billing cycle, limits, switches, grace, overages) can.
 */
export const BREAKING_RULES: Readonly<Record<ChangeKind, Rule>> = {
  package_added: false,
  // Existing subscriptions point at a package that no longer exists.
  package_removed: true,
  // The lockfile keeps the package's ids across a rename: subscriptions follow the id.
  package_renamed: false,
  name_changed: false,
  description_changed: false,
  // Features and providers of another service type: existing rooms cannot keep working as they did.
  service_type_changed: true,
  tier_changed: false,
  // Leaving `active` (to `inactive` or `draft`) takes the package off sale, as retiring it does.
  status_changed: (c) => c.old === 'active',
  // Existing subscriptions continue, but none can start again: a subscriber who leaves can never come back.
  retired: true,
  unretired: false,
  // Only self-service listing changes; subscribers keep the package.
  hidden: false,
  unhidden: false,
  // Every existing subscriber pays it at the next renewal.
  price_raised: true,
  price_lowered: false,
  // A price in another currency cannot be ordered; `currency_changed` carries the verdict.
  price_changed: false,
  // Per package ↔ per seat: every subscriber's charge is computed anew (docs/revenue.md).
  price_per_changed: true,
  // Subscriptions below the new minimum must buy more seats at the next renewal.
  min_seats_raised: true,
  min_seats_lowered: false,
  max_seats_raised: false,
  // Subscriptions above the new maximum must give seats up.
  max_seats_lowered: true,
  // Charged only when a subscription starts: existing subscribers never pay it again.
  signup_fee_raised: false,
  signup_fee_lowered: false,
  signup_fee_changed: false,
  // A billed package switching currency re-prices every subscriber; gaining or losing a currency
  // only follows the price going from or to 0, which `price_*` already classifies.
  currency_changed: (c) => c.old !== null && c.new !== null,
  // Every subscriber's renewal dates and per-period charge move.
  billing_cycle_changed: true,
  // A trial happens once, when a subscription starts.
  trial_lengthened: false,
  trial_shortened: false,
  trial_changed: false,
  trial_mode_changed: false,
  // Grace follows the end of access, which is still ahead for every existing subscriber.
  grace_lengthened: false,
  grace_shortened: true,
  grace_changed: false,
  // Stock is checked when a subscription starts; live subscriptions are never evicted.
  stock_limited: false,
  stock_unlimited: false,
  stock_raised: false,
  stock_lowered: false,
  oversell_enabled: false,
  oversell_disabled: false,
  // Usage that was billed as overage is now refused.
  overages_disabled: true,
  overages_enabled: false,
  // Some usage above the limit costs existing subscribers more (a price where there was none counts).
  overage_price_raised: true,
  overage_price_lowered: false,
  // Neither raised nor lowered: breaking when some amount of usage costs more, not when the same
  // charges are only written another way (`{ price: 1 }` ↔ one open graduated tier at 1).
  overage_price_changed: (c) => compareOverage(c.old as DiffOverage | null, c.new as DiffOverage | null) === 'mixed',
  feature_added: false,
  feature_removed: true,
  limit_raised: false,
  limit_lowered: true,
  // To or from `seats` (one per seat): subscriptions with fewer seats than the old number lose accounts.
  limit_changed: true,
  switch_on: false,
  switch_off: true,
  // The catalog changed the feature's value type: the old value no longer means the same thing.
  feature_redefined: true,
  // Usage of a consumable comes back more often (shorter) or less often (longer).
  reset_shortened: false,
  reset_lengthened: true,
  reset_changed: false,
  provider_added: false,
  // Rooms served by that provider lose it.
  provider_removed: true,
  // Only new rooms use the default.
  provider_default_changed: false,
  provider_settings_changed: false,
  // Free-form data: svcpkg cannot know what it means, so it is shown, never judged.
  setting_added: false,
  setting_removed: false,
  setting_changed: false,
  metadata_added: false,
  metadata_removed: false,
  metadata_changed: false,
  notifications_changed: false,
};

/** Whether a change is breaking, by the table above. */
export function isBreaking(change: Unclassified): boolean {
  const rule = BREAKING_RULES[change.kind];
  return typeof rule === 'boolean' ? rule : rule(change);
}

/** Build a classified change. */
export function change(
  kind: ChangeKind,
  action: ChangeAction,
  path: string,
  oldValue: DiffValue,
  newValue: DiffValue,
  unit?: string | null,
): Change {
  const unclassified: Unclassified = { kind, action, path, old: oldValue, new: newValue, ...(unit ? { unit } : {}) };
  // Key order is the JSON output's: what, where, verdict, then the values.
  return { kind, action, path, breaking: isBreaking(unclassified), old: oldValue, new: newValue, ...(unit ? { unit } : {}) };
}
