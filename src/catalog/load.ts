// Loading a catalog folder: three YAML lists validated against their schemas, then cross-checked
// by the rules in catalog/rules/.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { diagnosticOf, hasErrors, markFatal } from '../diagnostics/collector.js';
import type { Diagnostic, RelatedLocation } from '../diagnostics/diagnostic.js';
import { FILE_START } from '../diagnostics/diagnostic.js';
import type { FeatureDefinition } from '../generated/catalog-feature.js';
import type { ProviderTypeDefinition } from '../generated/provider-type.js';
import type { ServiceTypeDefinition } from '../generated/service-type.js';
import { checkDocument } from '../schema/validate.js';
import { displayPath } from '../source/discover.js';
import { parseSource } from '../source/parse.js';
import { readSourceTextSync } from '../source/read.js';
import { assertRootInRepository } from '../source/safe-file.js';
import { CATALOG_CODES } from './codes.js';
import { canonicalJson, sha256 } from './hash.js';
import { DEFAULT_CATALOG_DIR } from '../assets.js';
import type { Catalog, CatalogLocations } from './model.js';
import { CATALOG_RULES, catalogRuleContext, type CatalogEntry } from './rules/index.js';

/** The files a catalog folder holds, with the schema of their entries. */
export const CATALOG_FILES = {
  features: { file: 'features.yaml', schema: 'catalog-feature' },
  serviceTypes: { file: 'service-types.yaml', schema: 'service-type' },
  providerTypes: { file: 'provider-types.yaml', schema: 'provider-type' },
} as const;

/** The outcome of loading a catalog. */
export interface CatalogLoad {
  /** The catalog, when it has no errors. */
  catalog?: Catalog;
  /**
   * Problems found. A missing or unreadable file makes the catalog unusable: its problem is fatal
   * (a configuration failure, exit 2).
   */
  diagnostics: Diagnostic[];
  /** Display paths of the files read. */
  files: string[];
  /** sha256 of the three files' texts (set once all three were read): what result caches key on. */
  sourceHash?: string;
}

/** Load and check the catalog in `dir`. */
export async function loadCatalog(dir: string, cwd: string = process.cwd(), options: { snapshot?: boolean } = {}): Promise<CatalogLoad> {
  const diagnostics: Diagnostic[] = [];
  const files: string[] = [];
  let unusable = false;
  // A catalog folder that is itself a link out of the repository is refused (exit 2).
  assertRootInRepository(dir, cwd, displayPath(dir, cwd));

  // Read the three files first: a missing or unreadable one makes the catalog unusable (fatal, exit 2).
  const texts = new Map<keyof typeof CATALOG_FILES, { display: string; text: string }>();
  for (const kind of Object.keys(CATALOG_FILES) as (keyof typeof CATALOG_FILES)[]) {
    const { file } = CATALOG_FILES[kind];
    const absolute = path.join(dir, file);
    const display = displayPath(absolute, cwd);
    if (!existsSync(absolute)) {
      unusable = true;
      diagnostics.push(
        diagnosticOf(CATALOG_CODES.missingFile, { ...FILE_START, file: display, path: '' }, `the catalog folder ${displayPath(dir, cwd)} has no ${file}`, {
          hint: 'point --catalog at a complete catalog folder (features.yaml, service-types.yaml, provider-types.yaml)',
        }),
      );
      continue;
    }
    files.push(display);
    const read = readSourceTextSync(absolute, display, undefined, dir);
    // Whatever its code, a catalog file that cannot be read stops the run (a package file's would not).
    diagnostics.push(...(read.text === undefined ? markFatal(read.diagnostics) : read.diagnostics));
    if (read.text === undefined) unusable = true;
    else texts.set(kind, { display, text: read.text });
  }
  if (unusable || texts.size !== 3) return { diagnostics, files };

  // The bundled catalog, byte for byte as validated when the snapshot was generated: skip the
  // parse and schema pass (most of a small repo's start-up). Positions are parsed only on demand.
  const sourceHash = catalogSourceHash([...texts.values()].map((t) => t.text));
  const useSnapshot = options.snapshot !== false && path.resolve(dir) === path.resolve(DEFAULT_CATALOG_DIR);
  const snapshot = useSnapshot ? readSnapshot(sourceHash) : undefined;
  if (snapshot) return { catalog: catalogFromData(dir, snapshot, lazyLocationsOf(texts)), diagnostics, files, sourceHash };

  function readList<T>(kind: keyof typeof CATALOG_FILES): CatalogEntry<T>[] {
    const { schema } = CATALOG_FILES[kind];
    const { display, text } = texts.get(kind) as { display: string; text: string };

    const parsed = parseSource(display, text, { root: 'sequence' });
    diagnostics.push(...parsed.diagnostics);
    const entries: CatalogEntry<T>[] = [];
    for (const doc of parsed.documents) {
      const items = doc.value as unknown[];
      items.forEach((item, i) => {
        const pointer = `/${i}`;
        const problems = checkDocument(doc, schema, { prefix: pointer, value: item });
        diagnostics.push(...problems);
        if (problems.length === 0) entries.push({ value: item as T, doc, pointer });
      });
    }
    return entries;
  }

  const features = readList<FeatureDefinition>('features');
  const serviceTypes = readList<ServiceTypeDefinition>('serviceTypes');
  const providerTypes = readList<ProviderTypeDefinition>('providerTypes');

  // Locating forces a full parse of a fast-path file: keep a thunk, resolve it only when reported.
  const lists = { features, serviceTypes, providerTypes };
  const ctx = catalogRuleContext(lists, diagnostics);
  const locations = new Map<string, () => RelatedLocation>();
  const remember = <T>(entries: readonly CatalogEntry<T>[], kind: string, codesOf: (v: T) => string[], first: string): void => {
    for (const entry of entries) {
      codesOf(entry.value).forEach((code, i) => {
        const key = `${kind}:${code}`;
        if (locations.has(key)) return;
        const pointer = i === 0 ? first : `/aliases/${i - 1}`;
        locations.set(key, () => ctx.locate(entry, pointer, `${kind.replace('_', ' ')} \`${code}\``));
      });
    }
  };
  remember(features, 'feature', (f) => [f.code], '/code');
  remember(serviceTypes, 'service_type', (t) => [t.code], '/code');
  remember(providerTypes, 'provider_type', (p) => [p.type, ...(p.aliases ?? [])], '/type');
  for (const rule of CATALOG_RULES) rule(ctx);

  if (hasErrors(diagnostics)) return { diagnostics, files, sourceHash };
  const data: CatalogData = {
    features: features.map((e) => e.value),
    service_types: serviceTypes.map((e) => e.value),
    provider_types: providerTypes.map((e) => e.value),
  };
  return { catalog: catalogFromData(dir, data, { get: (key) => locations.get(key)?.() }), diagnostics, files, sourceHash };
}

