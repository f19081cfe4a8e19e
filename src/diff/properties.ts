// Changes to a package's own properties: description, availability, money and seats, lifecycle, stock.
import { change } from './classify.js';
import { approximateDays, compareDurations, type Duration } from './duration.js';
import type { Change, ChangeAction, ChangeKind, DiffPackage, DiffValue } from './model.js';

/** Added when it was absent, removed when it is now absent, changed otherwise. */
function actionOf(oldValue: DiffValue, newValue: DiffValue): ChangeAction {
  return oldValue === null ? 'added' : newValue === null ? 'removed' : 'changed';
}

/** A change of a plain property, when its value differs. */
function plain(kind: ChangeKind, path: string, oldValue: DiffValue | undefined, newValue: DiffValue | undefined): Change[] {
  const o = oldValue ?? null;
  const n = newValue ?? null;
  return o === n ? [] : [change(kind, actionOf(o, n), path, o, n)];
}

/** A change of a boolean property: one kind when it turns on, another when it turns off. */
function flag(onKind: ChangeKind, offKind: ChangeKind, path: string, oldValue: boolean, newValue: boolean): Change[] {
  if (oldValue === newValue) return [];
  return [change(newValue ? onKind : offKind, 'changed', path, oldValue, newValue)];
}

/** A money amount's change; ordered only when both amounts are in one currency (or one is 0). */
function money(
  kinds: { raised: ChangeKind; lowered: ChangeKind; changed: ChangeKind },
  path: string,
  o: { amount: number; currency: string | null; perDay: number },
  n: { amount: number; currency: string | null; perDay: number },
  unitSuffix = '',
): Change[] {
  // The same amount over another cycle is reported once, as `billing_cycle_changed`.
  if (o.amount === n.amount) return [];
  const comparable = o.currency === n.currency || o.amount === 0 || n.amount === 0;
  const kind = !comparable ? kinds.changed : n.perDay > o.perDay ? kinds.raised : n.perDay < o.perDay ? kinds.lowered : kinds.changed;
  const currency = n.currency ?? o.currency;
  return [change(kind, 'changed', path, o.amount, n.amount, currency === null ? (unitSuffix ? unitSuffix.trim() : null) : `${currency}${unitSuffix}`)];
}

/** Seat terms (docs/revenue.md): what the price is per, and the seat bounds (null: no maximum). */
function seatChanges(o: DiffPackage, n: DiffPackage): Change[] {
  const oldPer = o.price_per ?? 'package';
  const newPer = n.price_per ?? 'package';
  const changes: Change[] = [...plain('price_per_changed', 'price_per', oldPer, newPer)];
  const oldMin = o.min_seats ?? 1;
  const newMin = n.min_seats ?? 1;
  if (oldMin !== newMin) changes.push(change(newMin > oldMin ? 'min_seats_raised' : 'min_seats_lowered', 'changed', 'min_seats', oldMin, newMin));
  const oldMax = o.max_seats ?? null;
  const newMax = n.max_seats ?? null;
  if (oldMax !== newMax) {
    const raised = newMax === null || (oldMax !== null && newMax > oldMax);
    changes.push(change(raised ? 'max_seats_raised' : 'max_seats_lowered', 'changed', 'max_seats', oldMax, newMax));
  }
  return changes;
}

/** Longer, shorter, or the same length written differently. */
function lengthChange(
  kinds: { longer: ChangeKind; shorter: ChangeKind; same: ChangeKind },
  path: string,
  o: Duration,
  n: Duration,
  values: { old: DiffValue; new: DiffValue },
): Change[] {
  if (o.count === n.count && o.unit === n.unit) return [];
  const order = compareDurations(n, o);
  const kind = order > 0 ? kinds.longer : order < 0 ? kinds.shorter : kinds.same;
  return [change(kind, 'changed', path, values.old, values.new)];
}

