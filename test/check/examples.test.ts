// The example packages in packages.d/ are the documentation users copy: they must be spotless.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFolder, REPO_ROOT } from './repo.js';

describe('packages.d examples', () => {
  it('validate with zero diagnostics against the default catalog', async () => {
    const { diagnostics, packages, files } = await checkFolder(path.join(REPO_ROOT, 'packages.d'), REPO_ROOT);
    expect(diagnostics).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['packages.d/meet/standard.yaml', 'packages.d/meet/premium.yaml', 'packages.d/webinar.yaml']));
    const codes = packages.map((p) => p.pkg.code);
    expect(codes).toEqual(expect.arrayContaining(['meet-standard', 'meet-premium', 'webinar-basic']));
    // At least one file shows several packages separated by `---`.
    expect(packages.some((p) => p.source.index > 0)).toBe(true);
  });

  it('include a meet Standard/Premium pair and a package of another service type', async () => {
    const { packages } = await checkFolder(path.join(REPO_ROOT, 'packages.d'), REPO_ROOT);
    const byCode = new Map(packages.map((p) => [p.pkg.code, p.pkg]));
    expect(byCode.get('meet-standard')).toMatchObject({ service_type: 'meet', tier: 1, status: 'active' });
    expect(byCode.get('meet-premium')).toMatchObject({ service_type: 'meet', tier: 2, status: 'active', overages_enabled: true });
    expect(byCode.get('webinar-basic')).toMatchObject({ service_type: 'webinar', status: 'inactive' });
  });
});
