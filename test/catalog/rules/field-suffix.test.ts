import { rule } from '../../../src/catalog/rules/field-suffix.js';
import { ruleCases } from './helpers.js';

ruleCases('field-suffix: SP5003, an amount needs the property that carries it', rule, [
  { name: 'count_agg needs none', features: '- code: rooms\n  aggregation_type: count_agg\n', expected: [] },
  { name: 'sum_agg with a field_suffix', features: '- code: storage\n  aggregation_type: sum_agg\n  field_suffix: bytes\n', expected: [] },
  {
    name: 'sum_agg without one',
    features: '- code: storage\n  aggregation_type: sum_agg\n',
    expected: [['SP5003', 'features.yaml', 2, 21]],
    message: /`storage` uses sum_agg but has no field_suffix/,
    hint: 'add `field_suffix:`',
  },
  { name: 'max_agg without one', features: '- code: peak\n  aggregation_type: max_agg\n', expected: [['SP5003', 'features.yaml', 2, 21]] },
]);
