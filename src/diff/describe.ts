// Changes in people's words, shared by the pretty and markdown formatters: what happened, and the
// values before and after as a reader would write them ("unlimited", "14 days", "9.99 EUR").
import type { Change, ChangeKind, DiffValue } from './model.js';

/** A change described for people. */
export interface ChangeDescription {
  /** What happened: "limit lowered". */
  readonly summary: string;
  /** The value before, or "—" when there was none. */
  readonly before: string;
  /** The value after, or "—" when there is none. */
  readonly after: string;
}

const SUMMARIES: Readonly<Record<ChangeKind, string>> = {
  package_added: 'package added',
  package_removed: 'package removed',
  package_renamed: 'package renamed',
  name_changed: 'name changed',
  description_changed: 'description changed',
  service_type_changed: 'service type changed',
  tier_changed: 'tier changed',
  status_changed: 'status changed',
  retired: 'retired',
  unretired: 'no longer retired',
  hidden: 'hidden from self-service',
  unhidden: 'listed for self-service',
  price_raised: 'price raised',
  price_lowered: 'price lowered',
  price_changed: 'price changed',
  price_per_changed: 'priced per seat / per package',
  min_seats_raised: 'seat minimum raised',
  min_seats_lowered: 'seat minimum lowered',
  max_seats_raised: 'seat maximum raised',
  max_seats_lowered: 'seat maximum lowered',
  signup_fee_raised: 'signup fee raised',
  signup_fee_lowered: 'signup fee lowered',
  signup_fee_changed: 'signup fee changed',
  currency_changed: 'currency changed',
  billing_cycle_changed: 'billing cycle changed',
  trial_lengthened: 'trial lengthened',
  trial_shortened: 'trial shortened',
  trial_changed: 'trial changed',
  trial_mode_changed: 'trial mode changed',
  grace_lengthened: 'grace lengthened',
  grace_shortened: 'grace shortened',
  grace_changed: 'grace changed',
  stock_limited: 'stock limited',
  stock_unlimited: 'stock no longer limited',
  stock_raised: 'stock raised',
  stock_lowered: 'stock lowered',
  oversell_enabled: 'overselling allowed',
  oversell_disabled: 'overselling no longer allowed',
  overages_enabled: 'overages billed instead of refused',
  overages_disabled: 'overages refused instead of billed',
  overage_price_raised: 'overage price raised',
  overage_price_lowered: 'overage price lowered',
  overage_price_changed: 'overage price changed',
  feature_added: 'feature added',
  feature_removed: 'feature removed',
  limit_raised: 'limit raised',
  limit_lowered: 'limit lowered',
  limit_changed: 'limit changed',
  switch_on: 'switched on',
  switch_off: 'switched off',
  feature_redefined: 'value type changed in the catalog',
  reset_shortened: 'resets more often',
  reset_lengthened: 'resets less often',
  reset_changed: 'reset changed',
  provider_added: 'provider added',
  provider_removed: 'provider removed',
  provider_default_changed: 'default provider changed',
  provider_settings_changed: 'provider settings changed',
  setting_added: 'setting added',
  setting_removed: 'setting removed',
  setting_changed: 'setting changed',
  metadata_added: 'metadata added',
  metadata_removed: 'metadata removed',
  metadata_changed: 'metadata changed',
  notifications_changed: 'notification preferences changed',
};

const ABSENT = '—';
const MAX_TEXT = 60;

/** Shorten long text to one readable line. */
function clip(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MAX_TEXT ? `${line.slice(0, MAX_TEXT - 1)}…` : line;
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

function field(value: DiffValue, key: string): DiffValue | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, DiffValue>)[key] : undefined;
}

/** `{periodicity: 1, periodicity_type: 'month'}` → "1 month"; a zero trial or grace → "none". */
function duration(value: DiffValue, countKey: string, unitKey: string): string {
  const count = field(value, countKey);
  const unit = field(value, unitKey);
  if (typeof count !== 'number' || typeof unit !== 'string') return generic(value);
  return count === 0 ? 'none' : plural(count, unit);
}

const RESET_UNITS: Readonly<Record<string, string>> = { daily: 'day', weekly: 'week', monthly: 'month', yearly: 'year' };

/** A reset window: "monthly", "every 3 months", "never". */
function reset(value: DiffValue): string {
  const count = field(value, 'periodicity');
  const unit = field(value, 'periodicity_type');
  if (typeof count !== 'number' || typeof unit !== 'string') return generic(value);
  if (count === 0) return 'never';
  return count === 1 ? unit : `every ${plural(count, RESET_UNITS[unit] ?? unit)}`;
}

/** A limit: "unlimited", or the number with its unit. */
function limit(value: DiffValue, unit: string | undefined): string {
  if (value === true) return 'unlimited';
  if (value === false) return 'not included';
  if (value === 'seats') return 'one per seat';
  if (typeof value === 'number') return unit ? `${value} ${unit}` : String(value);
  return generic(value);
}

