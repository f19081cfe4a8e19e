// The feature value `seats` ("as many as the subscription's seats") fits one feature and one kind of
// price: `max_accounts` of a package sold per seat (docs/revenue.md). Anywhere else it has no meaning.
import { defineCodes } from '../../diagnostics/registry.js';
import { joinPointer } from '../../source/parse.js';
import type { PackageRule } from '../context.js';
import { featureEntries } from './feature-entries.js';

/** The one feature whose value may be `seats`: the accounts a subscription may create (a host licence each). */
export const SEATS_FEATURE = 'max_accounts';

export const CODES = defineCodes({
  seatsOnOtherFeature: {
    code: 'SP3033',
    severity: 'error',
    title: '`seats` on a feature other than `max_accounts`',
    description:
      'The value `seats` means "as many as the subscription\'s seats": a seat is a host licence, so it sizes `max_accounts` only. On any other feature it has no meaning.',
    example: 'price_per: seat\nfeatures:\n  max_rooms: seats\n',
    fix: 'Write a number, `true` (unlimited) or `false`; use `seats` on `max_accounts` only.',
  },
  seatsWithoutSeatPrice: {
    code: 'SP3034',
    severity: 'error',
    title: '`max_accounts: seats` without `price_per: seat`',
    description:
      '`max_accounts: seats` follows the seats a subscription buys; a package priced per package (the default) sells no seats, so the limit would silently be `min_seats` (1).',
    example: 'features:\n  max_accounts: seats\n',
    fix: 'Add `price_per: seat` (with `min_seats`/`max_seats` as needed), or write a number of accounts.',
  },
});

export const rule: PackageRule = {
  scope: 'package',
  name: 'seats-value',
  codes: Object.values(CODES),
  check({ pkg, catalog, authored, report }) {
    for (const entry of featureEntries(pkg, catalog)) {
      if (entry.value !== 'seats') continue;
      const pointer = joinPointer(entry.longForm ? ['features', entry.code, 'value'] : ['features', entry.code]);
      if (entry.code !== SEATS_FEATURE) {
        const kind = entry.definition.feature_settings.value_type === 'switch' ? 'true or false' : 'a number, true (unlimited) or false';
        report(CODES.seatsOnOtherFeature, pointer, `\`${entry.code}: seats\`: \`seats\` only sizes \`${SEATS_FEATURE}\` (one account per seat); expected ${kind}`, {
          hint: `write ${kind} for \`${entry.code}\``,
        });
        continue;
      }
      // A `price_per` with a schema error was dropped: its intent is unknown, so say nothing.
      if (authored('price_per') && pkg.price_per === undefined) continue;
      if (pkg.price_per !== 'seat') {
        report(
          CODES.seatsWithoutSeatPrice,
          pointer,
          `\`${SEATS_FEATURE}: seats\` needs \`price_per: seat\`, but the package is priced per package${authored('price_per') ? '' : ' (the default)'}: a subscription would buy no seats to count`,
          { hint: `add \`price_per: seat\`, or write a number of accounts` },
        );
      }
    }
  },
};
