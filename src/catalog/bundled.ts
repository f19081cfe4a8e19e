// The catalog shipped inside the svcpkg package (catalog/), loaded without the consumer having to
// know where npm installed it (docs/decisions.md: the bundled catalog is part of the library API).
import { DEFAULT_CATALOG_DIR } from '../assets.js';
import { loadCatalog, type CatalogLoad } from './load.js';

/** The folder of the bundled catalog, inside the installed package. */
export const BUNDLED_CATALOG_DIR = DEFAULT_CATALOG_DIR;

/**
 * Load and check the catalog bundled with svcpkg. `cwd` only decides how the files' paths are
 * displayed in diagnostics and `files`.
 */
export function loadBundledCatalog(cwd: string = process.cwd()): Promise<CatalogLoad> {
  return loadCatalog(BUNDLED_CATALOG_DIR, cwd);
}
