// `trial_mode` only matters when there is a trial (docs/packages.md#package-properties, docs/simulation.md#lifecycle).
import { defineCodes } from '../../diagnostics/registry.js';
import type { PackageRule } from '../context.js';

export const CODES = defineCodes({
  trialModeWithoutTrial: {
    code: 'SP3017',
    severity: 'warning',
    title: '`trial_mode` without a trial',
    description: '`trial_mode` says where the trial sits relative to the first paid period; with `trial_period` 0 (the default) there is no trial, so it has no effect.',
    example: 'trial_mode: inside\n',
    fix: 'Set `trial_period` (and `trial_interval`), or remove `trial_mode`.',
  },
});

export const rule: PackageRule = {
  scope: 'package',
  name: 'trial-mode',
  codes: Object.values(CODES),
  check({ pkg, authored, report }) {
    if (pkg.trial_mode === undefined) return;
    if (authored('trial_period') && pkg.trial_period === undefined) return; // a bad trial_period was reported already
    if ((pkg.trial_period ?? 0) > 0) return;
    report(
      CODES.trialModeWithoutTrial,
      '/trial_mode',
      `\`trial_mode: ${pkg.trial_mode}\` has no effect: expected a \`trial_period\` above 0, found ${authored('trial_period') ? '0' : 'none'}`,
      { target: 'key', hint: 'set `trial_period`, or remove `trial_mode`' },
    );
  },
};