/** The catalog's entries as plain data (what the snapshot stores). */
export interface CatalogData {
  features: FeatureDefinition[];
  service_types: ServiceTypeDefinition[];
  provider_types: ProviderTypeDefinition[];
}

/** Index catalog data. Its `hash` covers the data, not the YAML's formatting. */
export function catalogFromData(dir: string, data: CatalogData, locations: CatalogLocations): Catalog {
  const featureByCode = new Map(data.features.map((f) => [f.code, f]));
  const serviceTypeByCode = new Map(data.service_types.map((t) => [t.code, t]));
  const providerTypeByCode = new Map<string, ProviderTypeDefinition>();
  for (const p of data.provider_types) for (const code of [p.type, ...(p.aliases ?? [])]) if (!providerTypeByCode.has(code)) providerTypeByCode.set(code, p);
  return {
    dir,
    hash: sha256(canonicalJson(data)),
    features: data.features,
    serviceTypes: data.service_types,
    providerTypes: data.provider_types,
    featureByCode,
    serviceTypeByCode,
    providerTypeByCode,
    locations,
  };
}

/** The snapshot of a catalog that loaded without errors (written by `npm run gen` for the bundled one). */
export async function catalogSnapshot(dir: string): Promise<{ source_hash: string; data: CatalogData } | undefined> {
  const load = await loadCatalog(dir, dir, { snapshot: false });
  if (!load.catalog || load.diagnostics.length > 0) return undefined;
  const texts = Object.values(CATALOG_FILES).map(({ file }) => readFileSync(path.join(dir, file), 'utf8').replace(/^\uFEFF/, ''));
  const { features, serviceTypes, providerTypes } = load.catalog;
  return { source_hash: catalogSourceHash(texts), data: { features: [...features], service_types: [...serviceTypes], provider_types: [...providerTypes] } };
}

/** sha256 of the catalog files' texts, in file order: what the snapshot was made from. */
export function catalogSourceHash(texts: readonly string[]): string {
  return sha256(texts.join('\u0000'));
}

/** The bundled catalog's snapshot (catalog/validated.json), when it was made from these texts. */
function readSnapshot(sourceHash: string): CatalogData | undefined {
  try {
    const snapshot = JSON.parse(readFileSync(path.join(DEFAULT_CATALOG_DIR, SNAPSHOT_FILE), 'utf8')) as { source_hash: string; data: CatalogData };
    return snapshot.source_hash === sourceHash ? snapshot.data : undefined;
  } catch {
    return undefined;
  }
}

/** Locations of catalog entries, found by parsing the files only when one is asked for. */
function lazyLocationsOf(texts: ReadonlyMap<keyof typeof CATALOG_FILES, { display: string; text: string }>): CatalogLocations {
  let index: Map<string, RelatedLocation> | undefined;
  return {
    get(key: string): RelatedLocation | undefined {
      if (!index) {
        index = new Map();
        const fields = { features: ['feature', 'code'], serviceTypes: ['service_type', 'code'], providerTypes: ['provider_type', 'type'] } as const;
        for (const [kind, { display, text }] of texts) {
          const [prefix, field] = fields[kind];
          for (const doc of parseSource(display, text, { root: 'sequence' }).documents) {
            (doc.value as Record<string, unknown>[]).forEach((item, i) => {
              const aliases = Array.isArray(item?.['aliases']) ? (item['aliases'] as unknown[]) : [];
              const names: [unknown, string][] = [[item?.[field], `/${i}/${field}`], ...aliases.map((a, j): [unknown, string] => [a, `/${i}/aliases/${j}`])];
              for (const [code, pointer] of names) {
                if (typeof code !== 'string' || index?.has(`${prefix}:${code}`)) continue;
                index?.set(`${prefix}:${code}`, { ...doc.locate(pointer), file: display, message: `${prefix.replace('_', ' ')} \`${code}\`` });
              }
            });
          }
        }
      }
      return index.get(key);
    },
  };
}

/** The snapshot of the bundled catalog, generated by `npm run gen` and checked for drift. */
export const SNAPSHOT_FILE = 'validated.json';
