// Diagnostic codes of the catalog stage (SP5xxx).
import { defineCodes } from '../diagnostics/registry.js';

export const CATALOG_CODES = defineCodes({
  missingFile: {
    code: 'SP5001',
    severity: 'error',
    fatal: true,
    title: 'Catalog file missing',
    description: 'A catalog folder must hold features.yaml, service-types.yaml and provider-types.yaml.',
    example: 'my-catalog/\n  features.yaml\n  service-types.yaml\n  (provider-types.yaml missing)',
    fix: 'Add the missing file, or point --catalog (or `catalog:` in svcpkg.config.yaml) at a complete catalog.',
  },
  duplicateEntry: {
    code: 'SP5002',
    severity: 'error',
    title: 'Duplicate catalog entry',
    description: 'Two catalog entries (features, service types, or provider types and their aliases) share a code.',
    example: '- code: max_rooms\n  name: Rooms\n- code: max_rooms\n  name: Meeting rooms\n',
    fix: 'Give each entry its own code.',
  },
  missingFieldSuffix: {
    code: 'SP5003',
    severity: 'error',
    title: 'Feature needs a field_suffix',
    description: 'Every aggregation but count_agg reads an event property named by field_suffix.',
    example: '- code: max_storage\n  aggregation_type: sum_agg\n  # no field_suffix\n',
    fix: 'Add `field_suffix:` naming the event property that carries the amount.',
  },
  consumableMax: {
    code: 'SP5004',
    severity: 'error',
    title: 'Consumable max_agg feature',
    description: 'A running maximum cannot be given back, so a max_agg feature cannot be consumable.',
    example: '- code: peak_viewers\n  aggregation_type: max_agg\n  consumable: true\n',
    fix: 'Set `consumable: false`, or use sum_agg or count_agg.',
  },
  unknownReference: {
    code: 'SP5005',
    severity: 'error',
    title: 'Unknown catalog reference',
    description: 'A service type or provider type names a feature or service type the catalog does not define.',
    example: '- code: meet\n  features: [max_room]\n',
    fix: 'Correct the code (the hint suggests the closest one) or add the missing entry.',
  },
  switchQuota: {
    code: 'SP5006',
    severity: 'error',
    title: 'Switch feature marked as quota',
    description: 'A switch is on or off; it has no amount to limit, so it cannot be a quota.',
    example: '- code: recording\n  quota: true\n  feature_settings: { value_type: switch }\n',
    fix: 'Set `quota: false`, or make it a `limit` feature.',
  },
  badSettingsSchema: {
    code: 'SP5007',
    severity: 'error',
    title: 'Invalid provider settings schema',
    description: "A provider type's settings_schema is not a valid JSON Schema.",
    example: '- type: bbb\n  settings_schema: { type: objekt }\n',
    fix: 'Fix the schema so that ajv can compile it.',
  },
});
