// Changes to a package's features: included or not, limits up or down, switches on or off, resets,
// overage prices (docs/revenue.md).
import { change } from './classify.js';
import { compareResetWindows, resetWindow } from './duration.js';
import type { Change, DiffFeature, DiffPackage, DiffValue } from './model.js';
import { compareOverage, type DiffOverage } from './overage.js';
import { compareCodes, own } from './order.js';

/**
 * `true` (unlimited) is above every number; `seats` (one per seat) has no fixed size, so it only
 * compares equal to itself: a change to or from it is neither raised nor lowered.
 */
function compareLimits(a: number | true | 'seats', b: number | true | 'seats'): -1 | 0 | 1 | undefined {
  if (a === b) return 0;
  if (a === 'seats' || b === 'seats') return undefined;
  if (a === true) return 1;
  if (b === true) return -1;
  return a < b ? -1 : 1;
}

/** The changes of one feature; an absent feature counts as `false` (not included / off). */
function featureChanges(code: string, o: DiffFeature | undefined, n: DiffFeature | undefined, currency: string | null): Change[] {
  const path = `features.${code}`;
  const before = o?.value ?? false;
  const after = n?.value ?? false;
  const definition = (n ?? o) as DiffFeature;
  const unit = definition.feature_settings.unit ?? null;

  if (o && n && o.feature_settings.value_type !== n.feature_settings.value_type) {
    return [change('feature_redefined', 'changed', path, before, after)];
  }
  if (definition.feature_settings.value_type === 'switch') {
    // A switch holds booleans only; anything truthy is "on".
    const on = (v: number | boolean | 'seats') => v === true || (typeof v === 'number' && v > 0);
    if (on(before) === on(after)) return [];
    return [change(on(after) ? 'switch_on' : 'switch_off', on(after) ? 'added' : 'removed', path, on(before), on(after))];
  }
  if (before === false && after === false) return [];
  if (before === false) return [change('feature_added', 'added', path, null, after, unit)];
  if (after === false) return [change('feature_removed', 'removed', path, before, null, unit)];

  const changes: Change[] = [];
  const order = compareLimits(after, before);
  // To or from `seats`: the limit follows each subscription's seats, which the diff cannot know.
  if (order === undefined) changes.push(change('limit_changed', 'changed', path, before, after, unit));
  else if (order !== 0) changes.push(change(order > 0 ? 'limit_raised' : 'limit_lowered', 'changed', path, before, after, unit));
  if (o && n) changes.push(...resetChanges(path, o, n), ...overageChanges(path, o, n, currency));
  return changes;
}

/** A change of the overage price of a limit included on both sides; absent counts as not priced (0). */
function overageChanges(path: string, o: DiffFeature, n: DiffFeature, currency: string | null): Change[] {
  const before = o.overage ?? null;
  const after = n.overage ?? null;
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  const order = compareOverage(before, after);
  const kind = order === 'raised' ? 'overage_price_raised' : order === 'lowered' ? 'overage_price_lowered' : 'overage_price_changed';
  const action = before === null ? 'added' : after === null ? 'removed' : 'changed';
  return [change(kind, action, `${path}.overage`, overageValue(before), overageValue(after), currency)];
}

/** An overage price as a change value, keys in the manifest's order. */
function overageValue(overage: DiffOverage | null): DiffValue {
  if (overage === null) return null;
  const tiers = overage.tiers === null ? null : overage.tiers.map((tier) => ({ up_to: tier.up_to, price: tier.price }));
  return { model: overage.model, price: overage.price, per: overage.per, tiers };
}

/** A change of the reset window of a feature included on both sides. */
function resetChanges(path: string, o: DiffFeature, n: DiffFeature): Change[] {
  if (o.periodicity === n.periodicity && o.periodicity_type === n.periodicity_type) return [];
  const order = compareResetWindows(resetWindow(n.periodicity, n.periodicity_type), resetWindow(o.periodicity, o.periodicity_type));
  // Only a consumable's allowance comes back with the reset; other features just reset counters
  // used for notifications.
  const kind = !n.consumable || order === 0 ? 'reset_changed' : order > 0 ? 'reset_lengthened' : 'reset_shortened';
  return [
    change(
      kind,
      'changed',
      `${path}.reset`,
      { periodicity: o.periodicity, periodicity_type: o.periodicity_type },
      { periodicity: n.periodicity, periodicity_type: n.periodicity_type },
    ),
  ];
}

/** Changes of every feature of either side, by feature code. */
export function featureListChanges(o: DiffPackage, n: DiffPackage): Change[] {
  const codes = [...new Set([...Object.keys(o.features), ...Object.keys(n.features)])].sort(compareCodes);
  const currency = n.currency ?? o.currency ?? null;
  return codes.flatMap((code) => featureChanges(code, own(o.features, code), own(n.features, code), currency));
}
