// `svcpkg explain`: every value of the resolved package with its origin; unknown codes get a suggestion.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExplainedValue } from '../../src/compile/index.js';
import { fixtureRepo, put, runCli, snapshotTree } from './helpers.js';

async function explainJson(dir: string, code: string): Promise<{ values: ExplainedValue[]; package: { code: string }; file: string; line: number }> {
  const run = await runCli(dir, 'explain', code, '--catalog', 'catalog', '--format', 'json');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as never;
}

function originOf(values: readonly ExplainedValue[], pointer: string): string {
  const v = values.find((x) => x.path === pointer);
  return v ? `${v.origin}${v.note ? ` (${v.note})` : ''}` : 'missing';
}

describe('svcpkg explain', () => {
  it('gives each value its origin: package, schema default, catalog or lockfile', async () => {
    const dir = await fixtureRepo('golden');
    const explained = await explainJson(dir, 'meet-standard');
    expect(explained).toMatchObject({ file: 'packages.d/meet.yaml', line: 1, package: { code: 'meet-standard' } });
    const origins = Object.fromEntries(
      [
        '/code',
        '/id',
        '/price',
        '/signup_fee',
        '/description',
        '/providers/0/type',
        '/providers/0/default',
        '/features/max_rooms/value',
        '/features/max_rooms/periodicity_type',
        '/features/max_rooms/consumable',
        '/features/max_storage/periodicity_type',
        '/notification_preferences/1/threshold',
        '/package_settings/brand_color',
      ].map((p) => [p, originOf(explained.values, p)]),
    );
    expect(origins).toEqual({
      '/code': 'package',
      '/id': 'lockfile',
      '/price': 'package',
      '/signup_fee': 'schema',
      '/description': 'schema (not set)',
      '/providers/0/type': 'package (written `bigbluebutton`, an alias of `bbb`)',
      '/providers/0/default': 'schema (the only provider is the default)',
      '/features/max_rooms/value': 'package',
      '/features/max_rooms/periodicity_type': 'catalog (default reset)',
      '/features/max_rooms/consumable': 'catalog (catalog definition)',
      '/features/max_storage/periodicity_type': 'package (long form, overrides the catalog)',
      '/notification_preferences/1/threshold': 'schema (not set)',
      '/package_settings/brand_color': 'package',
    });
    // Lists of scalars are one value.
    expect(explained.values.find((v) => v.path === '/notification_preferences/0/channels')?.value).toEqual(['email', 'webhook']);
  });

  it('gives seat and overage prices their origins (docs/revenue.md)', async () => {
    const dir = await fixtureRepo('golden');
    const premium = (await explainJson(dir, 'meet-premium')).values;
    const standard = (await explainJson(dir, 'meet-standard')).values;
    expect({
      '/price_per': originOf(premium, '/price_per'),
      '/min_seats': originOf(premium, '/min_seats'),
      '/features/max_participants/overage/model': originOf(premium, '/features/max_participants/overage/model'),
      '/features/max_participants/overage/per': originOf(premium, '/features/max_participants/overage/per'),
      '/features/max_participants/overage/tiers': originOf(premium, '/features/max_participants/overage/tiers'),
      '/features/max_storage/overage/model': originOf(premium, '/features/max_storage/overage/model'),
      '/features/max_storage/overage/tiers/1/up_to': originOf(premium, '/features/max_storage/overage/tiers/1/up_to'),
    }).toEqual({
      '/price_per': 'package',
      '/min_seats': 'package',
      '/features/max_participants/overage/model': 'package',
      '/features/max_participants/overage/per': 'package',
      '/features/max_participants/overage/tiers': 'schema (not used by this model)',
      '/features/max_storage/overage/model': 'package',
      '/features/max_storage/overage/tiers/1/up_to': 'package',
    });
    expect({
      '/price_per': originOf(standard, '/price_per'),
      '/max_seats': originOf(standard, '/max_seats'),
      '/features/max_rooms/overage': originOf(standard, '/features/max_rooms/overage'),
    }).toEqual({ '/price_per': 'schema', '/max_seats': 'schema (not set)', '/features/max_rooms/overage': 'schema (not priced)' });
  });

  it('shows ids the next compile would mint, without writing anything', async () => {
    const dir = await fixtureRepo('golden');
    await put(dir, 'packages.d/plus.yaml', 'code: phone-plus\nname: Phone Plus\nservice_type: phone\nstatus: inactive\nid: PinnedPhonePlus1\n');
    const before = await snapshotTree(dir);
    const explained = await explainJson(dir, 'phone-plus');
    expect(originOf(explained.values, '/id')).toBe('package (pinned in the YAML)');
    expect(originOf(explained.values, '/uuid')).toBe('lockfile (not in the lockfile yet: the next compile mints it)');
    expect(await snapshotTree(dir)).toEqual(before);
  });

  it('prints a table in text format', async () => {
    const dir = await fixtureRepo('golden');
    const run = await runCli(dir, 'explain', 'meet-premium', '--catalog', 'catalog');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('meet-premium — packages.d/meet.yaml:32');
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}features\.max_rooms\.value +true +package$/));
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}hidden +false +schema default$/));
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}providers\[0\]\.type +bbb +package$/));
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}id +PremiumId0000002 +lockfile$/));
    expect(run.stdout).not.toContain('feature_settings');
    // Overage prices show their parts; the parts a model does not use (null) and unpriced features do not.
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}features\.max_storage\.overage\.tiers\[0\]\.up_to +100 +package$/));
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}price_per +seat +package$/));
    expect(run.stdout).not.toContain('features.max_storage.overage.price ');
    expect(run.stdout).not.toContain('features.max_rooms.overage');
  });

  it('exits 1 with a suggestion for an unknown code', async () => {
    const dir = await fixtureRepo('golden');
    const run = await runCli(dir, 'explain', 'meet-standrd', '--catalog', 'catalog');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('svcpkg: no package has the code `meet-standrd`; did you mean `meet-standard`?\n');
    const far = await runCli(dir, 'explain', 'zzz', '--catalog', 'catalog');
    expect(far.stderr).toContain('known packages: meet-premium, meet-standard, phone-basic');
  });

  it('exits 1 with the diagnostics when the package has errors, but not for errors elsewhere', async () => {
    const dir = await fixtureRepo('golden');
    await put(dir, 'packages.d/broken.yaml', 'code: phone-broken\nname: Broken\nservice_type: phone\nprice: -1\n');
    const broken = await runCli(dir, 'explain', 'phone-broken', '--catalog', 'catalog');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('cannot be explained until these errors are fixed');
    expect(broken.stdout).toContain('packages.d/broken.yaml:4:8');
    expect((await runCli(dir, 'explain', 'phone-basic', '--catalog', 'catalog')).code).toBe(0);
  });

  it('is a usage error without a code or with an unknown format', async () => {
    const dir = await fixtureRepo('golden');
    expect((await runCli(dir, 'explain')).code).toBe(2);
    expect((await runCli(dir, 'explain', 'meet-standard', '--format', 'sarif')).code).toBe(2);
  });

  it('exits 1 on a corrupt lockfile', async () => {
    const dir = await fixtureRepo('golden');
    await put(dir, 'svcpkg.lock.json', '{');
    const run = await runCli(dir, 'explain', 'meet-standard', '--catalog', 'catalog');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('SP6001');
    await rm(path.join(dir, 'svcpkg.lock.json'));
    expect((await runCli(dir, 'explain', 'meet-standard', '--catalog', 'catalog')).code).toBe(0);
  });
});
