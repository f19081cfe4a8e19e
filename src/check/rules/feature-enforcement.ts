// A provider-enforced feature needs an attached provider whose type maps it (docs/packages.md#feature-values, docs/packages.md#providers):
// the platform cannot hold the limit itself, so without one the feature is sold but not enforced.
import { defineCodes } from '../../diagnostics/registry.js';
import type { ProviderTypeDefinition } from '../../catalog/model.js';
import { joinPointer } from '../../source/parse.js';
import type { PackageRule } from '../context.js';
import { featureEntries, isIncluded } from './feature-entries.js';
import { needsProvider } from './provider-required.js';

export const CODES = defineCodes({
  unenforcedFeature: {
    code: 'SP3007',
    severity: 'error',
    title: 'No provider enforces the feature',
    description:
      "The catalog marks the feature `enforced_by: provider`, but none of the package's providers has a type whose `feature_map` maps it, so nothing would enforce it.",
    example: 'service_type: meet\nstatus: inactive\nproviders: []\nfeatures:\n  max_participants: 50\n',
    fix: 'Attach a provider of a type that maps the feature (the message names them), or remove the feature.',
  },
});

export const rule: PackageRule = {
  scope: 'package',
  name: 'feature-enforcement',
  codes: Object.values(CODES),
  check({ pkg, catalog, authored, report }) {
    // Providers with schema errors were dropped: we cannot tell which types are attached.
    if (authored('providers') && pkg.providers === undefined) return;
    // No provider at all on a package that needs one: SP3011 reports that one cause, naming these features.
    if (needsProvider(pkg, authored)) return;
    const attached = (pkg.providers ?? [])
      .map((p) => catalog.providerTypeByCode.get(p.type))
      .filter((t): t is ProviderTypeDefinition => t !== undefined);
    const serviceType = pkg.service_type !== undefined && catalog.serviceTypeByCode.has(pkg.service_type) ? pkg.service_type : undefined;
    for (const entry of featureEntries(pkg, catalog)) {
      if (entry.definition.feature_settings.enforced_by !== 'provider' || !isIncluded(entry.value)) continue;
      if (attached.some((t) => Object.hasOwn(t.feature_map, entry.code))) continue;
      const candidates = catalog.providerTypes
        .filter((t) => Object.hasOwn(t.feature_map, entry.code) && (serviceType === undefined || t.service_types.includes(serviceType)))
        .map((t) => `\`${t.type}\``);
      const found =
        attached.length === 0
          ? (pkg.providers ?? []).length === 0
            ? 'the package has no provider'
            : 'none of its providers has a known type'
          : `its provider${attached.length > 1 ? 's' : ''} (${[...new Set(attached.map((t) => `\`${t.type}\``))].join(', ')}) ${attached.length > 1 ? 'do' : 'does'} not map it`;
      const expected =
        candidates.length > 0
          ? `a provider of type ${orList(candidates)}`
          : `a provider that enforces it, but no provider type of the catalog${serviceType ? ` that serves \`${serviceType}\`` : ''} does`;
      report(CODES.unenforcedFeature, joinPointer(['features', entry.code]), `\`${entry.code}\` is enforced by the provider: expected ${expected}; ${found}`, {
        target: 'key',
        hint:
          candidates.length > 0
            ? `attach a provider of type ${orList(candidates)}, or remove \`${entry.code}\``
            : `remove \`${entry.code}\`: no provider can enforce it${serviceType ? ` for \`${serviceType}\` packages` : ''}`,
      });
    }
  },
};

function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] ?? ''}`;
}
