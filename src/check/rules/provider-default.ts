// Exactly one provider entry is the default: the one marked `default: true`, or the only entry (docs/packages.md#providers).
import { defineCodes } from '../../diagnostics/registry.js';
import type { PackageRule } from '../context.js';
import { relatedAt } from '../context.js';

export const CODES = defineCodes({
  providerDefault: {
    code: 'SP3010',
    severity: 'error',
    title: 'Not exactly one default provider',
    description:
      'New rooms are created on the default provider, so a package with providers needs exactly one: `default: true` on one entry, or a single entry. Two defaults, several entries with none, or a single entry marked `default: false` are ambiguous.',
    example: 'providers:\n  - type: bbb\n    default: true\n  - type: scalelite\n    default: true\n',
    fix: 'Mark exactly one entry `default: true` (a single entry needs no mark).',
  },
});

export const rule: PackageRule = {
  scope: 'package',
  name: 'provider-default',
  codes: Object.values(CODES),
  check({ pkg, checked, report }) {
    const providers = pkg.providers ?? [];
    if (providers.length === 0) return;
    const defaults = providers.flatMap((p, i) => (p.default === true ? [i] : []));
    if (providers.length === 1) {
      if (providers[0]?.default === false) {
        report(CODES.providerDefault, '/providers/0/default', 'the only provider is marked `default: false`: expected it to be the default, as a single entry always is', {
          hint: 'remove `default: false`',
        });
      }
      return;
    }
    if (defaults.length === 0) {
      report(CODES.providerDefault, '/providers', `${providers.length} providers are attached and none is the default: expected exactly one with \`default: true\``, {
        target: 'key',
        hint: 'mark the provider new rooms should use with `default: true`',
      });
      return;
    }
    const [first, ...others] = defaults;
    for (const i of others) {
      report(CODES.providerDefault, `/providers/${i}/default`, `${defaults.length} providers are marked \`default: true\`: expected exactly one`, {
        target: 'key',
        hint: 'keep `default: true` on one provider and remove it from the others',
        related: [relatedAt(checked, `/providers/${first ?? 0}/default`, 'also marked default here', 'key')],
      });
    }
  },
};
