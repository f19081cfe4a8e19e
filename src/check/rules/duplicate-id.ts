// Pinned `id`, `uuid` and `ulid` are identities too: unique across the repo (docs/packages.md#package-properties, docs/packages.md#rules-across-packages, docs/compile.md#stable-identities-svcpkglockjson).
import { defineCodes } from '../../diagnostics/registry.js';
import type { CheckedPackage, RepoRule } from '../context.js';
import { relatedAt } from '../context.js';

export const CODES = defineCodes({
  duplicateId: {
    code: 'SP4002',
    severity: 'error',
    title: 'Duplicate pinned id',
    description: 'Two packages pin the same `id`, `uuid` or `ulid`. These identities are assigned by the compiler and must be unique; a copied package usually carries its original\'s.',
    example: '# a.yaml\nid: 4Vq2mJ8pXr1sT6yZ\n---\n# b.yaml\nid: 4Vq2mJ8pXr1sT6yZ\n',
    fix: 'Remove the pinned value from the copy: the compiler assigns a fresh one.',
  },
});

const PINNED = ['id', 'uuid', 'ulid'] as const;

export const rule: RepoRule = {
  scope: 'repo',
  name: 'duplicate-id',
  codes: Object.values(CODES),
  check({ packages, report }) {
    for (const property of PINNED) {
      const first = new Map<string, CheckedPackage>();
      for (const p of packages) {
        const value = p.pkg[property];
        if (value === undefined) continue;
        const earlier = first.get(value);
        if (!earlier) {
          first.set(value, p);
          continue;
        }
        report(p, CODES.duplicateId, `/${property}`, `the \`${property}\` ${value} is already pinned by \`${earlier.pkg.code ?? '(no code)'}\`: expected a unique ${property}`, {
          related: [relatedAt(earlier, `/${property}`, 'first pinned here')],
          hint: `remove \`${property}\` from this package; the compiler assigns a new one`,
        });
      }
    }
  },
};
