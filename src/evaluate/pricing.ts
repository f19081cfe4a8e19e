// Overage price models (docs/revenue.md): what one billing period's units above a limit cost, in
// exact decimals. Units arrive in micro-units (usage keeps 6 decimals); a price is parsed once
// into integers of 4 decimals; the result is the exact product at 10 decimals, rounded to the
// currency's minor unit by the caller, once per charge line.
import type { EvaluatorOveragePrice } from './model.js';
import { PRICE_DECIMALS, UNIT_DECIMALS, scaled } from './money.js';

/** One micro-unit scale factor. */
const UNIT = 10n ** BigInt(UNIT_DECIMALS);

/** A tier with its bound in micro-units (null: open) and its price at 4 decimals. */
interface Tier {
  readonly upTo: bigint | null;
  readonly price: bigint;
}

/** An overage price compiled to integers. */
export interface OverageRate {
  /** The model. */
  readonly model: 'per_unit' | 'package' | 'graduated' | 'volume';
  /** per_unit: price of a unit; package: price of a block (4 decimals). */
  readonly price: bigint;
  /** package: units in a block, in micro-units. */
  readonly per: bigint;
  /** graduated, volume: the tiers in order. */
  readonly tiers: readonly Tier[];
}

/** Compile a manifest overage price (absent fields read as their defaults: per_unit, price 0). */
export function overageRate(price: EvaluatorOveragePrice): OverageRate {
  const model = price.model ?? 'per_unit';
  return {
    model,
    price: scaled(price.price ?? 0, PRICE_DECIMALS),
    per: BigInt(Math.max(1, Math.floor(price.per ?? 1))) * UNIT,
    tiers: (price.tiers ?? []).map((tier) => ({
      upTo: tier.up_to === null || tier.up_to === undefined ? null : BigInt(tier.up_to) * UNIT,
      price: scaled(tier.price, PRICE_DECIMALS),
    })),
  };
}

/**
 * The exact charge (10 decimals) of `units` micro-units in one billing period. `up_to` is
 * inclusive: with `up_to: 100`, units 1–100 are in the first tier. A volume price with units
 * beyond its last closed tier and no open tier uses the last tier.
 */
export function overageCharge(rate: OverageRate, units: bigint): bigint {
  if (units <= 0n) return 0n;
  switch (rate.model) {
    case 'per_unit':
      return rate.price * units;
    case 'package': {
      // A started block costs a whole block.
      const blocks = (units + rate.per - 1n) / rate.per;
      return blocks * rate.price * UNIT;
    }
    case 'graduated': {
      let total = 0n;
      let from = 0n;
      for (const tier of rate.tiers) {
        const to = tier.upTo === null || tier.upTo > units ? units : tier.upTo;
        if (to > from) total += (to - from) * tier.price;
        if (tier.upTo === null || tier.upTo >= units) break;
        from = tier.upTo;
      }
      return total;
    }
    case 'volume': {
      let price = 0n;
      for (const tier of rate.tiers) {
        price = tier.price;
        if (tier.upTo === null || units <= tier.upTo) break;
      }
      return price * units;
    }
  }
}
