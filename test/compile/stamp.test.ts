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

describe('a corrupt compile stamp is ignored (full compile), never an internal error', () => {
  const corrupt: [string, (stamp: Record<string, unknown>) => unknown][] = [
    ['null', () => null],
    ['a right hash without outputs', (stamp) => ({ version: stamp.version, inputs_hash: stamp.inputs_hash })],
    ['outputs of the wrong type', (stamp) => ({ ...stamp, outputs: 'out/manifest.json' })],
    ['an output entry that is null', (stamp) => ({ ...stamp, outputs: [null] })],
    ['an array', () => [1, 2, 3]],
    ['a number', () => 42],
    ['a version of the wrong type', (stamp) => ({ ...stamp, version: 7 })],
  ];
  for (const [name, make] of corrupt) {
    it(`re-renders when the stamp holds ${name}`, async () => {
      const dir = await fixtureRepo('basic');
      expect((await runCli(dir, 'compile')).code).toBe(0);
      const stampFile = path.join(dir, '.svcpkg-cache', 'compile.json');
      const stamp = JSON.parse(await readFile(stampFile, 'utf8')) as Record<string, unknown>;
      await writeFile(stampFile, JSON.stringify(make(stamp)));
      const original = await read(dir, 'out/manifest.json');
      await writeFile(path.join(dir, 'out/manifest.json'), '{"tampered": true}\n');
      const again = await runCli(dir, 'compile');
      expect(again.stderr).not.toMatch(/internal error/i);
      expect(again.code).toBe(0);
      expect(await read(dir, 'out/manifest.json')).toBe(original);
      // The stamp is rewritten whole, so the next compile is skipped again.
      const rewritten = JSON.parse(await readFile(stampFile, 'utf8')) as { outputs: unknown[] };
      expect(Array.isArray(rewritten.outputs)).toBe(true);
    });
  }
});
