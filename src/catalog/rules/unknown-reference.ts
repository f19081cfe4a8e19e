// SP5005: a service type or provider type names a feature or service type the catalog does not define.
import { didYouMean } from '../../diagnostics/suggest.js';
import { CATALOG_CODES } from '../codes.js';
import type { CatalogRule } from './context.js';

export const codes = [CATALOG_CODES.unknownReference];

export const rule: CatalogRule = (ctx) => {
  for (const entry of ctx.serviceTypes) {
    entry.value.features.forEach((code, i) => {
      if (ctx.featureByCode.has(code)) return;
      const hint = didYouMean(code, ctx.featureByCode.keys());
      ctx.report(entry, `/features/${i}`, CATALOG_CODES.unknownReference, `service type \`${entry.value.code}\` lists the unknown feature \`${code}\``, hint ? { hint } : {});
    });
  }
  for (const entry of ctx.providerTypes) {
    const p = entry.value;
    p.service_types.forEach((code, i) => {
      if (ctx.serviceTypeByCode.has(code)) return;
      const hint = didYouMean(code, ctx.serviceTypeByCode.keys());
      ctx.report(entry, `/service_types/${i}`, CATALOG_CODES.unknownReference, `provider type \`${p.type}\` names the unknown service type \`${code}\``, hint ? { hint } : {});
    });
    for (const code of Object.keys(p.feature_map)) {
      if (ctx.featureByCode.has(code)) continue;
      const hint = didYouMean(code, ctx.featureByCode.keys());
      ctx.report(entry, `/feature_map/${code}`, CATALOG_CODES.unknownReference, `provider type \`${p.type}\` maps the unknown feature \`${code}\``, hint ? { hint } : {});
    }
  }
};
