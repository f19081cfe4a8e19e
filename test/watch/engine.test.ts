// The watch engine with a real chokidar watcher over real files: edits, atomic saves, deletes, new
// folders, briefly empty files. Waits are on events with generous timeouts, never on fixed sleeps.
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles, pkg, put, repo, startWatch } from './helpers.js';

const CONFIG = 'emit: [json]\n';
const manifestOf = async (dir: string) => readFile(path.join(dir, 'out', 'manifest.json'), 'utf8');
const codesIn = (manifest: string) => (JSON.parse(manifest) as { packages: { code: string }[] }).packages.map((p) => p.code);

describe('watch engine', () => {
  it('reports a located error without touching the last manifest, then recompiles the fix', async () => {
    const dir = await repo({ 'svcpkg.config.yaml': CONFIG, 'packages.d/a.yaml': pkg('meet-a'), 'packages.d/b.yaml': pkg('meet-b') });
    const session = await startWatch(dir);
    const initial = await session.next();
    expect(initial.trigger).toBe('initial');
    expect(initial.outcome).toBe('emitted');
    expect(initial.emitted?.written).toEqual(['svcpkg.lock.json', 'out/manifest.json']);
    const good = await manifestOf(dir);
    const goodTime = (await stat(path.join(dir, 'out', 'manifest.json'))).mtimeMs;

    await writeFile(path.join(dir, 'packages.d/a.yaml'), pkg('meet-a').replace('max_rooms', 'max_romos'));
    const broken = await session.next((r) => r.outcome === 'failed');
    expect(broken.changed).toEqual(['packages.d/a.yaml']);
    const error = broken.diagnostics.find((d) => d.severity === 'error');
    expect(error).toMatchObject({ code: 'SP3002', file: 'packages.d/a.yaml', line: 6, column: 3 });
    expect(broken.reparsed).toBe(1); // b.yaml came from the cache
    expect(await manifestOf(dir)).toBe(good);
    expect((await stat(path.join(dir, 'out', 'manifest.json'))).mtimeMs).toBe(goodTime);

    await writeFile(path.join(dir, 'packages.d/a.yaml'), pkg('meet-a', 42));
    const fixed = await session.next((r) => r.outcome === 'emitted');
    expect(fixed.diagnostics).toEqual([]);
    expect(fixed.emitted?.written).toEqual(['out/manifest.json']);
    expect(await manifestOf(dir)).toContain('42');
  });

  it('follows an atomic save (write a temporary file, rename it over the package)', async () => {
    const dir = await repo({ 'svcpkg.config.yaml': CONFIG, 'packages.d/a.yaml': pkg('meet-a') });
    const session = await startWatch(dir);
    await session.next();
    await writeFile(path.join(dir, 'packages.d/.a.yaml.swp'), 'editor scratch');
    await writeFile(path.join(dir, 'packages.d/a.yaml.tmp~'), pkg('meet-a', 77));
    await rename(path.join(dir, 'packages.d/a.yaml.tmp~'), path.join(dir, 'packages.d/a.yaml'));
    await session.next((r) => r.outcome === 'emitted' && r.changed.includes('packages.d/a.yaml'));
    expect(await manifestOf(dir)).toContain('77');
  });

  it('follows a deleted package and a new package in a new nested folder', async () => {
    const dir = await repo({ 'svcpkg.config.yaml': CONFIG, 'packages.d/a.yaml': pkg('meet-a'), 'packages.d/b.yaml': pkg('meet-b') });
    const session = await startWatch(dir);
    await session.next();

    await rm(path.join(dir, 'packages.d/b.yaml'));
    const deleted = await session.next((r) => r.outcome === 'emitted' && r.packages === 1);
    expect(deleted.changed).toContain('packages.d/b.yaml');
    expect(codesIn(await manifestOf(dir))).toEqual(['meet-a']);

    await mkdir(path.join(dir, 'packages.d/team/2026'), { recursive: true });
    await writeFile(path.join(dir, 'packages.d/team/2026/c.yaml'), pkg('meet-c'));
    await session.next((r) => r.outcome === 'emitted' && r.packages === 2);
    expect(codesIn(await manifestOf(dir))).toEqual(['meet-a', 'meet-c']);
    // The deleted package is a tombstone in the lockfile: its ids are never reused.
    expect(JSON.parse(await readFile(path.join(dir, 'svcpkg.lock.json'), 'utf8')).packages['meet-b'].removed).toBe(true);
  });

  it('reports a file left empty (SP1008) and keeps the last good manifest', async () => {
    const dir = await repo({ 'svcpkg.config.yaml': CONFIG, 'packages.d/a.yaml': pkg('meet-a'), 'packages.d/b.yaml': pkg('meet-b') });
    const session = await startWatch(dir);
    await session.next();
    const good = await manifestOf(dir);
    await writeFile(path.join(dir, 'packages.d/b.yaml'), '');
    const empty = await session.next((r) => r.outcome === 'failed');
    expect(empty.diagnostics.map((d) => [d.code, d.file])).toEqual([['SP1008', 'packages.d/b.yaml']]);
    expect(await manifestOf(dir)).toBe(good);
  });

  it('treats a briefly empty file (truncate, then write) as one save', async () => {
    const dir = await repo({ 'svcpkg.config.yaml': CONFIG, 'packages.d/a.yaml': pkg('meet-a') });
    const session = await startWatch(dir, { debounceMs: 200 });
    await session.next();
    await writeFile(path.join(dir, 'packages.d/a.yaml'), '');
    await writeFile(path.join(dir, 'packages.d/a.yaml'), pkg('meet-a', 9));
    const result = await session.next();
    expect(result.outcome).toBe('emitted');
    expect(result.diagnostics).toEqual([]);
    expect(await manifestOf(dir)).toContain('"value": 9');
  });

  it('rebuilds when the catalog or the config changes', async () => {
    const { cp } = await import('node:fs/promises');
    const { DEFAULT_CATALOG_DIR } = await import('../../src/assets.js');
    const dir = await repo({ 'svcpkg.config.yaml': CONFIG + 'catalog: catalog\n', 'packages.d/a.yaml': pkg('meet-a') });
    await cp(DEFAULT_CATALOG_DIR, path.join(dir, 'catalog'), { recursive: true });
    const session = await startWatch(dir);
    expect((await session.next()).outcome).toBe('emitted');

    // Drop screen_sharing from the catalog: the unchanged package is now wrong.
    const features = await readFile(path.join(dir, 'catalog/features.yaml'), 'utf8');
    await writeFile(path.join(dir, 'catalog/features.yaml'), features.replace(/- code: screen_sharing[\s\S]*?(?=\n- code:)/, ''));
    const stale = await session.next((r) => r.outcome === 'failed');
    expect(stale.changed).toEqual(['catalog/features.yaml']);
    expect(stale.diagnostics.some((d) => d.file === 'packages.d/a.yaml' || d.file.startsWith('catalog/'))).toBe(true);

    // Point the config back at the bundled catalog: the package is valid again.
    await writeFile(path.join(dir, 'svcpkg.config.yaml'), CONFIG);
    const back = await session.next((r) => r.outcome === 'emitted');
    expect(back.changed).toEqual(['svcpkg.config.yaml']);
  });

  it("sees a second save of one file made within chokidar's 50 ms change throttle", async () => {
    const dir = await repo({ 'svcpkg.config.yaml': CONFIG, 'packages.d/a.yaml': pkg('meet-a') });
    const session = await startWatch(dir, { debounceMs: 5 });
    await session.next();
    await writeFile(path.join(dir, 'packages.d/a.yaml'), pkg('meet-a', 11));
    // The second save lands after the first build has read the file, but inside the throttle.
    await new Promise((resolve) => setTimeout(resolve, 25));
    await writeFile(path.join(dir, 'packages.d/a.yaml'), pkg('meet-a', 12));
    await session.next((r) => r.outcome === 'emitted' && r.texts.get('packages.d/a.yaml')?.includes('12') === true);
    expect(await manifestOf(dir)).toContain('"value": 12');
  });

  it('reports an output it cannot write and keeps watching', async () => {
    const dir = await repo({ 'svcpkg.config.yaml': CONFIG, 'packages.d/a.yaml': pkg('meet-a') });
    const session = await startWatch(dir);
    await session.next();
    await rm(path.join(dir, 'out'), { recursive: true });
    await writeFile(path.join(dir, 'out'), 'a file where the output folder should be');
    await writeFile(path.join(dir, 'packages.d/a.yaml'), pkg('meet-a', 3));
    const deadline = Date.now() + 15_000;
    while (session.errors.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(session.errors[0]?.message).toContain('out/manifest.json');

    await rm(path.join(dir, 'out'));
    await writeFile(path.join(dir, 'packages.d/a.yaml'), pkg('meet-a', 4));
    await session.next((r) => r.outcome === 'emitted');
    expect(await manifestOf(dir)).toContain('"value": 4');
  });

  it('leaves no temporary file behind after close', async () => {
    const dir = await repo({ 'svcpkg.config.yaml': CONFIG, 'packages.d/a.yaml': pkg('meet-a') });
    const session = await startWatch(dir);
    await session.next();
    await put(dir, 'packages.d/a.yaml', pkg('meet-a', 8));
    await session.watcher.close(); // possibly during the rebuild: close waits for it
    expect((await listFiles(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
