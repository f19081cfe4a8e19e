// A higher tier should not cost less than a lower one (docs/packages.md#rules-across-packages): compared per day of billing
// cycle, so a yearly plan and a monthly plan compare fairly, and per-seat prices with per-seat prices
// only (docs/revenue.md); packages nobody can buy or without a price are left out. One pass over the tiers in order,
// keeping the dearest lower tier per currency, so large repos stay linear after the sort.
import { defineCodes } from '../../diagnostics/registry.js';
import type { RepoRule } from '../context.js';
import { relatedAt } from '../context.js';
import { comparableGroup, describePerDay, describePrice, isFree, isOnSale, isPriced, offerOf, type Offer } from './offering.js';

export const CODES = defineCodes({
  tierCheaper: {
    code: 'SP4005',
    severity: 'warning',
    title: 'Higher tier is cheaper',
    description:
      'A package on sale (`status: active`, not retired) has a higher `tier` than another of the same service type and currency but a lower price per day of billing cycle (month = 30.436875 days, year = 365.2425, week = 7), so an "upgrade" saves money. Per-seat prices are compared with per-seat prices only; drafts and packages without `price` are not compared.',
    example:
      '# a.yaml\ncode: meet-standard\nservice_type: meet\nstatus: active\ntier: 1\nprice: 20\ncurrency: EUR\n---\n# b.yaml\ncode: meet-premium\nservice_type: meet\nstatus: active\ntier: 2\nprice: 15\ncurrency: EUR\n',
    fix: 'Swap the tiers, or change the prices so that a higher tier costs more.',
  },
});

export const rule: RepoRule = {
  scope: 'repo',
  name: 'tier-price',
  codes: Object.values(CODES),
  check({ packages, report }) {
    const byServiceType = new Map<string, Offer[]>();
    for (const p of packages) {
      if (p.pkg.tier === undefined || !isOnSale(p) || !isPriced(p)) continue;
      const offer = offerOf(p);
      if (!offer) continue;
      const key = comparableGroup(offer);
      const group = byServiceType.get(key) ?? [];
      group.push(offer);
      byServiceType.set(key, group);
    }
    for (const group of byServiceType.values()) {
      const sorted = [...group].sort((a, b) => tierOf(a) - tierOf(b));
      // The dearest package per day among the tiers below the current one: per currency, and overall
      // (a free package compares with every currency).
      const dearestByCurrency = new Map<string, Offer>();
      let dearest: Offer | undefined;
      for (let start = 0; start < sorted.length; ) {
        let end = start;
        while (end < sorted.length && tierOf(sorted[end] as Offer) === tierOf(sorted[start] as Offer)) end++;
        const block = sorted.slice(start, end);
        for (const higher of block) {
          const lower = isFree(higher) ? dearest : dearestByCurrency.get(higher.currency ?? '');
          if (lower && higher.pricePerDay < lower.pricePerDay) reportCheaper(higher, lower);
        }
        for (const offer of block) {
          const key = offer.currency ?? '';
          const known = dearestByCurrency.get(key);
          if (!known || offer.pricePerDay > known.pricePerDay) dearestByCurrency.set(key, offer);
          if (!dearest || offer.pricePerDay > dearest.pricePerDay) dearest = offer;
        }
        start = end;
      }
    }

    function reportCheaper(higher: Offer, lower: Offer): void {
      report(
        higher.checked,
        CODES.tierCheaper,
        pricePointer(higher),
        `tier ${tierOf(higher)} costs ${describePrice(higher)} (${describePerDay(higher)}), less than the tier ${tierOf(lower)} package \`${lower.code}\` at ${describePrice(lower)} (${describePerDay(lower)}): expected a higher tier to cost at least as much per day`,
        {
          related: [relatedAt(lower.checked, pricePointer(lower), `tier ${tierOf(lower)}: ${describePrice(lower)}`)],
          hint: 'swap the tiers, or change the prices so that the higher tier costs more',
        },
      );
    }
  },
};

function tierOf(offer: Offer): number {
  return offer.checked.pkg.tier ?? 0;
}

function pricePointer(offer: Offer): string {
  return Object.hasOwn(offer.checked.raw, 'price') ? '/price' : '/tier';
}
