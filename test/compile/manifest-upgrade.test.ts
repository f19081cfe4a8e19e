// Manifests of format_version 1 (before seat and overage prices) read as version 2 with the values
// every version 1 package had: priced per package, at least 1 seat, no maximum, no overage price.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { upgradeManifest } from '../../src/compile/index.js';
import { checkValue } from '../../src/schema/validate.js';

const ADDED = ['price_per', 'min_seats', 'max_seats', 'overage'];

/** The golden manifest (version 2) without meet-premium, whose seat prices version 1 could not say. */
async function golden(): Promise<{ format_version: number; packages: { code: string }[] }> {
  const text = await readFile(path.join(import.meta.dirname, '__snapshots__', 'manifest.json'), 'utf8');
  const manifest = JSON.parse(text) as { format_version: number; packages: { code: string }[] };
  manifest.packages = manifest.packages.filter((p) => p.code !== 'meet-premium');
  return manifest;
}

describe('upgradeManifest', () => {
  it('turns a version 1 manifest into the version 2 one compile writes today', async () => {
    const current = await golden();
    const v1 = JSON.parse(JSON.stringify(current), (key, value: unknown) => (ADDED.includes(key) ? undefined : value)) as typeof current;
    v1.format_version = 1;
    expect(checkValue('manifest', v1)).not.toEqual([]);
    const frozen = JSON.stringify(v1);
    const upgraded = upgradeManifest(v1);
    expect(upgraded).toEqual(current);
    expect(checkValue('manifest', upgraded)).toEqual([]);
    expect(JSON.stringify(v1)).toBe(frozen); // the input is left alone
  });

  it('leaves version 2, unknown versions and non-manifests to the schema check', async () => {
    const current = await golden();
    expect(upgradeManifest(current)).toBe(current);
    for (const value of [null, 3, [], { format_version: 3, packages: [] }, { format_version: 1, packages: 'x' }]) expect(upgradeManifest(value)).toBe(value);
  });
});
