// SP5006: a switch is on or off; it has no amount to limit, so it cannot be a quota.
import { CATALOG_CODES } from '../codes.js';
import type { CatalogRule } from './context.js';

export const codes = [CATALOG_CODES.switchQuota];

export const rule: CatalogRule = (ctx) => {
  for (const entry of ctx.features) {
    const f = entry.value;
    if (f.feature_settings.value_type === 'switch' && f.quota) {
      ctx.report(entry, '/quota', CATALOG_CODES.switchQuota, `\`${f.code}\` is a switch, so it cannot be a quota`, { hint: 'set `quota: false`' });
    }
  }
};
