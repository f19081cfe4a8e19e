// Every readable manifest format reads as the joined shape svcpkg holds in memory (format 2's):
// version 1 (before seat and overage prices) with the values every version 1 package had, and
// version 3 (what compile writes: catalog definitions once) with each package feature joined again.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { manifestFile, upgradeManifest } from '../../src/compile/index.js';
import type { Manifest, ResolvedFeature } from '../../src/generated/manifest.js';
import { checkValue } from '../../src/schema/validate.js';

const ADDED = ['price_per', 'min_seats', 'max_seats', 'overage'];

async function json<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(path.join(import.meta.dirname, file), 'utf8')) as T;
}

/** The golden fixture's manifest as format 2 wrote it: the joined shape. */
const joined = () => json<Manifest>('fixtures/manifest-v2.json');
/** The golden fixture's manifest as compile writes it today (format 3). */
const written = () => json<Record<string, unknown>>('__snapshots__/manifest.json');

describe('upgradeManifest', () => {
  it('turns a version 1 manifest into the joined shape', async () => {
    const current = await joined();
    // Without meet-premium, whose seat prices version 1 could not say.
    current.packages = current.packages.filter((p) => p.code !== 'meet-premium');
    const v1 = JSON.parse(JSON.stringify(current), (key, value: unknown) => (ADDED.includes(key) ? undefined : value)) as Record<string, unknown>;
    v1['format_version'] = 1;
    expect(checkValue('manifest', v1)).not.toEqual([]);
    const frozen = JSON.stringify(v1);
    const upgraded = upgradeManifest(v1);
    expect(upgraded).toEqual(current);
    expect(checkValue('manifest', upgraded)).toEqual([]);
    expect(JSON.stringify(v1)).toBe(frozen); // the input is left alone
  });

  it('turns the version 3 file compile writes into what version 2 wrote, byte for byte', async () => {
    const file = await written();
    expect(file['format_version']).toBe(3);
    expect(checkValue('manifest', file)).toEqual([]);
    const frozen = JSON.stringify(file);
    const upgraded = upgradeManifest(file);
    expect(JSON.stringify(upgraded, null, 2) + '\n').toBe(await readFile(path.join(import.meta.dirname, 'fixtures/manifest-v2.json'), 'utf8'));
    expect(checkValue('manifest', upgraded)).toEqual([]);
    expect(JSON.stringify(file)).toBe(frozen);
  });

  it('round-trips any joined manifest through the file format', async () => {
    const base = await joined();
    const catalog = base.catalog.features;
    const overage = fc.option(
      fc.oneof(
        fc.record({ model: fc.constant('per_unit' as const), price: fc.integer({ min: 0, max: 99 }), per: fc.constant(null), tiers: fc.constant(null) }),
        fc.record({ model: fc.constant('package' as const), price: fc.integer({ min: 0, max: 99 }), per: fc.integer({ min: 1, max: 50 }), tiers: fc.constant(null) }),
      ),
      { nil: null },
    );
    const feature = fc.record({
      value: fc.oneof(fc.nat(), fc.boolean(), fc.constant('seats' as const)),
      periodicity_type: fc.constantFrom('daily' as const, 'weekly' as const, 'monthly' as const, 'yearly' as const),
      periodicity: fc.nat({ max: 12 }),
      overage,
    });
    const features = fc.subarray(catalog.map((f) => f.code)).chain((codes) => fc.tuple(...codes.map(() => feature)).map((own) => codes.map((code, i) => [code, own[i]!] as const)));
    await fc.assert(
      fc.asyncProperty(fc.array(features, { minLength: 1, maxLength: base.packages.length }), async (chosen) => {
        const manifest: Manifest = {
          ...base,
          packages: chosen.map((list, i) => ({
            ...base.packages[i]!,
            features: Object.fromEntries(list.map(([code, own]): [string, ResolvedFeature] => [code, { ...catalog.find((f) => f.code === code)!, ...own }])),
          })),
        };
        const file = JSON.parse(JSON.stringify(manifestFile(manifest))) as unknown;
        expect(checkValue('manifest', file)).toEqual([]);
        expect(JSON.stringify(upgradeManifest(file))).toBe(JSON.stringify(manifest));
      }),
      { numRuns: 60 },
    );
  });

  it('leaves a version 3 feature it cannot join for the schema check to reject where it stands', async () => {
    const cases: [string, (own: Record<string, unknown>) => void][] = [
      ['an unknown feature', () => undefined],
      ['a key of the definition', (own) => (own['name'] = 'Other')],
      ['a missing value', (own) => delete own['value']],
    ];
    for (const [label, spoil] of cases) {
      const file = (await written()) as { packages: { features: Record<string, Record<string, unknown>> }[] };
      const features = file.packages[0]!.features;
      if (label === 'an unknown feature') features['max_roomz'] = { ...features['max_rooms']! };
      else spoil(features['max_rooms']!);
      const where = label === 'an unknown feature' ? '/packages/0/features/max_roomz' : '/packages/0/features/max_rooms';
      const problems = checkValue('manifest', upgradeManifest(file));
      expect(problems.length, label).toBeGreaterThan(0);
      expect(problems.some((p) => p.pointer.startsWith(where)), label).toBe(true);
    }
  });

  it('leaves version 2, unknown versions and non-manifests to the schema check', async () => {
    const current = await joined();
    expect(upgradeManifest(current)).toBe(current);
    for (const value of [null, 3, [], { format_version: 4, packages: [] }, { format_version: 1, packages: 'x' }, { format_version: 3, packages: 'x' }]) {
      expect(upgradeManifest(value)).toBe(value);
    }
  });
});
