// svcpkg.lock.json through `svcpkg compile`: minting, reuse, tombstones, revival, renames, pinned
// ids, --locked, and corrupt lockfiles that must never be regenerated silently.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/generated/manifest.js';
import { fixtureRepo, lockEntries, put, read, runCli, snapshotTree, tick } from './helpers.js';

const PLUS = 'code: meet-plus\nname: Meet Plus\nservice_type: meet\nproviders: [{ type: bbb }]\n';

/** The JSON diagnostics printed by a run with --format json. */
function diagnosticsOf(stdout: string): { code: string; file: string; line: number; column: number; path: string; message: string; severity: string; hint?: string }[] {
  // Only the compile stage's own codes: the fixture's draft package draws a check warning too.
  return (JSON.parse(stdout) as { diagnostics: { code: string }[] }).diagnostics.filter((d) => d.code.startsWith('SP6')) as never[];
}

describe('the lockfile', () => {
  it('mints well-formed ids on the first compile and writes a sorted, deterministic lockfile', async () => {
    const dir = await fixtureRepo('basic');
    await rm(path.join(dir, 'svcpkg.lock.json'));
    const run = await runCli(dir, 'compile');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('svcpkg.lock.json updated (3 new)');
    const entries = await lockEntries(dir);
    expect(Object.keys(entries)).toEqual(['meet-premium', 'meet-standard', 'webinar-basic']);
    for (const entry of Object.values(entries)) {
      expect(Object.keys(entry)).toEqual(['id', 'ulid', 'uuid']);
      expect(entry.id).toMatch(/^[0-9A-Za-z]{16}$/);
      expect(entry.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(entry.ulid).toMatch(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/);
    }
    // Minted in code order by one monotonic factory: the ulids sort like the codes.
    const ulids = Object.values(entries).map((e) => e.ulid);
    expect([...ulids].sort()).toEqual(ulids);
    const text = await read(dir, 'svcpkg.lock.json');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "packages": {\n    "meet-premium": {\n      "id": ');
    const manifest = JSON.parse(await read(dir, 'out/manifest.json')) as Manifest;
    expect(manifest.packages.map((p) => [p.code, p.id, p.uuid, p.ulid])).toEqual(Object.entries(entries).map(([code, e]) => [code, e.id, e.uuid, e.ulid]));
  });

  it('changes no other package\'s ids when a package is added', async () => {
    const dir = await fixtureRepo('basic');
    const before = await lockEntries(dir);
    await put(dir, 'packages.d/plus.yaml', PLUS);
    const run = await runCli(dir, 'compile');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('svcpkg.lock.json updated (1 new)');
    const after = await lockEntries(dir);
    expect(Object.keys(after)).toEqual(['meet-plus', 'meet-premium', 'meet-standard', 'webinar-basic']);
    for (const [code, entry] of Object.entries(before)) expect(after[code]).toEqual(entry);
  });

  it('keeps a removed package as a tombstone and revives its ids when the code comes back', async () => {
    const dir = await fixtureRepo('basic');
    const before = await lockEntries(dir);
    const webinar = await read(dir, 'packages.d/webinar.yaml');
    await rm(path.join(dir, 'packages.d/webinar.yaml'));
    const removed = await runCli(dir, 'compile');
    expect(removed.code).toBe(0);
    expect(removed.stderr).toContain('updated (1 removed)');
    expect((await lockEntries(dir))['webinar-basic']).toEqual({ ...before['webinar-basic'], removed: true });
    const manifest = JSON.parse(await read(dir, 'out/manifest.json')) as Manifest;
    expect(manifest.packages.map((p) => p.code)).toEqual(['meet-premium', 'meet-standard']);

    await put(dir, 'packages.d/webinar.yaml', webinar);
    const revived = await runCli(dir, 'compile');
    expect(revived.stderr).toContain('updated (1 revived)');
    expect(await lockEntries(dir)).toEqual(before);
  });

  it('never hands a tombstoned id to another package', async () => {
    const dir = await fixtureRepo('basic');
    await rm(path.join(dir, 'packages.d/webinar.yaml'));
    await runCli(dir, 'compile');
    await put(dir, 'packages.d/plus.yaml', `${PLUS}id: WebinarId0000003\n`);
    const run = await runCli(dir, 'compile', '--format', 'json');
    expect(run.code).toBe(1);
    const [problem] = diagnosticsOf(run.stdout);
    expect(problem).toMatchObject({ code: 'SP6007', file: 'packages.d/plus.yaml', line: 5, path: '/id' });
    expect(problem?.message).toContain('already belongs to `webinar-basic` in the lockfile (a removed package');
  });

  it('carries the ids over a rename with previous_code, and records the former code', async () => {
    const dir = await fixtureRepo('basic');
    const before = await lockEntries(dir);
    const text = await read(dir, 'packages.d/webinar.yaml');
    await put(dir, 'packages.d/webinar.yaml', text.replace('code: webinar-basic', 'code: webinar-start\nprevious_code: webinar-basic'));
    const run = await runCli(dir, 'compile');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('updated (1 renamed)');
    const after = await lockEntries(dir);
    expect(after['webinar-basic']).toBeUndefined();
    expect(after['webinar-start']).toEqual({ ...before['webinar-basic'], previous_codes: ['webinar-basic'] });
    const manifest = JSON.parse(await read(dir, 'out/manifest.json')) as Manifest;
    expect(manifest.packages.find((p) => p.code === 'webinar-start')).toMatchObject({ id: 'WebinarId0000003', previous_code: 'webinar-basic' });
    // Keeping previous_code in the YAML afterwards changes nothing.
    expect((await runCli(dir, 'compile')).stderr).toContain('(unchanged)');
    expect(await lockEntries(dir)).toEqual(after);
  });

  it('warns when a code renamed away with previous_code is added again, naming the code its ids went to', async () => {
    const dir = await fixtureRepo('basic');
    const text = await read(dir, 'packages.d/webinar.yaml');
    await put(dir, 'packages.d/webinar.yaml', text.replace('code: webinar-basic', 'code: webinar-start\nprevious_code: webinar-basic'));
    expect((await runCli(dir, 'compile')).code).toBe(0);
    await put(dir, 'packages.d/again.yaml', text);
    const run = await runCli(dir, 'compile', '--format', 'json');
    expect(run.code).toBe(0);
    expect(diagnosticsOf(run.stdout)).toMatchObject([
      { code: 'SP6011', severity: 'warning', file: 'packages.d/again.yaml', path: '/code', message: expect.stringContaining('renamed to `webinar-start`') },
    ]);
    const after = await lockEntries(dir);
    expect(after['webinar-basic']?.id).not.toBe(after['webinar-start']?.id);
    // Said once, when the new ids are minted: afterwards the code has its own entry.
    expect((await runCli(dir, 'compile', '--format', 'json')).stdout).not.toContain('SP6011');
  });

  it('refuses a previous_code that is still another package\'s code', async () => {
    const dir = await fixtureRepo('basic');
    await put(dir, 'packages.d/plus.yaml', `${PLUS}previous_code: meet-standard\n`);
    const run = await runCli(dir, 'compile', '--format', 'json');
    expect(run.code).toBe(1);
    expect(diagnosticsOf(run.stdout)).toMatchObject([{ code: 'SP6009', file: 'packages.d/plus.yaml', line: 5, path: '/previous_code' }]);
  });

  it('warns about a previous_code the lockfile does not know, suggesting a close one', async () => {
    const dir = await fixtureRepo('basic');
    await rm(path.join(dir, 'packages.d/webinar.yaml'));
    await runCli(dir, 'compile');
    await put(dir, 'packages.d/plus.yaml', `${PLUS}previous_code: webinar-basik\n`);
    const run = await runCli(dir, 'compile', '--format', 'json');
    expect(run.code).toBe(0);
    expect(diagnosticsOf(run.stdout).find((d) => d.code === 'SP6008')).toMatchObject({ severity: 'warning', hint: 'did you mean `webinar-basic`?' });
  });

  it('honours ids pinned in the YAML for a new code, and checks pins against the lockfile', async () => {
    const dir = await fixtureRepo('basic');
    await put(dir, 'packages.d/plus.yaml', `${PLUS}id: PinnedPlusId0001\n`);
    expect((await runCli(dir, 'compile')).code).toBe(0);
    expect((await lockEntries(dir))['meet-plus']?.id).toBe('PinnedPlusId0001');

    await put(dir, 'packages.d/plus.yaml', `${PLUS}id: PinnedPlusId0001\nuuid: 00000000-0000-4000-8000-00000000abcd\n`);
    const before = await snapshotTree(dir);
    const run = await runCli(dir, 'compile', '--format', 'json');
    expect(run.code).toBe(1);
    const [problem] = diagnosticsOf(run.stdout);
    expect(problem).toMatchObject({ code: 'SP6006', file: 'packages.d/plus.yaml', line: 6, column: 7, path: '/uuid' });
    expect(await snapshotTree(dir)).toEqual(before);
  });

  describe('--locked', () => {
    it('fails on a new package, at its code, and writes nothing', async () => {
      const dir = await fixtureRepo('basic');
      expect((await runCli(dir, 'compile')).code).toBe(0);
      await put(dir, 'packages.d/plus.yaml', PLUS);
      const before = await snapshotTree(dir);
      await tick();
      const run = await runCli(dir, 'compile', '--locked', '--format', 'json');
      expect(run.code).toBe(1);
      const [problem] = diagnosticsOf(run.stdout);
      expect(problem).toMatchObject({ code: 'SP6005', file: 'packages.d/plus.yaml', line: 1, column: 7, path: '/code' });
      expect(problem?.message).toContain('`meet-plus` has no ids in svcpkg.lock.json');
      expect(await snapshotTree(dir)).toEqual(before);
    });

    it('fails on a removed package, at its entry in the lockfile', async () => {
      const dir = await fixtureRepo('basic');
      await rm(path.join(dir, 'packages.d/webinar.yaml'));
      const before = await snapshotTree(dir);
      const run = await runCli(dir, 'compile', '--locked', '--format', 'json');
      expect(run.code).toBe(1);
      expect(diagnosticsOf(run.stdout)).toMatchObject([{ code: 'SP6005', file: 'svcpkg.lock.json', line: 14, column: 5, path: '/packages/webinar-basic' }]);
      expect(await snapshotTree(dir)).toEqual(before);
    });

    it('fails when there is no lockfile at all', async () => {
      const dir = await fixtureRepo('basic');
      await rm(path.join(dir, 'svcpkg.lock.json'));
      const run = await runCli(dir, 'compile', '--locked', '--format', 'json');
      expect(run.code).toBe(1);
      expect(diagnosticsOf(run.stdout).map((d) => d.code)).toEqual(['SP6005', 'SP6005', 'SP6005']);
      expect(Object.keys(Object.fromEntries(await snapshotTree(dir)))).not.toContain('svcpkg.lock.json');
    });

    it('compiles when the lockfile is up to date, without touching it', async () => {
      const dir = await fixtureRepo('basic');
      const lock = (await snapshotTree(dir)).get('svcpkg.lock.json');
      const run = await runCli(dir, 'compile', '--locked');
      expect(run.code).toBe(0);
      expect((await snapshotTree(dir)).get('svcpkg.lock.json')).toEqual(lock);
      expect(await read(dir, 'out/manifest.json')).toContain('StandardId000001');
    });
  });

  describe('a corrupt or hand-edited lockfile', () => {
    const cases: { name: string; edit: (text: string) => string; code: string; line: number; message: string }[] = [
      { name: 'truncated', edit: (t) => t.slice(0, 120), code: 'SP6001', line: 6, message: 'is not valid JSON: expected a closing `"`' },
      { name: 'a trailing comma', edit: (t) => t.replace('"webinar-basic": {', '"webinar-basic": {,'), code: 'SP6001', line: 14, message: 'expected a double-quoted property name, found `,`' },
      { name: 'an unquoted word', edit: (t) => t.replace('"StandardId000001"', 'StandardId000001'), code: 'SP6001', line: 10, message: 'expected a value, found `S`' },
      {
        name: 'a merge conflict',
        edit: (t) => t.replace('    "webinar-basic"', '<<<<<<< HEAD\n    "webinar-basic"'),
        code: 'SP6001',
        line: 14,
        message: 'has an unresolved merge conflict',
      },
      { name: 'a malformed id', edit: (t) => t.replace('StandardId000001', 'short'), code: 'SP6002', line: 10, message: 'svcpkg.lock.json:' },
      { name: 'an unknown property', edit: (t) => t.replace('"id": "StandardId000001"', '"idd": "StandardId000001"'), code: 'SP6002', line: 9, message: 'missing required property `id` in `meet-standard`' },
      { name: 'an id used twice', edit: (t) => t.replace('WebinarId0000003', 'StandardId000001'), code: 'SP6003', line: 15, message: '`webinar-basic` has the same id as `meet-standard`' },
      { name: 'a newer format', edit: (t) => t.replace('"format_version": 1', '"format_version": 2'), code: 'SP6004', line: 2, message: 'format_version 2' },
      {
        name: 'a code listed twice',
        edit: (t) => t.replace('"webinar-basic": {', '"meet-standard": {'),
        code: 'SP6002',
        line: 14,
        message: 'the key `meet-standard` appears twice in one object',
      },
      {
        // The key as the parser read it (`actual`), not as the text spells it (issue 13, point 3).
        name: 'a code listed twice, once spelt with an escape',
        edit: (t) => t.replace('"webinar-basic": {', '"meet\\u002dstandard": {'),
        code: 'SP6002',
        line: 14,
        message: 'the key `meet-standard` appears twice in one object',
      },
    ];
    for (const c of cases) {
      it(`with ${c.name} is a located error, and nothing is written or regenerated`, async () => {
        const dir = await fixtureRepo('basic');
        await put(dir, 'svcpkg.lock.json', c.edit(await read(dir, 'svcpkg.lock.json')));
        const before = await snapshotTree(dir);
        const run = await runCli(dir, 'compile', '--format', 'json');
        expect(run.code).toBe(1);
        const problems = diagnosticsOf(run.stdout).filter((d) => d.file === 'svcpkg.lock.json');
        expect(problems[0]).toMatchObject({ code: c.code, line: c.line, severity: 'error' });
        expect(problems[0]?.message).toContain(c.message);
        expect(await snapshotTree(dir)).toEqual(before);
      });
    }

    it('prints a code frame at the problem in pretty format', async () => {
      const dir = await fixtureRepo('basic');
      await put(dir, 'svcpkg.lock.json', (await read(dir, 'svcpkg.lock.json')).replace('StandardId000001', 'short'));
      const run = await runCli(dir, 'compile');
      expect(run.stdout).toContain('svcpkg.lock.json:10:13: error SP6002');
      expect(run.stdout).toContain('"id": "short"');
    });
  });
});
