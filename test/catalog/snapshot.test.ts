// catalog/validated.json: the bundled catalog as validated, used to skip re-validation at start-up.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG_DIR } from '../../src/assets.js';
import { catalogSnapshot, loadCatalog, SNAPSHOT_FILE } from '../../src/catalog/load.js';

describe('the bundled catalog snapshot', () => {
  it('matches the catalog files (run `npm run gen` after editing catalog/)', async () => {
    const committed = JSON.parse(await readFile(path.join(DEFAULT_CATALOG_DIR, SNAPSHOT_FILE), 'utf8')) as unknown;
    expect(committed).toEqual(await catalogSnapshot(DEFAULT_CATALOG_DIR));
  });

  it('gives the same catalog as a full validation, with the same locations', async () => {
    const fast = (await loadCatalog(DEFAULT_CATALOG_DIR)).catalog;
    const full = (await loadCatalog(DEFAULT_CATALOG_DIR, process.cwd(), { snapshot: false })).catalog;
    expect(fast?.hash).toBe(full?.hash);
    expect(fast?.features).toEqual(full?.features);
    expect([...(fast?.providerTypeByCode.keys() ?? [])]).toEqual([...(full?.providerTypeByCode.keys() ?? [])]);
    for (const key of ['feature:max_rooms', 'service_type:webinar', 'provider_type:bigbluebutton', 'provider_type:scalelite']) {
      expect(fast?.locations.get(key), key).toEqual(full?.locations.get(key));
      expect(fast?.locations.get(key)?.line, key).toBeGreaterThan(1);
    }
  });
});
