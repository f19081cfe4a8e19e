// Amounts carry at most 4 decimals (`price`) or 2 (`signup_fee`) (SPEC §2). The number's shortest
// form decides first (cheap, and exact for anything a person writes); the text as written is read
// only to quote it in the message, since reading it forces a full parse of the file for positions.
// A value written with more digits than a double holds (`9.9999999999999999999`) reads as `10`
// and passes: the billing system would receive exactly that number.
import { defineCodes } from '../../diagnostics/registry.js';
import type { PackageRule } from '../context.js';

export const CODES = defineCodes({
  tooManyDecimals: {
    code: 'SP3021',
    severity: 'error',
    title: 'Too many decimals',
    description: '`price` takes at most 4 decimals and `signup_fee` at most 2; more precision than the billing system keeps would be rounded away silently.',
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
  check({ pkg, checked, report }) {
    for (const property of ['price', 'signup_fee'] as const) {
      const value = pkg[property];
      if (value === undefined) continue;
      const max = MAX_DECIMALS[property];
      if (countDecimals(String(value)) <= max) continue;
      const written = checked.source.sourceOf(`/${property}`) ?? String(value);
      const decimals = countDecimals(written);
      if (decimals <= max) continue;
      report(CODES.tooManyDecimals, `/${property}`, `\`${property}\` has ${decimals} decimals (${written}): expected at most ${max}`, {
        hint: `round it, e.g. \`${property}: ${roundTo(written, max)}\``,
      });
    }
  },
};

function roundTo(written: string, decimals: number): string {
  return Number(Number(written).toFixed(decimals)).toString();
}
