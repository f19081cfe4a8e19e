// Seat bounds of a package sold per seat (docs/revenue.md): `min_seats` ≤ `max_seats`, and neither
// means anything while the price is per package.
import { defineCodes } from '../../diagnostics/registry.js';
import type { PackageRule } from '../context.js';
import { relatedAt } from '../context.js';

export const CODES = defineCodes({
  seatBoundsCrossed: {
    code: 'SP3031',
    severity: 'error',
    title: '`min_seats` above `max_seats`',
    description: 'A subscription must buy at least `min_seats` and at most `max_seats` seats; with the minimum above the maximum no seat count is allowed, so nobody can subscribe.',
    example: 'price_per: seat\nmin_seats: 10\nmax_seats: 5\n',
    fix: 'Lower `min_seats` or raise `max_seats`.',
  },
  seatBoundsWithoutSeatPrice: {
    code: 'SP3032',
    severity: 'warning',
    title: 'Seat bounds on a package priced per package',
    description: '`min_seats` and `max_seats` bound the seats of a package sold per seat; with `price_per: package` (the default) the price does not depend on seats, so the bounds only restrict `seats` in scenarios.',
    example: 'min_seats: 5\n',
    fix: 'Add `price_per: seat`, or remove `min_seats` and `max_seats`.',
  },
});

export const rule: PackageRule = {
  scope: 'package',
  name: 'seat-bounds',
  codes: Object.values(CODES),
  check({ pkg, checked, authored, report }) {
    const { min_seats: min, max_seats: max } = pkg;
    if (min !== undefined && max !== undefined && min > max) {
      report(CODES.seatBoundsCrossed, '/min_seats', `\`min_seats: ${min}\` is above \`max_seats: ${max}\`: expected at most ${max}, or no subscription can be sold`, {
        related: [relatedAt(checked, '/max_seats', `\`max_seats: ${max}\``)],
        hint: 'lower `min_seats` or raise `max_seats`',
      });
    }
    // A `price_per` with a schema error was dropped: its intent is unknown, so say nothing.
    if (pkg.price_per === 'seat' || (authored('price_per') && pkg.price_per === undefined)) return;
    for (const bound of ['min_seats', 'max_seats'] as const) {
      if (!authored(bound)) continue;
      report(
        CODES.seatBoundsWithoutSeatPrice,
        `/${bound}`,
        `\`${bound}\` is set but the package is priced per package${authored('price_per') ? '' : ' (the default)'}: expected \`price_per: seat\` with it, since the price does not depend on seats`,
        { target: 'key', hint: `add \`price_per: seat\`, or remove \`${bound}\`` },
      );
    }
  },
};
