// SP5004: a running maximum cannot be given back, so a max_agg feature cannot be consumable.
import { CATALOG_CODES } from '../codes.js';
import type { CatalogRule } from './context.js';

export const codes = [CATALOG_CODES.consumableMax];

export const rule: CatalogRule = (ctx) => {
  for (const entry of ctx.features) {
    const f = entry.value;
    if (f.aggregation_type === 'max_agg' && f.consumable) {
      ctx.report(entry, '/consumable', CATALOG_CODES.consumableMax, `\`${f.code}\` is a consumable max_agg feature: a running maximum cannot be given back`, {
        hint: 'set `consumable: false`, or use sum_agg',
      });
    }
  }
};
