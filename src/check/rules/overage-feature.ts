// An overage price belongs to a quota limit: only usage above a limit can be billed as overage
// (docs/revenue.md). On a switch, or a limit the catalog does not treat as a quota, it prices nothing.
import { defineCodes } from '../../diagnostics/registry.js';
import { joinPointer } from '../../source/parse.js';
import type { PackageRule } from '../context.js';
import { featureEntries } from './feature-entries.js';

export const CODES = defineCodes({
  overageNotQuota: {
    code: 'SP3026',
    severity: 'error',
    title: 'Overage on a switch or non-quota feature',
    description:
      '`overage` prices usage above a limit. A switch is on or off and a non-quota feature (catalog `quota: false`) limits nothing, so no usage can ever be above it.',
    example: 'overages_enabled: true\nfeatures:\n  recording: { value: true, overage: { price: 1 } }\n',
    fix: 'Remove `overage` from the feature, or price a quota limit such as `max_storage` instead.',
  },
});

export const rule: PackageRule = {
  scope: 'package',
  name: 'overage-feature',
  codes: Object.values(CODES),
  check({ pkg, catalog, report }) {
    for (const entry of featureEntries(pkg, catalog)) {
      if (entry.overage === undefined) continue;
      const isSwitch = entry.definition.feature_settings.value_type === 'switch';
      if (!isSwitch && entry.definition.quota) continue;
      report(
        CODES.overageNotQuota,
        joinPointer(['features', entry.code, 'overage']),
        `\`${entry.code}\` is ${isSwitch ? 'a switch' : 'not a quota in the catalog'}, so it has no usage above a limit to price: expected \`overage\` on a quota limit only`,
        { target: 'key', hint: `remove \`overage\` from \`${entry.code}\`` },
      );
    }
  },
};