/** An amount with its currency: "0.5 EUR", or the bare number without one. */
function amount(price: DiffValue | undefined, currency: string | undefined): string {
  return typeof price === 'number' ? `${price}${currency ? ` ${currency}` : ''}` : generic(price ?? null);
}

/**
 * An overage price: "0.5 EUR per unit", "5 EUR per 50 units", "graduated: 0.02 EUR up to 100,
 * then 0.01 EUR", "volume: …". Units are the feature's own (GB, minutes) — see the path.
 */
function overage(value: DiffValue, currency: string | undefined): string {
  const model = field(value, 'model');
  if (model === 'per_unit') return `${amount(field(value, 'price'), currency)} per unit`;
  if (model === 'package') {
    const per = field(value, 'per');
    return `${amount(field(value, 'price'), currency)} per ${typeof per === 'number' ? plural(per, 'unit') : generic(per ?? null)}`;
  }
  const tiers = field(value, 'tiers');
  if ((model === 'graduated' || model === 'volume') && Array.isArray(tiers)) {
    const parts = tiers.map((tier) => {
      const upTo = field(tier, 'up_to');
      return `${amount(field(tier, 'price'), currency)}${typeof upTo === 'number' ? ` up to ${upTo}` : ''}`;
    });
    return `${model}: ${parts.join(', then ')}`;
  }
  return generic(value);
}

/** A provider entry: "bbb (default)". */
function provider(value: DiffValue): string {
  const type = field(value, 'type');
  if (typeof type !== 'string') return generic(value);
  const name = field(value, 'name');
  const label = typeof name === 'string' ? `${type}:${name}` : type;
  return field(value, 'default') === true ? `${label} (default)` : label;
}

/** Any value: strings as they are, the rest as compact JSON. */
function generic(value: DiffValue): string {
  if (value === null) return ABSENT;
  if (typeof value === 'string') return clip(value);
  return clip(JSON.stringify(value));
}

/** One side's value as people read it, by the kind of change. */
function show(change: Change, value: DiffValue): string {
  if (value === null) {
    // A stock of null means "no limit"; everywhere else null means absent.
    // A stock of null means "no limit", a seat maximum of null "no maximum", an overage price of
    // null "not priced"; everywhere else null means absent.
    if (change.kind.startsWith('stock_')) return 'unlimited';
    if (change.kind.startsWith('max_seats_')) return 'no maximum';
    if (change.kind.startsWith('overage_price_')) return 'not priced';
    return ABSENT;
  }
  switch (change.kind) {
    case 'price_raised':
    case 'price_lowered':
    case 'price_changed':
    case 'signup_fee_raised':
    case 'signup_fee_lowered':
    case 'signup_fee_changed':
    case 'feature_added':
    case 'feature_removed':
    case 'limit_raised':
    case 'limit_lowered':
    case 'limit_changed':
    case 'feature_redefined':
      return limit(value, change.unit);
    case 'overage_price_raised':
    case 'overage_price_lowered':
    case 'overage_price_changed':
      return overage(value, change.unit);
    case 'switch_on':
    case 'switch_off':
      return value === true ? 'on' : 'off';
    case 'billing_cycle_changed':
      return duration(value, 'periodicity', 'periodicity_type');
    case 'trial_lengthened':
    case 'trial_shortened':
    case 'trial_changed':
      return duration(value, 'trial_period', 'trial_interval');
    case 'grace_lengthened':
    case 'grace_shortened':
    case 'grace_changed':
      return duration(value, 'grace_period', 'grace_interval');
    case 'reset_shortened':
    case 'reset_lengthened':
    case 'reset_changed':
      return reset(value);
    case 'provider_added':
    case 'provider_removed':
      return provider(value);
    case 'hidden':
    case 'unhidden':
    case 'retired':
    case 'unretired':
    case 'oversell_enabled':
    case 'oversell_disabled':
    case 'overages_enabled':
    case 'overages_disabled':
      return value === true ? 'yes' : 'no';
    default:
      return generic(value);
  }
}

/** Describe a change for people. */
export function describeChange(change: Change): ChangeDescription {
  let summary = change.path === 'short_description' ? 'short description changed' : SUMMARIES[change.kind];
  // "description changed" from nothing reads better as "description added".
  if (change.action !== 'changed' && summary.endsWith(' changed')) summary = `${summary.slice(0, -'changed'.length)}${change.action}`;
  return { summary, before: show(change, change.old), after: show(change, change.new) };
}

/** A short reading of totals: "3 changes, 1 breaking". */
export function describeTotals(changes: number, breaking: number): string {
  return `${plural(changes, 'change')}, ${breaking} breaking`;
}
