// What a package offers buyers, in comparable terms: the cross-package rules compare packages by
// price per day of billing cycle and by feature levels (SPEC §2.4).
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
  /** Recurring price per billing cycle. */
  readonly price: number;
  /** One-time fee. */
  readonly signupFee: number;
  /** Recurring price divided by the cycle length in days. */
  readonly pricePerDay: number;
  /** Billing cycle, for messages: `month`, `3 months`. */
  readonly cycle: string;
}

/** Whether a package can be sold at all: retired and inactive packages take no new subscriptions (SPEC §2, §8.7). */
export function isOnSale(checked: CheckedPackage): boolean {
  return checked.pkg.retired !== true && checked.pkg.status !== 'inactive';
}

/**
 * The package's commercial terms, or undefined when they cannot be known: no service type, or a
 * price, fee or billing cycle that the schema rejected (reported there).
 */
export function offerOf(checked: CheckedPackage): Offer | undefined {
  const { pkg, raw } = checked;
  if (pkg.service_type === undefined) return undefined;
  const dropped = (['price', 'signup_fee', 'periodicity', 'periodicity_type', 'currency'] as const).some(
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
    signupFee: pkg.signup_fee ?? 0,
    pricePerDay: price / (periodicity * DAYS_PER_UNIT[unit]),
    cycle: periodicity === 1 ? unit : `${periodicity} ${unit}s`,
  };
}

/** Whether an offer charges nothing at all: then its currency does not matter. */
export function isFree(offer: Offer): boolean {
  return offer.price === 0 && offer.signupFee === 0;
}

/** `19.9 EUR per month`. */
export function describePrice(offer: Offer): string {
  return `${offer.price}${offer.currency ? ` ${offer.currency}` : ''} per ${offer.cycle}`;
}

/** `0.6538 EUR/day`. */
export function describePerDay(offer: Offer): string {
  return `${offer.pricePerDay.toFixed(4)}${offer.currency ? ` ${offer.currency}` : ''}/day`;
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
