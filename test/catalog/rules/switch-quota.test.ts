import { rule } from '../../../src/catalog/rules/switch-quota.js';
import { ruleCases } from './helpers.js';

ruleCases('switch-quota: SP5006, a switch has no amount to limit', rule, [
  { name: 'a switch that is no quota', features: '- code: recording\n  quota: false\n  feature_settings: { value_type: switch }\n', expected: [] },
  { name: 'a limit that is a quota', features: '- code: max_rooms\n  quota: true\n  feature_settings: { value_type: limit }\n', expected: [] },
  {
    name: 'a switch marked as quota',
    features: '- code: recording\n  quota: true\n  feature_settings: { value_type: switch }\n',
    expected: [['SP5006', 'features.yaml', 2, 10]],
    message: /`recording` is a switch, so it cannot be a quota/,
    hint: 'set `quota: false`',
  },
]);
