// Package codes are unique across the repo (docs/packages.md#rules-across-packages).
import { defineCodes } from '../../diagnostics/registry.js';
import type { CheckedPackage, RepoRule } from '../context.js';
import { relatedAt } from '../context.js';

export const CODES = defineCodes({
  duplicateCode: {
    code: 'SP4001',
    severity: 'error',
    title: 'Duplicate package code',
    description: 'Two packages share a code; the code is the identity of a package, so it must be unique across the repo.',
    example: '# a.yaml\ncode: meet-standard\n---\n# b.yaml\ncode: meet-standard\n',
    fix: 'Give one of them another code (use `previous_code` if it was renamed).',
  },
});

export const rule: RepoRule = {
  scope: 'repo',
  name: 'duplicate-code',
  codes: Object.values(CODES),
  check({ packages, report }) {
    const first = new Map<string, CheckedPackage>();
    for (const p of packages) {
      const code = p.pkg.code;
      if (code === undefined) continue;
      const earlier = first.get(code);
      if (!earlier) {
        first.set(code, p);
        continue;
      }
      report(p, CODES.duplicateCode, '/code', `the package code \`${code}\` is already used`, {
        related: [relatedAt(earlier, '/code', 'first used here')],
        hint: 'give this package another code',
      });
    }
  },
};
