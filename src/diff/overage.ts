// Ordering two overage prices (docs/diff.md): is every amount of usage above the limit charged at
// least as much after as before (raised), at most as much (lowered), the same, or more for some
// amounts and less for others (mixed)? Exact: prices have at most 4 decimals, so charges are
// compared as integers of 1/10,000 of the currency unit, never as binary floating point.

/** An overage price as the manifest writes it (format_version 2); null: not priced (charged 0). */
export interface DiffOverage {
  /** Charge model. */
  readonly model: 'per_unit' | 'package' | 'graduated' | 'volume';
  /** per_unit: price of one unit; package: price of one block. */
  readonly price: number | null;
  /** package: units in one block. */
  readonly per: number | null;
  /** graduated and volume: tiers in order, the last open (`up_to` null). */
  readonly tiers: readonly { readonly up_to: number | null; readonly price: number }[] | null;
}

/** How the new price compares with the old one over every amount of usage. */
export type OverageOrder = 'same' | 'raised' | 'lowered' | 'mixed';

/** Past this many units the comparison relies on the prices' long-run rates (see `compareOverage`). */
const MAX_SCAN = 100_000;

/** A price as an exact integer of 1/10,000 units; prices carry at most 4 decimals (SP3021). */
function ticks(price: number): bigint {
  return BigInt(Math.round(price * 10_000));
}

/** The charge for `units` units above the limit in one billing period, in ticks. */
export function overageCharge(overage: DiffOverage | null, units: number): bigint {
  if (overage === null || units <= 0) return 0n;
  const n = BigInt(units);
  switch (overage.model) {
    case 'per_unit':
      return ticks(overage.price ?? 0) * n;
    case 'package': {
      const per = BigInt(overage.per ?? 1);
      return ticks(overage.price ?? 0) * ((n + per - 1n) / per);
    }
    case 'graduated': {
      let charge = 0n;
      let below = 0;
      for (const tier of overage.tiers ?? []) {
        const top = tier.up_to === null ? units : Math.min(units, tier.up_to);
        if (top > below) charge += ticks(tier.price) * BigInt(top - below);
        if (tier.up_to === null || units <= tier.up_to) break;
        below = tier.up_to;
      }
      return charge;
    }
    case 'volume': {
      const tiers = overage.tiers ?? [];
      const reached = tiers.find((tier) => tier.up_to === null || units <= tier.up_to) ?? tiers[tiers.length - 1];
      return reached ? ticks(reached.price) * n : 0n;
    }
  }
}

/** Where a price's charge changes pace: tier bounds and block edges, and one unit past each. */
function breakpoints(overage: DiffOverage | null): number[] {
  if (overage === null) return [];
  const bounds = (overage.tiers ?? []).flatMap((tier) => (tier.up_to === null ? [] : [tier.up_to]));
  if (overage.model === 'package' && overage.per !== null) bounds.push(overage.per);
  return bounds;
}

/** Charge per unit in the long run, as a fraction [numerator ticks, units]. */
function rate(overage: DiffOverage | null): [bigint, bigint] {
  if (overage === null) return [0n, 1n];
  if (overage.model === 'per_unit') return [ticks(overage.price ?? 0), 1n];
  if (overage.model === 'package') return [ticks(overage.price ?? 0), BigInt(overage.per ?? 1)];
  const last = overage.tiers?.[overage.tiers.length - 1];
  return [last ? ticks(last.price) : 0n, 1n];
}

/**
 * Compare two overage prices. Charges are compared at every amount up to well past the last tier
 * bound or block edge of either (and the common period of two block sizes, when it is within
 * reach); beyond that both charges grow at their last rate, so the rates decide the rest.
 */
export function compareOverage(before: DiffOverage | null, after: DiffOverage | null): OverageOrder {
  const points = [...breakpoints(before), ...breakpoints(after)];
  const blocks = [before, after].flatMap((o) => (o?.model === 'package' && o.per !== null ? [o.per] : []));
  const period = blocks.reduce((a, b) => (a * b) / gcd(a, b), 1);
  const horizon = Math.min(MAX_SCAN, 2 * Math.max(1, ...points) + 2 * period);
  let higher = false;
  let lower = false;
  for (let units = 1; units <= horizon && !(higher && lower); units++) {
    const difference = overageCharge(after, units) - overageCharge(before, units);
    if (difference > 0n) higher = true;
    else if (difference < 0n) lower = true;
  }
  const [an, ad] = rate(after);
  const [bn, bd] = rate(before);
  const longRun = an * bd - bn * ad;
  if (longRun > 0n) higher = true;
  else if (longRun < 0n) lower = true;
  return higher && lower ? 'mixed' : higher ? 'raised' : lower ? 'lowered' : 'same';
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
