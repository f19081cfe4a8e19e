// Stock settings belong together: `stock_qty` iff `has_stock: true`; oversell only with stock (docs/packages.md#package-properties, docs/simulation.md#lifecycle).
import { defineCodes } from '../../diagnostics/registry.js';
import type { PackageRule } from '../context.js';

export const CODES = defineCodes({
  stockQtyWithoutStock: {
    code: 'SP3014',
    severity: 'error',
    title: '`stock_qty` without `has_stock`',
    description: '`stock_qty` only limits subscriptions when `has_stock` is true; without it the quantity is ignored, which is rarely what was meant.',
    example: 'stock_qty: 100\n',
    fix: 'Add `has_stock: true`, or remove `stock_qty`.',
  },
  stockWithoutQty: {
    code: 'SP3015',
    severity: 'error',
    title: '`has_stock` without `stock_qty`',
    description: 'A package with `has_stock: true` needs `stock_qty`, the number of subscriptions it may have at once.',
    example: 'has_stock: true\n',
    fix: 'Add `stock_qty: N`, or remove `has_stock`.',
  },
  oversellWithoutStock: {
    code: 'SP3016',
    severity: 'warning',
    title: '`oversell_enabled` without `has_stock`',
    description: '`oversell_enabled` accepts subscriptions beyond `stock_qty`; a package without stock has no limit to exceed, so it has no effect.',
    example: 'oversell_enabled: true\n',
    fix: 'Remove `oversell_enabled`, or add `has_stock: true` with a `stock_qty`.',
  },
});

export const rule: PackageRule = {
  scope: 'package',
  name: 'stock',
  codes: Object.values(CODES),
  check({ pkg, authored, report }) {
    // `has_stock` with a schema error was dropped: its intent is unknown, so say nothing.
    if (authored('has_stock') && pkg.has_stock === undefined) return;
    const hasStock = pkg.has_stock === true;
    if (!hasStock && authored('stock_qty')) {
      report(CODES.stockQtyWithoutStock, '/stock_qty', `\`stock_qty\` is set but \`has_stock\` is ${pkg.has_stock === false ? 'false' : 'not set'}: expected \`has_stock: true\` with it`, {
        target: 'key',
        hint: 'add `has_stock: true`, or remove `stock_qty`',
      });
    }
    if (hasStock && !authored('stock_qty')) {
      report(CODES.stockWithoutQty, '/has_stock', '`has_stock` is true but `stock_qty` is missing: expected the number of subscriptions the package may have', {
        hint: 'add `stock_qty: N`, or remove `has_stock`',
      });
    }
    if (!hasStock && pkg.oversell_enabled === true) {
      report(CODES.oversellWithoutStock, '/oversell_enabled', `\`oversell_enabled\` is true but \`has_stock\` is ${pkg.has_stock === false ? 'false' : 'not set'}: expected \`has_stock: true\`, without which there is no stock to oversell`, {
        hint: 'remove `oversell_enabled`, or add `has_stock: true` and `stock_qty`',
      });
    }
  },
};
