// A package that can be subscribed needs a provider to host its rooms (docs/packages.md#providers):
// an `active` package without one is an error, a `draft` a warning, an `inactive` one is fine.
import { defineCodes } from '../../diagnostics/registry.js';
import { joinPointer } from '../../source/parse.js';
import { relatedAt, type PackageRule, type PackageRuleContext } from '../context.js';
import { featureEntries, isIncluded } from './feature-entries.js';

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
  check({ pkg, checked, catalog, authored, report }) {
    if (!needsProvider(pkg, authored)) return;
    const status = pkg.status ?? 'draft';
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
        // One cause, one diagnostic: the features no provider enforces (SP3007) are named here.
        related: featureEntries(pkg, catalog)
          .filter((e) => e.definition.feature_settings.enforced_by === 'provider' && isIncluded(e.value))
          .map((e) => relatedAt(checked, joinPointer(['features', e.code]), `\`${e.code}\` is enforced by the provider`, 'key')),
      },
    );
  },
};

/**
 * Whether SP3011 applies: a subscribable package (not `inactive`) with no provider. A property with
 * a schema error was dropped, so then we do not guess what it held. feature-enforcement defers to it.
 */
export function needsProvider(pkg: PackageRuleContext['pkg'], authored: PackageRuleContext['authored']): boolean {
  if ((authored('providers') && pkg.providers === undefined) || (authored('status') && pkg.status === undefined)) return false;
  return (pkg.providers ?? []).length === 0 && (pkg.status ?? 'draft') !== 'inactive';
}
