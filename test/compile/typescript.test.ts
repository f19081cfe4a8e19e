// out/manifest.ts must type-check under `tsc --strict`, and its lookups must be precisely typed:
// a misspelt feature is a compile error, a feature's value has its literal type.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upgradeManifest } from '../../src/compile/index.js';
import type { Manifest } from '../../src/generated/manifest.js';
import { put, repoWith, runCli, suiteRepo } from './helpers.js';

const EVALUATOR_MODEL = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/evaluate/model.js');

/** Type-check `files` (inside `dir`) as a strict NodeNext ESM project; return the error messages. */
function typeCheck(dir: string, files: string[]): string[] {
  const program = ts.createProgram(
    files.map((f) => path.join(dir, f)),
    {
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ['lib.es2022.d.ts'],
      types: [],
      skipLibCheck: true,
    },
  );
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file && d.start !== undefined ? `${path.basename(d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: ` : '';
    return where + ts.flattenDiagnosticMessageText(d.messageText, '\n');
  });
}

const USAGE = `import type { EvaluatorManifest } from '${EVALUATOR_MODEL}';
import { getCatalogFeature, getFeature, getPackage, resolvedManifest, type FeatureCode, type PackageCode, type ProviderType, type ServiceType } from './out/manifest.js';

const standard = getPackage('meet-standard');
export const rooms: 10 = getFeature(standard, 'max_rooms').value;
export const unlimited: true = getFeature(getPackage('meet-premium'), 'max_rooms').value;
export const storageReset: 'yearly' = getFeature(standard, 'max_storage').periodicity_type;
// The catalog definition is written once and joined by the lookup, its literals kept.
export const aggregation: 'count_agg' = getFeature(standard, 'max_rooms').aggregation_type;
export const catalogReset: 'monthly' = getCatalogFeature('max_storage').periodicity_type;
export const levels: readonly ['account'] = getFeature(standard, 'max_rooms').feature_settings.override_levels;
export const price: 19.99 = standard.price;
export const currency: 'EUR' = standard.currency;
export const code: PackageCode = 'phone-basic';
export const feature: FeatureCode = 'recording';
export const service: ServiceType = 'phone';
export const provider: ProviderType = 'bbb';
// Seat and overage prices (docs/revenue.md) are literals too.
export const perSeat: 'seat' = getPackage('meet-premium').price_per;
export const minSeats: 3 = getPackage('meet-premium').min_seats;
export const noMaximum: null = standard.max_seats;
export const blockSize: 50 = getFeature(getPackage('meet-premium'), 'max_participants').overage.per;
export const firstTier: 100 = getFeature(getPackage('meet-premium'), 'max_storage').overage.tiers[0].up_to;
export const unpriced: null = getFeature(standard, 'max_rooms').overage;
// The compiled manifest, joined, feeds the evaluator as is.
export const forEvaluator: EvaluatorManifest = resolvedManifest();

// @ts-expect-error: misspelt feature code
getFeature(getPackage('meet-standard'), 'max_room');
// @ts-expect-error: a feature phone-basic does not include
getFeature(getPackage('phone-basic'), 'recording');
// @ts-expect-error: unknown package code
getPackage('meet-standart');
// @ts-expect-error: unknown catalog feature
getCatalogFeature('max_room');
// @ts-expect-error: the package's reset replaces the catalog's
export const staleReset: 'monthly' = getFeature(standard, 'max_storage').periodicity_type;
// @ts-expect-error: not the value
export const wrong: 11 = getFeature(standard, 'max_rooms').value;
// @ts-expect-error: not the overage model
export const wrongModel: 'volume' = getFeature(getPackage('meet-premium'), 'max_storage').overage.model;
`;

describe('out/manifest.ts', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, remove } = await suiteRepo('golden'));
    expect((await runCli(dir, 'compile', '--catalog', 'catalog')).code).toBe(0);
    await writeFile(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  });

  afterAll(() => remove());

  it('type-checks on its own under --strict', () => {
    expect(typeCheck(dir, ['out/manifest.ts'])).toEqual([]);
  });

  it('types lookups precisely: every @ts-expect-error is needed and nothing else fails', async () => {
    await writeFile(path.join(dir, 'usage.ts'), USAGE);
    expect(typeCheck(dir, ['usage.ts'])).toEqual([]);
  });

  it('reports a misspelt feature code as an error', async () => {
    await writeFile(path.join(dir, 'misspelt.ts'), "import { getFeature, getPackage } from './out/manifest.js';\ngetFeature(getPackage('meet-standard'), 'max_room');\n");
    const errors = typeCheck(dir, ['misspelt.ts']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^misspelt\.ts:2: Argument of type '"max_room"' is not assignable to parameter of type/);
  });

  it('works at run time too', async () => {
    const { getFeature, getPackage, manifest } = (await import(path.join(dir, 'out/manifest.ts'))) as typeof import('./fixtures/golden-types.js');
    expect(getFeature(getPackage('meet-standard'), 'max_rooms').value).toBe(10);
    expect(manifest.packages).toHaveLength(3);
    expect(() => getPackage('nope' as never)).toThrow('unknown package code nope');
  });

  it('joins at run time exactly as svcpkg reads the manifest: the same values in the same key order', async () => {
    const generated = (await import(path.join(dir, 'out/manifest.ts'))) as typeof import('./fixtures/golden-types.js');
    const file = JSON.parse(await readFile(path.join(dir, 'out/manifest.json'), 'utf8')) as unknown;
    const joined = upgradeManifest(file) as Manifest;
    const resolved = generated.resolvedManifest();
    expect(JSON.stringify(resolved.packages)).toBe(JSON.stringify(joined.packages));
    expect(generated.resolvedManifest()).toBe(resolved); // built once
    expect(generated.getFeature(generated.getPackage('meet-standard'), 'max_rooms')).toEqual(joined.packages.find((p) => p.code === 'meet-standard')?.features['max_rooms']);
    expect(generated.getCatalogFeature('recording').code).toBe('recording');
    expect(() => generated.getCatalogFeature('nope')).toThrow('unknown feature code nope');
  });

  it('type-checks with no package at all', async () => {
    const empty = await repoWith({ 'package.json': '{ "type": "module" }\n' });
    await put(empty, 'packages.d/.keep', '');
    expect((await runCli(empty, 'compile')).code).toBe(0);
    await writeFile(path.join(empty, 'usage.ts'), "import { getPackage, type PackageCode } from './out/manifest.js';\n// @ts-expect-error: no package exists\ngetPackage('meet-standard');\nexport const none: PackageCode[] = [];\n");
    expect(typeCheck(empty, ['out/manifest.ts', 'usage.ts'])).toEqual([]);
  });
});
