import { rule } from '../../../src/catalog/rules/unknown-reference.js';
import { ruleCases } from './helpers.js';

const features = '- code: max_rooms\n- code: recording\n';
const serviceTypes = '- code: meet\n  features: [max_rooms]\n';

ruleCases('unknown-reference: SP5005, references resolve inside the catalog', rule, [
  { name: 'everything known', features, serviceTypes, providerTypes: '- type: bbb\n  service_types: [meet]\n  feature_map: { recording: record }\n', expected: [] },
  {
    name: 'a service type listing a misspelt feature',
    features,
    serviceTypes: '- code: meet\n  features: [max_rooms, max_room]\n',
    expected: [['SP5005', 'service-types.yaml', 2, 25]],
    message: /service type `meet` lists the unknown feature `max_room`/,
    hint: '`max_rooms`',
  },
  {
    name: 'a provider type serving an unknown service type',
    features,
    serviceTypes,
    providerTypes: '- type: bbb\n  service_types: [met]\n  feature_map: {}\n',
    expected: [['SP5005', 'provider-types.yaml', 2, 19]],
    message: /provider type `bbb` names the unknown service type `met`/,
    hint: '`meet`',
  },
  {
    name: 'a provider type mapping an unknown feature, nothing close',
    features,
    serviceTypes,
    providerTypes: '- type: bbb\n  service_types: [meet]\n  feature_map: { zzzzzz: z }\n',
    expected: [['SP5005', 'provider-types.yaml', 3, 26]],
    message: /provider type `bbb` maps the unknown feature `zzzzzz`/,
    hint: null,
  },
]);
