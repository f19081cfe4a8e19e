// The watch engine against its input folder being replaced, and against links that leave it
// (docs/workflow.md): it keeps rebuilding after the packages folder is deleted and recreated, and
// never watches what a link outside the folder points at.
import { readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pkg, put, repo, startWatch } from './helpers.js';

const CONFIG = 'emit: [json]\n';
const manifestOf = async (dir: string) => readFile(path.join(dir, 'out', 'manifest.json'), 'utf8');
const codesIn = (manifest: string) => (JSON.parse(manifest) as { packages: { code: string }[] }).packages.map((p) => p.code);

/** Every path chokidar watches in a session (its folders and their entries). */
function watchedPaths(session: Awaited<ReturnType<typeof startWatch>>): string[] {
  const watchers = (session.watcher as unknown as { watchers: { getWatched(): Record<string, string[]> }[] }).watchers;
  return watchers.flatMap((w) => Object.entries(w.getWatched()).flatMap(([folder, names]) => [folder, ...names.map((n) => path.join(folder, n))]));
}

describe('watch: the packages folder deleted and recreated', () => {
  it('reports the missing folder, then rebuilds from the recreated one and keeps following it', async () => {
    const dir = await repo({ 'svcpkg.config.yaml': CONFIG, 'packages.d/a.yaml': pkg('meet-a') });
    const session = await startWatch(dir);
    expect((await session.next()).outcome).toBe('emitted');

    await rm(path.join(dir, 'packages.d'), { recursive: true });
    const gone = await session.next((r) => r.outcome === 'failed');
    expect(gone.diagnostics.map((d) => d.message).join('\n')).toMatch(/no such file or folder/);

    await put(dir, 'packages.d/b.yaml', pkg('meet-b'));
    await session.next((r) => r.outcome === 'emitted' && r.packages === 1);
    expect(codesIn(await manifestOf(dir))).toEqual(['meet-b']);

    // Re-armed: a later save in the new folder is seen too.
    await writeFile(path.join(dir, 'packages.d/c.yaml'), pkg('meet-c'));
    await session.next((r) => r.outcome === 'emitted' && r.packages === 2);
    expect(codesIn(await manifestOf(dir))).toEqual(['meet-b', 'meet-c']);
  });

  it('follows a folder replaced at once (renamed away, another renamed in)', async () => {
    const dir = await repo({ 'svcpkg.config.yaml': CONFIG, 'packages.d/a.yaml': pkg('meet-a'), 'next/b.yaml': pkg('meet-b') });
    const session = await startWatch(dir);
    await session.next();
    await rename(path.join(dir, 'packages.d'), path.join(dir, 'old'));
    await rename(path.join(dir, 'next'), path.join(dir, 'packages.d'));
    await session.next((r) => r.outcome === 'emitted' && r.changed.length > 0);
    expect(codesIn(await manifestOf(dir))).toEqual(['meet-b']);
    await writeFile(path.join(dir, 'packages.d/b.yaml'), pkg('meet-b', 99));
    await session.next((r) => r.outcome === 'emitted' && r.changed.includes('packages.d/b.yaml'));
    expect(await manifestOf(dir)).toContain('99');
  });
});

describe('watch: links leaving the packages folder', () => {
  it('never watches below a link to a folder outside (ln -s /usr packages.d/x)', async () => {
    const outside = await repo({ 'deep/one/two/z.yaml': pkg('meet-z'), 'deep/y.yaml': pkg('meet-y') });
    const dir = await repo({ 'svcpkg.config.yaml': CONFIG, 'packages.d/a.yaml': pkg('meet-a') });
    await symlink(path.join(outside, 'deep'), path.join(dir, 'packages.d', 'x'));
    const session = await startWatch(dir);
    const initial = await session.next();
    expect(initial.packages).toBe(1);
    expect(initial.diagnostics.map((d) => [d.code, d.file])).toEqual([['SP1014', 'packages.d/x']]); // refused, as validate does
    const watched = watchedPaths(session);
    expect(watched.some((p) => p.startsWith(outside))).toBe(false);
    expect(watched.some((p) => p.startsWith(path.join(dir, 'packages.d', 'x') + path.sep))).toBe(false);

    // A link added while watching is not followed either; the package folder still rebuilds (with both refusals).
    await symlink(path.join(outside, 'deep'), path.join(dir, 'packages.d', 'w'));
    const linked = await session.next((r) => r.changed.includes('packages.d/w'));
    expect(linked.diagnostics.map((d) => [d.code, d.file])).toEqual([['SP1014', 'packages.d/w'], ['SP1014', 'packages.d/x']]);
    await writeFile(path.join(dir, 'packages.d/b.yaml'), pkg('meet-b'));
    const rebuilt = await session.next((r) => r.packages === 2);
    expect(rebuilt.diagnostics.map((d) => d.code)).toEqual(['SP1014', 'SP1014']);
    const after = watchedPaths(session);
    expect(after.some((p) => p.startsWith(outside))).toBe(false);
    expect(after.some((p) => p.startsWith(path.join(dir, 'packages.d', 'w') + path.sep))).toBe(false);
    // An edit out there starts no build.
    await writeFile(path.join(outside, 'deep/y.yaml'), pkg('meet-y', 3));
    await writeFile(path.join(dir, 'packages.d/a.yaml'), pkg('meet-a', 8));
    const next = await session.next((r) => r.changed.length > 0);
    expect(next.changed).toEqual(['packages.d/a.yaml']);

    // Removing the links is a change too: the build passes again.
    await rm(path.join(dir, 'packages.d', 'w'));
    await rm(path.join(dir, 'packages.d', 'x'));
    const clean = await session.next((r) => r.outcome === 'emitted');
    expect(clean.diagnostics).toEqual([]);
    expect(codesIn(await manifestOf(dir))).toEqual(['meet-a', 'meet-b']);
  });
});
