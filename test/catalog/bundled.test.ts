// loadBundledCatalog: the catalog shipped with svcpkg, reachable from the library API.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_CATALOG_DIR, loadBundledCatalog, loadCatalog } from '../../src/index.js';

describe('loadBundledCatalog', () => {
  it('loads the catalog/ folder of the package, with no diagnostics', async () => {
    const repoRoot = path.resolve(import.meta.dirname, '../..');
    expect(BUNDLED_CATALOG_DIR).toBe(path.join(repoRoot, 'catalog'));
    const load = await loadBundledCatalog(repoRoot);
    expect(load.diagnostics).toEqual([]);
    expect(load.files).toEqual(['catalog/features.yaml', 'catalog/service-types.yaml', 'catalog/provider-types.yaml']);
    expect(load.catalog?.serviceTypes.map((t) => t.code)).toContain('meet');
    expect(load.catalog?.hash).toBe((await loadCatalog(path.join(repoRoot, 'catalog'), repoRoot)).catalog?.hash);
  });
});
