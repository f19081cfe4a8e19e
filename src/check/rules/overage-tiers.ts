// Graduated and volume tiers cover every unit exactly once (docs/revenue.md): `up_to` (inclusive)
// strictly increasing, every tier bounded but the last, which is open so no unit goes unpriced.
import { defineCodes } from '../../diagnostics/registry.js';
import { joinPointer } from '../../source/parse.js';
import type { PackageRule } from '../context.js';
import { featureEntries } from './feature-entries.js';

export const CODES = defineCodes({
  overageTierOrder: {
    code: 'SP3030',
    severity: 'error',
    title: 'Overage tiers out of order',
    description:
      'Tiers of a `graduated` or `volume` overage price are listed in order: each `up_to` (the tier\'s last unit, inclusive) above the previous one, and only the last tier without `up_to`, so that every unit has exactly one price.',
    example: 'overages_enabled: true\nfeatures:\n  max_storage:\n    value: 100\n    overage: { model: graduated, tiers: [{ up_to: 50, price: 1 }, { up_to: 20, price: 0.5 }, { price: 0.2 }] }\n',
    fix: 'Sort the tiers by `up_to`, give every tier but the last an `up_to`, and leave the last one open.',
  },
});

export const rule: PackageRule = {
  scope: 'package',
  name: 'overage-tiers',
  codes: Object.values(CODES),
  check({ pkg, catalog, report }) {
    for (const entry of featureEntries(pkg, catalog)) {
      const overage = entry.overage;
      const tiers = overage?.tiers;
      // Tiers under another model are SP3029's business.
      if (!tiers || (overage.model !== 'graduated' && overage.model !== 'volume')) continue;
      const at = (i: number, key?: string) => joinPointer(['features', entry.code, 'overage', 'tiers', i, ...(key ? [key] : [])]);
      let previous: number | undefined;
      tiers.forEach((tier, i) => {
        const last = i === tiers.length - 1;
        if (tier.up_to === undefined) {
          if (!last) {
            report(CODES.overageTierOrder, at(i), `tier ${i + 1} of \`${entry.code}\` has no \`up_to\` but is not the last: expected only the last tier to be open`, {
              hint: `give tier ${i + 1} an \`up_to\`${previous !== undefined ? ` above ${previous}` : ''}, or make it the last`,
            });
          }
          return;
        }
        if (previous !== undefined && tier.up_to <= previous) {
          report(CODES.overageTierOrder, at(i, 'up_to'), `tier ${i + 1} of \`${entry.code}\` ends at \`up_to: ${tier.up_to}\`, not above the previous tier's ${previous}: expected strictly increasing \`up_to\``, {
            hint: 'sort the tiers by `up_to`, or merge tiers with the same bound',
          });
        }
        if (last) {
          report(CODES.overageTierOrder, at(i, 'up_to'), `the last tier of \`${entry.code}\` ends at \`up_to: ${tier.up_to}\`, so units above ${tier.up_to} would have no price: expected the last tier open (no \`up_to\`)`, {
            target: 'key',
            hint: `remove \`up_to\` from the last tier, or add an open tier \`{ price: … }\` after it`,
          });
        }
        previous = Math.max(previous ?? 0, tier.up_to);
      });
    }
  },
};
