import { expect, it } from 'vitest';
import { rule } from '../../../src/catalog/rules/duplicate-entry.js';
import { ruleCases, runRule } from './helpers.js';

ruleCases('duplicate-entry: SP5002, one code per entry', rule, [
  { name: 'distinct features', features: '- code: a\n- code: b\n', expected: [] },
  { name: 'a feature defined twice', features: '- code: a\n- code: b\n- code: a\n', expected: [['SP5002', 'features.yaml', 3, 9]], message: /the feature `a` is defined twice/ },
  { name: 'a service type defined twice', serviceTypes: '- code: meet\n- code: meet\n', expected: [['SP5002', 'service-types.yaml', 2, 9]], message: /the service type `meet`/ },
  { name: 'a provider type and its own aliases', providerTypes: '- type: bbb\n  aliases: [bigbluebutton]\n- type: scalelite\n', expected: [] },
  {
    name: 'an alias that is another provider type',
    providerTypes: '- type: bbb\n- type: scalelite\n  aliases: [bbb]\n',
    expected: [['SP5002', 'provider-types.yaml', 3, 13]],
    message: /the provider type `bbb` is defined twice/,
  },
  { name: 'the same code in two lists is no duplicate', features: '- code: meet\n', serviceTypes: '- code: meet\n', expected: [] },
]);

it('SP5002 relates the duplicate to the first definition', () => {
  const [d] = runRule(rule, { features: '- code: a\n- code: a\n' });
  expect(d?.related).toEqual([{ file: 'features.yaml', line: 1, column: 3, end_line: 2, end_column: 1, message: 'first defined here' }]);
});
