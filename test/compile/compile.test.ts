// `svcpkg compile` end to end on fixture repos: determinism, no needless rewrites, and that nothing
// is ever written when validation fails.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { upgradeManifest } from '../../src/compile/index.js';
import type { Manifest, ManifestFile } from '../../src/generated/manifest.js';
import { getAjv, getValidator, SCHEMA_ID_BASE } from '../../src/schema/ajv.js';
import { fixtureRepo, put, read, runCli, snapshotTree, tick } from './helpers.js';

describe('svcpkg compile', () => {
  it('writes the manifest in both forms and reports a one-line summary', async () => {
    const dir = await fixtureRepo('basic');
    const run = await runCli(dir, 'compile');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('compiled 3 packages → out/manifest.json, out/manifest.ts\n');
    const manifest = JSON.parse(await read(dir, 'out/manifest.json')) as Manifest;
    expect(manifest.packages.map((p) => p.code)).toEqual(['meet-premium', 'meet-standard', 'webinar-basic']);
    expect(await read(dir, 'out/manifest.ts')).toContain('export function getPackage');
  });

  it('gives byte-identical files on a second run, without rewriting them', async () => {
    const dir = await fixtureRepo('basic');
    expect((await runCli(dir, 'compile')).code).toBe(0);
    const first = await snapshotTree(dir);
    await tick();
    const run = await runCli(dir, 'compile');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('out/manifest.json (unchanged), out/manifest.ts (unchanged)');
    expect(await snapshotTree(dir)).toEqual(first);
  });

  it('writes a manifest valid against schemas/manifest.schema.json', async () => {
    const dir = await fixtureRepo('basic');
    await runCli(dir, 'compile');
    const validate = getValidator('manifest');
    const valid = validate(JSON.parse(await read(dir, 'out/manifest.json')));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // …as the format compile writes, not the joined shape the schema also describes.
    const file = getAjv().getSchema(`${SCHEMA_ID_BASE}manifest.schema.json#/$defs/manifestFile`)!;
    expect(file(JSON.parse(await read(dir, 'out/manifest.json')))).toBe(true);
  });

  it('writes each catalog feature definition once, in both files (docs/compile.md#manifest-formats)', async () => {
    const dir = await fixtureRepo('basic');
    await runCli(dir, 'compile');
    const text = await read(dir, 'out/manifest.json');
    const { catalog, packages } = JSON.parse(text) as ManifestFile;
    const shared = catalog.features.filter((f) => packages.filter((p) => f.code in p.features).length > 1);
    expect(shared.length).toBeGreaterThan(0); // the fixture has features several packages include
    // A definition's keys occur once per catalog feature, however many packages include it.
    for (const file of ['out/manifest.json', 'out/manifest.ts']) {
      expect((await read(dir, file)).match(/"aggregation_type":/g)).toHaveLength(catalog.features.length);
    }
    for (const p of packages) for (const own of Object.values(p.features)) expect(Object.keys(own)).toEqual(['value', 'periodicity_type', 'periodicity', 'overage']);
  });

  it('resolves every property: defaults, aliases, the default provider and effective resets', async () => {
    const dir = await fixtureRepo('basic');
    await runCli(dir, 'compile');
    const file = JSON.parse(await read(dir, 'out/manifest.json')) as ManifestFile;
    // The file holds each package feature's own values only; read back, each is joined with its definition.
    expect(file.packages.find((p) => p.code === 'meet-standard')?.features['max_recordings']).toEqual({ value: 20, periodicity_type: 'monthly', periodicity: 1, overage: null });
    const manifest = upgradeManifest(file) as Manifest;
    const standard = manifest.packages.find((p) => p.code === 'meet-standard')!;
    expect(standard).toMatchObject({
      id: 'StandardId000001',
      hidden: false,
      description: null,
      signup_fee: 0,
      periodicity_type: 'month',
      trial_mode: 'outside',
      stock_qty: null,
      providers: [{ type: 'bbb', name: 'eu-1', default: true, settings: {} }],
      notification_preferences: [{ event: 'quota_threshold', channels: ['email'], threshold: 80, features: ['max_rooms'] }],
    });
    expect(Object.keys(standard.package_settings)).toEqual(['color', 'welcome']);
    expect(Object.keys(standard.features)).toEqual([...Object.keys(standard.features)].sort());
    expect(standard.features['max_recordings']).toMatchObject({ value: 20, periodicity_type: 'monthly', periodicity: 1, consumable: true });
    expect(standard.features['max_rooms']).toMatchObject({ value: 10, periodicity_type: 'monthly', periodicity: 0 });
    const premium = manifest.packages.find((p) => p.code === 'meet-premium')!;
    expect(premium.providers.map((p) => [p.type, p.default])).toEqual([
      ['bbb', false],
      ['scalelite', true],
    ]);
    expect(manifest.catalog.features.find((f) => f.code === 'max_rooms')).toMatchObject({ field_suffix: null, feature_metadata: {} });
    expect(manifest.catalog.provider_types.find((p) => p.type === 'scalelite')).toMatchObject({ aliases: [] });
  });

  it('writes nothing when a package has errors, and keeps the previous outputs', async () => {
    const dir = await fixtureRepo('basic');
    expect((await runCli(dir, 'compile')).code).toBe(0);
    const before = await snapshotTree(dir);
    await put(dir, 'packages.d/broken.yaml', 'code: meet-broken\nname: Broken\nservice_type: meet\nprice: -1\n');
    await tick();
    const run = await runCli(dir, 'compile');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('packages.d/broken.yaml');
    expect(run.stderr).toContain('nothing written');
    const after = await snapshotTree(dir);
    after.delete('packages.d/broken.yaml');
    expect(after).toEqual(before);
  });

  it('writes nothing on a first compile with errors: no out/ and no lockfile', async () => {
    const dir = await fixtureRepo('basic');
    await put(dir, 'packages.d/broken.yaml', 'code: meet-broken\nname: Broken\n');
    await runCli(dir, 'compile', '--out', 'elsewhere');
    await expect(stat(path.join(dir, 'elsewhere'))).rejects.toThrow();
  });

  it('writes only the artifacts --emit asks for, into --out', async () => {
    const dir = await fixtureRepo('basic');
    const run = await runCli(dir, 'compile', '--emit', 'json', '--out', 'build/manifest');
    expect(run.code).toBe(0);
    expect([...(await snapshotTree(path.join(dir, 'build'))).keys()]).toEqual(['manifest/manifest.json']);
  });

  it('rejects an unknown --emit kind as a usage error', async () => {
    const dir = await fixtureRepo('basic');
    const run = await runCli(dir, 'compile', '--emit', 'json,pdf');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--emit takes json, ts or json,ts; got `pdf`');
  });

  it('takes --jobs N, refusing anything but a positive whole number as a usage error', async () => {
    const dir = await fixtureRepo('basic');
    const one = await runCli(dir, 'compile', '--jobs', '1');
    expect(one.code).toBe(0);
    const zero = await runCli(dir, 'compile', '--jobs', '0');
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('--jobs takes a positive whole number, got `0`');
  });

  it('honours out and emit from svcpkg.config.yaml', async () => {
    const dir = await fixtureRepo('basic');
    await put(dir, 'svcpkg.config.yaml', 'out: dist/plans\nemit: [ts]\n');
    expect((await runCli(dir, 'compile')).code).toBe(0);
    expect([...(await snapshotTree(path.join(dir, 'dist'))).keys()]).toEqual(['plans/manifest.ts']);
  });

  it('fails on warnings with --strict and then writes nothing', async () => {
    const dir = await fixtureRepo('basic');
    // A previous_code the lockfile does not know is a warning (SP6008).
    await put(dir, 'packages.d/extra.yaml', 'code: meet-extra\nname: Extra\nservice_type: meet\nprevious_code: meet-old\n');
    const before = await snapshotTree(dir);
    const strict = await runCli(dir, 'compile', '--strict');
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('SP6008');
    expect(await snapshotTree(dir)).toEqual(before);
    expect((await runCli(dir, 'compile')).code).toBe(0);
  });

  it('exits 2 when the packages folder does not exist', async () => {
    const dir = await fixtureRepo('basic');
    await put(dir, 'svcpkg.config.yaml', 'packages: nowhere.d\n');
    expect((await runCli(dir, 'compile')).code).toBe(2);
  });
});
