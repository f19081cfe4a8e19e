import { rule } from '../../../src/catalog/rules/consumable-max.js';
import { ruleCases } from './helpers.js';

ruleCases('consumable-max: SP5004, a running maximum cannot be given back', rule, [
  { name: 'a max_agg feature that is not consumable', features: '- code: peak\n  aggregation_type: max_agg\n  consumable: false\n', expected: [] },
  { name: 'a consumable sum_agg feature', features: '- code: rooms\n  aggregation_type: sum_agg\n  consumable: true\n', expected: [] },
  {
    name: 'a consumable max_agg feature',
    features: '- code: peak\n  aggregation_type: max_agg\n  consumable: true\n',
    expected: [['SP5004', 'features.yaml', 3, 15]],
    message: /`peak` is a consumable max_agg feature/,
    hint: 'set `consumable: false`',
  },
]);
