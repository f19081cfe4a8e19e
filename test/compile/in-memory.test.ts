// compileInMemory: the simulator's way to use a packages folder directly. It writes nothing.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileInMemory } from '../../src/compile/index.js';
import { getValidator } from '../../src/schema/ajv.js';
import { fixtureRepo, put, snapshotTree } from './helpers.js';

describe('compileInMemory', () => {
  it('returns the manifest with the lockfile\'s ids and writes nothing', async () => {
    const dir = await fixtureRepo('golden');
    await put(dir, 'packages.d/plus.yaml', 'code: phone-plus\nname: Phone Plus\nservice_type: phone\nstatus: inactive\n');
    const before = await snapshotTree(dir);
    const result = await compileInMemory({ paths: [path.join(dir, 'packages.d')], catalogDir: path.join(dir, 'catalog'), cwd: dir });
    expect(result.diagnostics).toEqual([]);
    expect(getValidator('manifest')(result.manifest)).toBe(true);
    const ids = Object.fromEntries(result.manifest!.packages.map((p) => [p.code, p.id]));
    expect(ids['meet-standard']).toBe('StandardId000001');
    expect(ids['phone-plus']).toMatch(/^[0-9A-Za-z]{16}$/);
    expect(await snapshotTree(dir)).toEqual(before);
  });

  it('takes an explicit lockfile, and mints every id when there is none', async () => {
    const dir = await fixtureRepo('golden');
    const result = await compileInMemory({ paths: ['packages.d'], catalogDir: 'catalog', cwd: dir, lockfile: 'missing.lock.json' });
    expect(result.manifest?.packages.map((p) => p.id)).not.toContain('StandardId000001');
  });

  it('returns diagnostics and no manifest when a package has errors', async () => {
    const dir = await fixtureRepo('golden');
    await put(dir, 'packages.d/broken.yaml', 'code: phone-broken\nname: Broken\nservice_type: phone\nprice: -1\n');
    const result = await compileInMemory({ paths: ['packages.d'], catalogDir: 'catalog', cwd: dir });
    expect(result.manifest).toBeUndefined();
    expect(result.diagnostics.some((d) => d.severity === 'error' && d.file === 'packages.d/broken.yaml')).toBe(true);
  });
});