/** Changes of the package's own properties, in manifest property order. */
export function propertyChanges(o: DiffPackage, n: DiffPackage): Change[] {
  const oldCycle: Duration = { count: o.periodicity, unit: o.periodicity_type };
  const newCycle: Duration = { count: n.periodicity, unit: n.periodicity_type };
  const sameCycle = compareDurations(oldCycle, newCycle) === 0;
  // A price is what a subscriber pays per cycle: across a cycle change compare it per day.
  const perDay = (price: number, cycle: Duration) => (sameCycle ? price : price / approximateDays(cycle));
  const oldCurrency = o.currency ?? null;
  const newCurrency = n.currency ?? null;
  // A per-seat price is shown as such; across a change of what the price is per, the two amounts
  // are not ordered (`price_per_changed` carries the verdict).
  const perSeat = (o.price_per ?? 'package') === 'seat' && (n.price_per ?? 'package') === 'seat';
  const samePer = (o.price_per ?? 'package') === (n.price_per ?? 'package');
  return [
    ...plain('name_changed', 'name', o.name, n.name),
    ...plain('service_type_changed', 'service_type', o.service_type, n.service_type),
    ...plain('status_changed', 'status', o.status, n.status),
    ...flag('hidden', 'unhidden', 'hidden', o.hidden, n.hidden),
    ...flag('retired', 'unretired', 'retired', o.retired, n.retired),
    ...plain('description_changed', 'description', o.description, n.description),
    ...plain('description_changed', 'short_description', o.short_description, n.short_description),
    ...plain('tier_changed', 'tier', o.tier, n.tier),
    ...money(
      samePer ? { raised: 'price_raised', lowered: 'price_lowered', changed: 'price_changed' } : { raised: 'price_changed', lowered: 'price_changed', changed: 'price_changed' },
      'price',
      { amount: o.price, currency: oldCurrency, perDay: perDay(o.price, oldCycle) },
      { amount: n.price, currency: newCurrency, perDay: perDay(n.price, newCycle) },
      perSeat ? ' per seat' : '',
    ),
    ...seatChanges(o, n),
    ...money(
      { raised: 'signup_fee_raised', lowered: 'signup_fee_lowered', changed: 'signup_fee_changed' },
      'signup_fee',
      { amount: o.signup_fee, currency: oldCurrency, perDay: o.signup_fee },
      { amount: n.signup_fee, currency: newCurrency, perDay: n.signup_fee },
    ),
    ...plain('currency_changed', 'currency', oldCurrency, newCurrency),
    ...(o.periodicity === n.periodicity && o.periodicity_type === n.periodicity_type
      ? []
      : [
          change(
            'billing_cycle_changed',
            'changed',
            'periodicity',
            { periodicity: o.periodicity, periodicity_type: o.periodicity_type },
            { periodicity: n.periodicity, periodicity_type: n.periodicity_type },
          ),
        ]),
    ...lengthChange(
      { longer: 'trial_lengthened', shorter: 'trial_shortened', same: 'trial_changed' },
      'trial_period',
      { count: o.trial_period, unit: o.trial_interval },
      { count: n.trial_period, unit: n.trial_interval },
      {
        old: { trial_period: o.trial_period, trial_interval: o.trial_interval },
        new: { trial_period: n.trial_period, trial_interval: n.trial_interval },
      },
    ),
    ...plain('trial_mode_changed', 'trial_mode', o.trial_mode, n.trial_mode),
    ...lengthChange(
      { longer: 'grace_lengthened', shorter: 'grace_shortened', same: 'grace_changed' },
      'grace_period',
      { count: o.grace_period, unit: o.grace_interval },
      { count: n.grace_period, unit: n.grace_interval },
      {
        old: { grace_period: o.grace_period, grace_interval: o.grace_interval },
        new: { grace_period: n.grace_period, grace_interval: n.grace_interval },
      },
    ),
    ...stockChanges(o, n),
    ...flag('oversell_enabled', 'oversell_disabled', 'oversell_enabled', o.oversell_enabled, n.oversell_enabled),
    ...flag('overages_enabled', 'overages_disabled', 'overages_enabled', o.overages_enabled, n.overages_enabled),
  ];
}

/** Stock as one value: null when unlimited (`has_stock: false`), else `stock_qty`. */
function stockChanges(o: DiffPackage, n: DiffPackage): Change[] {
  const before = o.has_stock ? (o.stock_qty ?? 0) : null;
  const after = n.has_stock ? (n.stock_qty ?? 0) : null;
  if (before === after) return [];
  if (before === null) return [change('stock_limited', 'changed', 'stock_qty', null, after)];
  if (after === null) return [change('stock_unlimited', 'changed', 'stock_qty', before, null)];
  return [change(after > before ? 'stock_raised' : 'stock_lowered', 'changed', 'stock_qty', before, after)];
}
