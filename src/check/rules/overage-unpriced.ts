// With overages enabled, usage above every finite quota limit is let through; a limit without an
// `overage` price lets it through for free (docs/revenue.md). Often meant, so only an info.
import { defineCodes } from '../../diagnostics/registry.js';
import { joinPointer } from '../../source/parse.js';
import type { PackageRule } from '../context.js';
import { featureEntries, isFiniteLimit } from './feature-entries.js';

export const CODES = defineCodes({
  overageUnpriced: {
    code: 'SP3028',
    severity: 'info',
    title: 'Overage without a price',
    description:
      'The package has `overages_enabled: true`, so usage above this limit is applied instead of refused, but the feature has no `overage` price: that usage is billed at 0.',
    example: 'overages_enabled: true\nfeatures:\n  max_storage: 100\n',
    fix: 'Price it in the long form (`max_storage: { value: 100, overage: { price: 0.5 } }`), or write `overage: { price: 0 }` to say it is free.',
  },
});

export const rule: PackageRule = {
  scope: 'package',
  name: 'overage-unpriced',
  codes: Object.values(CODES),
  check({ pkg, catalog, report }) {
    if (pkg.overages_enabled !== true) return;
    for (const entry of featureEntries(pkg, catalog)) {
      if (entry.overage !== undefined || !entry.definition.quota || entry.definition.feature_settings.value_type !== 'limit') continue;
      if (!isFiniteLimit(entry.value)) continue;
      const value = String(entry.value);
      report(
        CODES.overageUnpriced,
        joinPointer(['features', entry.code]),
        `overages are enabled but \`${entry.code}\` has no \`overage\` price: usage above ${value} is let through and billed at 0`,
        {
          target: 'key',
          hint: `write \`${entry.code}: { value: ${value}, overage: { price: … } }\`, or \`overage: { price: 0 }\` if it is meant to be free`,
        },
      );
    }
  },
};
