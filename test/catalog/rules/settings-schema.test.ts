import { rule } from '../../../src/catalog/rules/settings-schema.js';
import { ruleCases } from './helpers.js';

const provider = (schema: string) => `- type: bbb\n  service_types: [meet]\n  feature_map: {}\n${schema}`;

ruleCases('settings-schema: SP5007, provider settings schemas compile', rule, [
  { name: 'no settings schema', providerTypes: provider(''), expected: [] },
  { name: 'a valid schema', providerTypes: provider('  settings_schema: { type: object }\n'), expected: [] },
  {
    name: 'a misspelt type',
    providerTypes: provider('  settings_schema: { type: objekt }\n'),
    expected: [['SP5007', 'provider-types.yaml', 4, 20]],
    message: /settings_schema of `bbb` is not a valid JSON Schema: /,
  },
]);
