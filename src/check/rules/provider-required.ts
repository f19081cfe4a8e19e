// A package that can be subscribed needs a provider to host its rooms (SPEC §2.2):
// an `active` package without one is an error, a `draft` a warning, an `inactive` one is fine.
import { defineCodes } from '../../diagnostics/registry.js';
import type { PackageRule } from '../context.js';

export const CODES = defineCodes({
  noProvider: {
    code: 'SP3011',
    severity: 'error',
    title: 'Package without a provider',
    description:
      'The package has no provider, so its subscriptions could not be used. An error for `active` packages, a warning for `draft` ones (they will need one before going active); `inactive` packages are not checked.',
    example: 'status: active\nproviders: []\n',
    fix: 'Attach a provider (`providers: [{ type: bbb }]`), or set `status: inactive` while no provider serves the package.',
  },
});

export const rule: PackageRule = {
  scope: 'package',
  name: 'provider-required',
  codes: Object.values(CODES),
  check({ pkg, authored, report }) {
    // A property with a schema error was dropped: do not guess what it held.
    if ((authored('providers') && pkg.providers === undefined) || (authored('status') && pkg.status === undefined)) return;
    if ((pkg.providers ?? []).length > 0) return;
    const status = pkg.status ?? 'draft';
    if (status === 'inactive') return;
    // Point at `providers: []` when written, else at the status that makes it a problem.
    const pointer = !authored('providers') && authored('status') ? '/status' : '/providers';
    report(
      CODES.noProvider,
      pointer,
      status === 'active'
        ? 'the package is `active` but has no provider: expected at least one, or its subscriptions could not be used'
        : 'the package is a `draft` with no provider: it will need at least one before it can be `active`',
      {
        severity: status === 'active' ? 'error' : 'warning',
        hint: 'attach a provider, e.g. `providers: [{ type: bbb }]`, or set `status: inactive`',
        target: pointer === '/providers' ? 'key' : 'value',
      },
    );
  },
};
