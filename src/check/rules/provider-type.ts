// Each provider entry names a catalog provider type that serves the package's service type (docs/packages.md#providers, docs/packages.md#providers).
import { defineCodes } from '../../diagnostics/registry.js';
import { didYouMean } from '../../diagnostics/suggest.js';
import type { PackageRule } from '../context.js';

export const CODES = defineCodes({
  unknownProviderType: {
    code: 'SP3008',
    severity: 'error',
    title: 'Unknown provider type',
    description: 'A provider entry names a `type` the catalog does not define (the default catalog has `bbb`, alias `bigbluebutton`, and `scalelite`).',
    example: 'providers:\n  - type: bigbluebuton\n',
    fix: 'Use a catalog provider type; the hint suggests the closest one.',
  },
  providerTypeMismatch: {
    code: 'SP3009',
    severity: 'error',
    title: 'Provider type does not serve the service type',
    description: "The provider type exists, but its `service_types` do not include the package's service type, so it cannot host the package's rooms.",
    example: 'service_type: webinar\nproviders:\n  - type: bbb\n',
    fix: 'Attach a provider type that serves the service type, or remove the entry.',
  },
});

export const rule: PackageRule = {
  scope: 'package',
  name: 'provider-type',
  codes: Object.values(CODES),
  check({ pkg, catalog, report }) {
    const serviceType = pkg.service_type !== undefined && catalog.serviceTypeByCode.has(pkg.service_type) ? pkg.service_type : undefined;
    (pkg.providers ?? []).forEach((provider, i) => {
      const pointer = `/providers/${i}/type`;
      const definition = catalog.providerTypeByCode.get(provider.type);
      if (!definition) {
        const known = [...catalog.providerTypeByCode.keys()];
        report(CODES.unknownProviderType, pointer, `unknown provider type \`${provider.type}\`: expected one of ${known.map((k) => `\`${k}\``).join(', ')}`, {
          hint: didYouMean(provider.type, known) ?? `use one of: ${known.join(', ')}`,
        });
        return;
      }
      if (serviceType === undefined || definition.service_types.includes(serviceType)) return;
      const serving = catalog.providerTypes.filter((t) => t.service_types.includes(serviceType)).map((t) => `\`${t.type}\``);
      const location = catalog.locations.get(`provider_type:${definition.type}`);
      report(
        CODES.providerTypeMismatch,
        pointer,
        `the provider type \`${provider.type}\` serves ${definition.service_types.map((s) => `\`${s}\``).join(', ')}, not \`${serviceType}\``,
        {
          hint:
            serving.length > 0
              ? `use a provider type that serves \`${serviceType}\`: ${serving.join(', ')}`
              : `remove the entry: no provider type of the catalog serves \`${serviceType}\` yet`,
          related: location ? [{ ...location, message: `provider type \`${definition.type}\` and the service types it serves` }] : [],
        },
      );
    });
  },
};
