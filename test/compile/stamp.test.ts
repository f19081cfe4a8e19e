// The compile stamp: an unchanged compile skips rendering; any change to inputs or outputs re-renders.
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureRepo, read, runCli } from './helpers.js';

describe('compile stamp (.svcpkg-cache/compile.json)', () => {
  it('skips an unchanged compile, and rewrites an output edited by hand', async () => {
    const dir = await fixtureRepo('basic');
    expect((await runCli(dir, 'compile')).code).toBe(0);
    const stampFile = path.join(dir, '.svcpkg-cache', 'compile.json');
    const stamp = JSON.parse(await readFile(stampFile, 'utf8')) as { inputs_hash: string };
    const manifest = JSON.parse(await read(dir, 'out/manifest.json')) as { inputs_hash: string };
    expect(stamp.inputs_hash).toBe(manifest.inputs_hash);

    const before = (await stat(path.join(dir, 'out/manifest.ts'))).mtimeMs;
    const again = await runCli(dir, 'compile');
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('(unchanged)');
    expect((await stat(path.join(dir, 'out/manifest.ts'))).mtimeMs).toBe(before);

    const original = await read(dir, 'out/manifest.json');
    await writeFile(path.join(dir, 'out/manifest.json'), '{"tampered": true}\n');
    expect((await runCli(dir, 'compile')).code).toBe(0);
    expect(await read(dir, 'out/manifest.json')).toBe(original);
  });

  it('re-renders when the stamp is gone or names another version', async () => {
    const dir = await fixtureRepo('basic');
    expect((await runCli(dir, 'compile')).code).toBe(0);
    const stampFile = path.join(dir, '.svcpkg-cache', 'compile.json');
    const stamp = JSON.parse(await readFile(stampFile, 'utf8')) as Record<string, unknown>;
    await writeFile(stampFile, JSON.stringify({ ...stamp, version: '0.0.0-other' }));
    await rm(path.join(dir, 'out/manifest.ts'));
    await writeFile(path.join(dir, 'out/manifest.ts'), '');
    expect((await runCli(dir, 'compile')).code).toBe(0);
    expect((await read(dir, 'out/manifest.ts')).length).toBeGreaterThan(100);
    await rm(path.join(dir, '.svcpkg-cache'), { recursive: true });
    await rm(path.join(dir, 'out/manifest.json'));
    expect((await runCli(dir, 'compile')).code).toBe(0);
    expect((await read(dir, 'out/manifest.json')).length).toBeGreaterThan(100);
  });
});
