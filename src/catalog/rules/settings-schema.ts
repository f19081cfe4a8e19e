// SP5007: a provider type's settings_schema must compile, or no package's provider settings could be checked.
import { getAjv } from '../../schema/ajv.js';
import { CATALOG_CODES } from '../codes.js';
import type { CatalogRule } from './context.js';

export const codes = [CATALOG_CODES.badSettingsSchema];

export const rule: CatalogRule = (ctx) => {
  for (const entry of ctx.providerTypes) {
    const p = entry.value;
    try {
      getAjv().compile(p.settings_schema ?? {});
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      ctx.report(entry, '/settings_schema', CATALOG_CODES.badSettingsSchema, `settings_schema of \`${p.type}\` is not a valid JSON Schema: ${reason}`);
    }
  }
};
