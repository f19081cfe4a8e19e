// Overage charges of one feature of one subscription (docs/revenue.md): its accrued units priced
// per billing period with the model in force when they accrued (tiers restart every period),
// one line per period rounded to the minor unit, charged at the period's end or the end of
// access, or left unbilled when that instant is not before the scenario end.
import type { Timeline } from './lifecycle.js';
import { overageDueAt } from './lifecycle.js';
import { toMinor } from './money.js';
import { overageCharge } from './pricing.js';
import type { Accrual, Terms } from './terms.js';

/** The overage of one feature, in minor units. */
export interface FeatureOverage {
  /** Charged before the end. */
  charged: bigint;
  /** Of periods charged at or after the end. */
  unbilled: bigint;
}

/** One billing period's overage line of a feature. */
export interface OverageLine {
  /** When it is charged (ms): the period's end, or the end of access when earlier. */
  at: number;
  /** The amount in minor units. */
  minor: bigint;
}

/**
 * Price a feature's accruals (time order), one line per billing period. Within a period, units
 * accrued under a second set of terms continue the period's count: they cost what the new model
 * charges for the period's units beyond those already accrued (never below 0), so tiers are not
 * restarted by a move. Trial units (period -1) are charged 0 and make no line.
 */
export function overageLines(
  code: string,
  accruals: readonly Accrual[],
  terms: readonly Terms[],
  timeline: Timeline,
  currency: string | null,
): OverageLine[] {
  const lines: OverageLine[] = [];
  const calendar = terms[0]!.pkg;
  let i = 0;
  while (i < accruals.length) {
    const period = accruals[i]!.period;
    let product = 0n;
    let before = 0n;
    for (; i < accruals.length && accruals[i]!.period === period; i++) {
      const accrual = accruals[i]!;
      const units = BigInt(accrual.units);
      const rate = terms[accrual.terms]!.rates.get(code);
      if (rate !== undefined && period >= 0) {
        const part = overageCharge(rate, before + units) - overageCharge(rate, before);
        if (part > 0n) product += part;
      }
      before += units;
    }
    if (period < 0 || product === 0n) continue;
    lines.push({ at: overageDueAt(calendar, timeline, period), minor: toMinor(product, currency) });
  }
  return lines;
}

/** A feature's overage split into what is charged before `end` and what is not. */
export function featureOverage(
  code: string,
  accruals: readonly Accrual[],
  terms: readonly Terms[],
  timeline: Timeline,
  end: number,
  currency: string | null,
): FeatureOverage {
  const result: FeatureOverage = { charged: 0n, unbilled: 0n };
  for (const line of overageLines(code, accruals, terms, timeline, currency)) {
    if (line.at < end) result.charged += line.minor;
    else result.unbilled += line.minor;
  }
  return result;
}
