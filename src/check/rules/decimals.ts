// Amounts carry at most 4 decimals (`price`, overage prices: docs/revenue.md) or 2 (`signup_fee`) (docs/packages.md#package-properties). The number's shortest
// form decides first (cheap, and exact for anything a person writes); the text as written is read
// only to quote it in the message, since reading it forces a full parse of the file for positions.
// A value written with more digits than a double holds (`9.9999999999999999999`) reads as `10`
// and passes: the billing system would receive exactly that number.
import { defineCodes } from '../../diagnostics/registry.js';
import { joinPointer } from '../../source/parse.js';
import type { PackageRule } from '../context.js';
import { featureEntries } from './feature-entries.js';

export const CODES = defineCodes({
  tooManyDecimals: {
    code: 'SP3021',
    severity: 'error',
    title: 'Too many decimals',
    description:
      '`price` and the prices of an `overage` (its `price`, each tier\'s `price`) take at most 4 decimals and `signup_fee` at most 2; more precision than the billing system keeps would be rounded away silently.',
    example: 'price: 9.999999\n',
    fix: 'Round the amount to the allowed number of decimals.',
  },
});

/** Most decimals each amount may have. */
const MAX_DECIMALS = { price: 4, signup_fee: 2 } as const;

/** Decimals of a YAML number as written (`1.50` → 1, `2.5e-3` → 4); 0 for integers and non-decimal forms. */
export function countDecimals(source: string): number {
  const match = /^[-+]?(\d*)(?:\.(\d*))?(?:[eE]([-+]?\d+))?$/.exec(source.trim().replace(/_/g, ''));
  if (!match) return 0; // hex, octal, .inf, .nan: no decimals
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  const exponent = Number(match[3] ?? '0');
  return Math.max(0, fraction.length - exponent);
}

export const rule: PackageRule = {
  scope: 'package',
  name: 'decimals',
  codes: Object.values(CODES),
  check({ pkg, catalog, checked, report }) {
    const amount = (pointer: string, name: string, value: number | undefined, max: number): void => {
      if (value === undefined || countDecimals(String(value)) <= max) return;
      const written = checked.source.sourceOf(pointer) ?? String(value);
      const decimals = countDecimals(written);
      if (decimals <= max) return;
      report(CODES.tooManyDecimals, pointer, `\`${name}\` has ${decimals} decimals (${written}): expected at most ${max}`, {
        hint: `round it, e.g. \`${name}: ${roundTo(written, max)}\``,
      });
    };
    for (const property of ['price', 'signup_fee'] as const) amount(`/${property}`, property, pkg[property], MAX_DECIMALS[property]);
    for (const entry of featureEntries(pkg, catalog)) {
      const overage = entry.overage;
      if (overage === undefined) continue;
      const base = ['features', entry.code, 'overage'];
      amount(joinPointer([...base, 'price']), 'price', overage.price, MAX_DECIMALS.price);
      overage.tiers?.forEach((tier, i) => amount(joinPointer([...base, 'tiers', i, 'price']), 'price', tier.price, MAX_DECIMALS.price));
    }
  },
};

function roundTo(written: string, decimals: number): string {
  return Number(Number(written).toFixed(decimals)).toString();
}
