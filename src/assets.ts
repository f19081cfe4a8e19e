// Where the files shipped with svcpkg live: the JSON Schemas and the default catalog.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The package root (the folder holding package.json), from src/ or dist/ alike. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The JSON Schemas, the source of truth for every file format. */
export const SCHEMAS_DIR = path.join(PACKAGE_ROOT, 'schemas');
/** The default platform catalog. */
export const DEFAULT_CATALOG_DIR = path.join(PACKAGE_ROOT, 'catalog');
