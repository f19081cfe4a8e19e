// SP5002: two catalog entries (features, service types, provider types and their aliases) share a code.
import { CATALOG_CODES } from '../codes.js';
import type { CatalogEntry, CatalogRule, CatalogRuleContext } from './context.js';

export const codes = [CATALOG_CODES.duplicateEntry];

export const rule: CatalogRule = (ctx) => {
  duplicates(ctx, ctx.features, 'feature', (f) => [f.code], '/code');
  duplicates(ctx, ctx.serviceTypes, 'service type', (t) => [t.code], '/code');
  // A provider type's aliases share its namespace: `bigbluebutton` may not also be a type.
  duplicates(ctx, ctx.providerTypes, 'provider type', (p) => [p.type, ...(p.aliases ?? [])], '/type');
};

function duplicates<T>(ctx: CatalogRuleContext, entries: readonly CatalogEntry<T>[], kind: string, codesOf: (v: T) => string[], first: string): void {
  const firstAt = new Map<string, CatalogEntry<T>>();
  for (const entry of entries) {
    codesOf(entry.value).forEach((code, i) => {
      const pointer = i === 0 ? first : `/aliases/${i - 1}`;
      const earlier = firstAt.get(code);
      if (earlier) {
        ctx.report(entry, pointer, CATALOG_CODES.duplicateEntry, `the ${kind} \`${code}\` is defined twice`, {
          related: [ctx.locate(earlier, '', 'first defined here')],
        });
        return;
      }
      firstAt.set(code, entry);
    });
  }
}
