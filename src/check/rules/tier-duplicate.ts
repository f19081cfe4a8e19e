// Tiers order the packages of a service type for upgrades and downgrades: two on sale at one tier
// leave the order ambiguous (docs/packages.md#rules-across-packages).
import { defineCodes } from '../../diagnostics/registry.js';
import type { CheckedPackage, RepoRule } from '../context.js';
import { relatedAt } from '../context.js';
import { isInLineup } from './offering.js';

export const CODES = defineCodes({
  duplicateTier: {
    code: 'SP4004',
    severity: 'warning',
    title: 'Two packages at the same tier',
    description:
      'Two packages of the same service type that are on sale (not `retired`, not `inactive`) have the same `tier`, so upgrades and downgrades between them are ambiguous.',
    example: '# a.yaml\ncode: meet-standard\nservice_type: meet\ntier: 1\n---\n# b.yaml\ncode: meet-plus\nservice_type: meet\ntier: 1\n',
    fix: 'Give each package of a service type its own tier, or retire the one being replaced.',
  },
});

export const rule: RepoRule = {
  scope: 'repo',
  name: 'tier-duplicate',
  codes: Object.values(CODES),
  check({ packages, report }) {
    const first = new Map<string, CheckedPackage>();
    for (const p of packages) {
      const { tier, service_type: serviceType } = p.pkg;
      if (tier === undefined || serviceType === undefined || !isInLineup(p)) continue;
      const key = `${serviceType}\u0000${tier}`;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, p);
        continue;
      }
      report(p, CODES.duplicateTier, '/tier', `tier ${tier} is already taken by the \`${serviceType}\` package \`${earlier.pkg.code ?? '(no code)'}\`: expected one package per tier`, {
        related: [relatedAt(earlier, '/tier', `also tier ${tier}`)],
        hint: 'give this package another tier, or retire the one it replaces',
      });
    }
  },
};
