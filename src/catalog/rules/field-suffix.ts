// SP5003: every aggregation but count_agg reads the event property that field_suffix names.
import { CATALOG_CODES } from '../codes.js';
import type { CatalogRule } from './context.js';

export const codes = [CATALOG_CODES.missingFieldSuffix];

export const rule: CatalogRule = (ctx) => {
  for (const entry of ctx.features) {
    const f = entry.value;
    if (f.aggregation_type !== 'count_agg' && f.field_suffix === undefined) {
      ctx.report(entry, '/aggregation_type', CATALOG_CODES.missingFieldSuffix, `\`${f.code}\` uses ${f.aggregation_type} but has no field_suffix`, {
        hint: 'add `field_suffix:` naming the event property that carries the amount',
      });
    }
  }
};
