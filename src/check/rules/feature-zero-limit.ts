// A limit of 0 grants nothing; the platform's old docs used 0 for "unlimited", so it is likely a slip (docs/packages.md#feature-values).
import { defineCodes } from '../../diagnostics/registry.js';
import { joinPointer } from '../../source/parse.js';
import type { PackageRule } from '../context.js';
import { featureEntries } from './feature-entries.js';

export const CODES = defineCodes({
  zeroLimit: {
    code: 'SP3005',
    severity: 'warning',
    title: 'Limit of 0',
    description:
      'A limit of 0 grants nothing: every use is refused. The platform\'s old documentation used 0 for "unlimited"; in svcpkg `true` means unlimited.',
    example: 'features:\n  max_rooms: 0\n',
    fix: 'Write `true` for unlimited, or `false` (or remove the entry) to leave the feature out.',
  },
});

export const rule: PackageRule = {
  scope: 'package',
  name: 'feature-zero-limit',
  codes: Object.values(CODES),
  check({ pkg, catalog, report }) {
    for (const entry of featureEntries(pkg, catalog)) {
      if (entry.definition.feature_settings.value_type !== 'limit' || entry.value !== 0) continue;
      const pointer = joinPointer(entry.longForm ? ['features', entry.code, 'value'] : ['features', entry.code]);
      report(
        CODES.zeroLimit,
        pointer,
        `\`${entry.code}: 0\` grants nothing: every use would be refused; \`true\` means unlimited (the platform's old docs used 0 for unlimited)`,
        { hint: 'write `true` for unlimited, or `false` to leave the feature out' },
      );
    }
  },
};
