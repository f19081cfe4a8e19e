// A retired package takes no new subscriptions, so listing it for self-service only disappoints (docs/packages.md#package-properties).
import { defineCodes } from '../../diagnostics/registry.js';
import type { PackageRule } from '../context.js';

export const CODES = defineCodes({
  retiredNotHidden: {
    code: 'SP3018',
    severity: 'warning',
    title: 'Retired package still listed',
    description: 'A `retired` package accepts no new subscriptions, but without `hidden: true` it is still listed for self-service.',
    example: 'retired: true\n',
    fix: 'Add `hidden: true`.',
  },
});

export const rule: PackageRule = {
  scope: 'package',
  name: 'retired-visible',
  codes: Object.values(CODES),
  check({ pkg, authored, report }) {
    if (pkg.retired !== true || pkg.hidden === true) return;
    if (authored('hidden') && pkg.hidden === undefined) return;
    report(CODES.retiredNotHidden, '/retired', `the package is retired but ${pkg.hidden === false ? '`hidden` is false' : 'not hidden'}: expected \`hidden: true\` so it is no longer listed`, {
      hint: 'add `hidden: true`',
    });
  },
};
