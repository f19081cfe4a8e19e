// What a package offers buyers, in comparable terms: the cross-package rules compare packages by
// price per day of billing cycle and by feature levels (docs/packages.md#rules-across-packages), per-seat prices with per-seat
// prices only (docs/revenue.md).
import type { Catalog } from '../../catalog/model.js';
import type { CheckedPackage } from '../context.js';

/** Days per billing unit: a month and a year are their Gregorian averages, so cycles compare fairly. */
export const DAYS_PER_UNIT = { day: 1, week: 7, month: 30.436875, year: 365.2425 } as const;

/** The commercial terms of a package, with every value known (defaults filled). */
export interface Offer {
  /** The package. */
  readonly checked: CheckedPackage;
  /** Package code (or `(no code)`), for messages. */
  readonly code: string;
  /** Service type as written. */
  readonly serviceType: string;
  /** Currency, when given. */
  readonly currency: string | undefined;
  /** Recurring price per billing cycle (per seat when `pricePer` is `seat`). */
  readonly price: number;
  /** What `price` is per: the package, or one seat. */
  readonly pricePer: 'package' | 'seat';
  /** Fewest and most seats a subscription may buy (1 and +∞ for a package priced per package). */
  readonly minSeats: number;
  readonly maxSeats: number;
  /** One-time fee. */
  readonly signupFee: number;
  /** Recurring price divided by the cycle length in days. */
  readonly pricePerDay: number;
  /** Billing cycle, for messages: `month`, `3 months`. */
  readonly cycle: string;
}

/**
 * Whether the package is in the line-up or headed there: drafts count, retired and inactive
 * packages do not (a retired package keeps its tier without clashing with its successor).
 */
export function isInLineup(checked: CheckedPackage): boolean {
  return checked.pkg.retired !== true && checked.pkg.status !== 'inactive';
}

/**
 * Whether a customer can buy the package: only `active` packages take new subscriptions, and
 * retired ones none (docs/packages.md#package-properties, docs/simulation.md#lifecycle). A draft (the default status) is work in progress — often a
 * plan whose price is not decided yet — so the price rules never compare it.
 */
export function isOnSale(checked: CheckedPackage): boolean {
  return checked.pkg.retired !== true && checked.pkg.status === 'active';
}

/**
 * Whether the package states its recurring price. Without `price` it compiles to 0, but a plan sold
 * "on request" is written that way too, so the price rules do not guess: they leave it out of
 * their comparisons (SP4007 says so), and never report it as costing 0.
 */
export function isPriced(checked: CheckedPackage): boolean {
  return checked.pkg.price !== undefined;
}

/**
 * The package's commercial terms, or undefined when they cannot be known: no service type, or a
 * price, fee or billing cycle that the schema rejected (reported there).
 */
export function offerOf(checked: CheckedPackage): Offer | undefined {
  const { pkg, raw } = checked;
  if (pkg.service_type === undefined) return undefined;
  const dropped = (['price', 'signup_fee', 'periodicity', 'periodicity_type', 'currency', 'price_per', 'min_seats', 'max_seats'] as const).some(
    (p) => Object.hasOwn(raw, p) && pkg[p] === undefined,
  );
  if (dropped) return undefined;
  const price = pkg.price ?? 0;
  const periodicity = pkg.periodicity ?? 1;
  const unit = pkg.periodicity_type ?? 'month';
  return {
    checked,
    code: pkg.code ?? '(no code)',
    serviceType: pkg.service_type,
    currency: pkg.currency,
    price,
    pricePer: pkg.price_per ?? 'package',
    minSeats: pkg.price_per === 'seat' ? (pkg.min_seats ?? 1) : 1,
    maxSeats: pkg.price_per === 'seat' ? (pkg.max_seats ?? Infinity) : Infinity,
    signupFee: pkg.signup_fee ?? 0,
    pricePerDay: price / (periodicity * DAYS_PER_UNIT[unit]),
    cycle: periodicity === 1 ? unit : `${periodicity} ${unit}s`,
  };
}

/** Whether an offer charges nothing at all: then its currency does not matter. */
export function isFree(offer: Offer): boolean {
  return offer.price === 0 && offer.signupFee === 0;
}

/** `19.9 EUR per month`, `8 EUR per seat per month`. */
export function describePrice(offer: Offer): string {
  return `${offer.price}${offer.currency ? ` ${offer.currency}` : ''} per ${offer.pricePer === 'seat' ? 'seat per ' : ''}${offer.cycle}`;
}

/** `0.6538 EUR/day`, `0.2628 EUR/seat/day`. */
export function describePerDay(offer: Offer): string {
  return `${offer.pricePerDay.toFixed(4)}${offer.currency ? ` ${offer.currency}` : ''}/${offer.pricePer === 'seat' ? 'seat/' : ''}day`;
}

/** The group of offers a price may be compared within: one service type, and one kind of price. */
export function comparableGroup(offer: Offer): string {
  return `${offer.serviceType}\u0000${offer.pricePer}`;
}

/**
 * The level of each catalog feature (in catalog order) in the package, for comparisons: a limit is
 * its number, `true` (unlimited) is +∞; a switch is 1 when on; absent and `false` are 0.
 * Undefined when `features` was dropped for a schema error.
 */
export function featureLevels(checked: CheckedPackage, catalog: Catalog): Float64Array | undefined {
  const { pkg, raw } = checked;
  if (Object.hasOwn(raw, 'features') && pkg.features === undefined) return undefined;
  const features = pkg.features ?? {};
  const levels = new Float64Array(catalog.features.length);
  catalog.features.forEach((definition, i) => {
    if (!Object.hasOwn(features, definition.code)) return;
    const written = features[definition.code];
    const value = typeof written === 'object' && written !== null ? written.value : written;
    levels[i] = value === true ? (definition.feature_settings.value_type === 'limit' ? Infinity : 1) : typeof value === 'number' ? value : 0;
  });
  return levels;
}
