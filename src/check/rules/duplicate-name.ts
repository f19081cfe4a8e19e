// Customers choose packages by name: two packages of one service type should not share one (docs/packages.md#package-properties).
import { defineCodes } from '../../diagnostics/registry.js';
import type { CheckedPackage, RepoRule } from '../context.js';
import { relatedAt } from '../context.js';

export const CODES = defineCodes({
  duplicateName: {
    code: 'SP4003',
    severity: 'warning',
    title: 'Duplicate package name',
    description: 'Two packages of the same service type have the same name (ignoring case and spacing), so customers and admins cannot tell them apart.',
    example: '# a.yaml\ncode: meet-basic\nname: Standard\nservice_type: meet\n---\n# b.yaml\ncode: meet-standard\nname: Standard\nservice_type: meet\n',
    fix: 'Give one of them a distinct name.',
  },
});

export const rule: RepoRule = {
  scope: 'repo',
  name: 'duplicate-name',
  codes: Object.values(CODES),
  check({ packages, report }) {
    const first = new Map<string, CheckedPackage>();
    for (const p of packages) {
      const { name, service_type: serviceType } = p.pkg;
      if (name === undefined || serviceType === undefined) continue;
      const key = `${serviceType}\u0000${name.trim().replace(/\s+/g, ' ').toLowerCase()}`;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, p);
        continue;
      }
      report(p, CODES.duplicateName, '/name', `the name "${name}" is already used by the \`${serviceType}\` package \`${earlier.pkg.code ?? '(no code)'}\`: expected a distinct name`, {
        related: [relatedAt(earlier, '/name', 'same name here')],
        hint: 'give this package a distinct name',
      });
    }
  },
};
