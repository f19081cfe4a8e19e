// A package on sale without `price` beside priced packages of its service type (docs/revenue.md).
// It compiles to 0, yet plans sold "on request" are written the same way, so the price rules leave
// it out rather than compare it as free: this says so, once, instead of a false "costs 0".
import { defineCodes } from '../../diagnostics/registry.js';
import type { CheckedPackage, RepoRule } from '../context.js';
import { relatedAt } from '../context.js';
import { isOnSale, isPriced } from './offering.js';

export const CODES = defineCodes({
  unpricedOnSale: {
    code: 'SP4007',
    severity: 'warning',
    title: 'Package on sale without a price',
    description:
      'An `active` package has no `price` while other packages of its service type on sale have one. It is sold for free (`price` defaults to 0), which is rarely meant beside priced plans: a plan whose price is "on request" belongs in `status: draft` until it has one. The tier and dominated-package rules leave it out rather than compare it as costing 0.',
    example:
      '# a.yaml\ncode: meet-standard\nservice_type: meet\nstatus: active\nprice: 20\ncurrency: EUR\n---\n# b.yaml\ncode: meet-enterprise\nservice_type: meet\nstatus: active\n',
    fix: 'Write its `price` (`price: 0` if it is free), or keep it `status: draft` until the price is decided.',
  },
});

export const rule: RepoRule = {
  scope: 'repo',
  name: 'unpriced',
  codes: Object.values(CODES),
  check({ packages, report }) {
    // The first priced package on sale per service type, to point at.
    const pricedByType = new Map<string, CheckedPackage>();
    const unpriced: CheckedPackage[] = [];
    for (const p of packages) {
      const type = p.pkg.service_type;
      if (type === undefined || !isOnSale(p)) continue;
      // A `price` with a schema error was dropped: it was written, so it is not missing.
      if (Object.hasOwn(p.raw, 'price') && !isPriced(p)) continue;
      if (!isPriced(p)) unpriced.push(p);
      else if ((p.pkg.price ?? 0) > 0 && !pricedByType.has(type)) pricedByType.set(type, p);
    }
    for (const p of unpriced) {
      const priced = pricedByType.get(p.pkg.service_type ?? '');
      if (!priced) continue;
      const code = p.pkg.code ?? '(no code)';
      const other = priced.pkg.code ?? '(no code)';
      report(
        p,
        CODES.unpricedOnSale,
        '/status',
        `\`${code}\` is on sale without a \`price\`, beside priced \`${p.pkg.service_type}\` packages such as \`${other}\`: it would be sold for free (\`price\` defaults to 0), so the price rules leave it out; expected a \`price\``,
        {
          related: [relatedAt(priced, '/price', `\`${other}\`: priced`)],
          hint: 'write its `price` (`price: 0` if it is free), or keep it `status: draft` until the price is decided',
        },
      );
    }
  },
};
