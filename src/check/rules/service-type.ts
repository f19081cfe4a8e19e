// service_type must name a catalog service type (docs/packages.md#package-properties).
import { defineCodes } from '../../diagnostics/registry.js';
import { didYouMean } from '../../diagnostics/suggest.js';
import type { PackageRule } from '../context.js';

export const CODES = defineCodes({
  unknownServiceType: {
    code: 'SP3001',
    severity: 'error',
    title: 'Unknown service type',
    description: 'service_type must be one of the catalog service types (meet, live, video, webinar, webcast, simulcast, phone, audio, audcast in the default catalog).',
    example: 'service_type: meeting\n',
    fix: 'Use a catalog service type; the hint suggests the closest one.',
  },
});

export const rule: PackageRule = {
  scope: 'package',
  name: 'service-type',
  codes: Object.values(CODES),
  check({ pkg, catalog, report }) {
    if (pkg.service_type === undefined || catalog.serviceTypeByCode.has(pkg.service_type)) return;
    report(CODES.unknownServiceType, '/service_type', `unknown service type \`${pkg.service_type}\``, {
      hint: didYouMean(pkg.service_type, catalog.serviceTypeByCode.keys()) ?? `known service types: ${[...catalog.serviceTypeByCode.keys()].join(', ')}`,
    });
  },
};
