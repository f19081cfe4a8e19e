// Feature codes must exist in the catalog and be allowed for the package's service type (docs/packages.md#feature-values, docs/packages.md#service-types-and-their-features).
import { defineCodes } from '../../diagnostics/registry.js';
import { didYouMean } from '../../diagnostics/suggest.js';
import { serviceTypesAllowing } from '../../catalog/model.js';
import { joinPointer } from '../../source/parse.js';
import type { PackageRule } from '../context.js';

export const CODES = defineCodes({
  unknownFeature: {
    code: 'SP3002',
    severity: 'error',
    title: 'Unknown feature',
    description: 'A key of `features` is not a feature code of the catalog. Features are platform-managed: packages reference them, never define them.',
    example: 'features:\n  max_room: 10\n',
    fix: 'Use a catalog feature code; the hint suggests the closest one.',
  },
  featureNotAllowed: {
    code: 'SP3003',
    severity: 'error',
    title: 'Feature not allowed for the service type',
    description: "The feature exists, but the package's service type does not allow it (e.g. `max_rooms` on a `webinar`, which has no rooms).",
    example: 'service_type: webinar\nfeatures:\n  max_rooms: 10\n',
    fix: "Remove the feature, or change the service type to one that allows it (the related location shows the service type's list).",
  },
});

export const rule: PackageRule = {
  scope: 'package',
  name: 'feature-code',
  codes: Object.values(CODES),
  check({ pkg, catalog, report }) {
    const features = pkg.features;
    if (features === undefined) return;
    const serviceType = pkg.service_type === undefined ? undefined : catalog.serviceTypeByCode.get(pkg.service_type);
    for (const code of Object.keys(features)) {
      const known = catalog.featureByCode.has(code);
      if (known && (!serviceType || serviceType.features.includes(code))) continue; // the common case: nothing to build
      const pointer = joinPointer(['features', code]);
      if (!known) {
        const allowed = serviceType ? serviceType.features : [...catalog.featureByCode.keys()];
        report(CODES.unknownFeature, pointer, `unknown feature \`${code}\`: expected a feature code of the catalog`, {
          target: 'key',
          hint: didYouMean(code, catalog.featureByCode.keys()) ?? `known features: ${allowed.join(', ')}`,
        });
        continue;
      }
      if (serviceType && !serviceType.features.includes(code)) {
        const location = catalog.locations.get(`service_type:${serviceType.code}`);
        const elsewhere = serviceTypesAllowing(catalog, code);
        report(
          CODES.featureNotAllowed,
          pointer,
          `the feature \`${code}\` is not allowed for \`${serviceType.code}\` packages: expected one of ${serviceType.features.map((f) => `\`${f}\``).join(', ')}`,
          {
            target: 'key',
            hint: `remove \`${code}\`${elsewhere.length > 0 ? ` (service types that allow it: ${elsewhere.join(', ')})` : ''}`,
            related: location ? [{ ...location, message: `service type \`${serviceType.code}\` and the features it allows` }] : [],
          },
        );
      }
    }
  },
};
