// Checking on several threads gives exactly the single-thread result (issue 7). Workers exist only
// in the build (dist/), which `npm test` builds first, so this test drives the built module.
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

interface BuiltRepo {
  checkRepo(options: Record<string, unknown>): Promise<{
    diagnostics: unknown[];
    packages: { raw: unknown; pkg: unknown; source: { locate(p: string): unknown } }[];
    fromCache: number;
  }>;
}

describe('checkRepo on several threads', () => {
  it('reports the same diagnostics, packages and positions as one thread', async () => {
    const built = (await import(path.join(REPO_ROOT, 'dist', 'check', 'repo.js'))) as BuiltRepo;
    const { threadsFor } = (await import(path.join(REPO_ROOT, 'dist', 'check', 'parallel.js'))) as { threadsFor(files: number, jobs: number): number };
    expect(threadsFor(600, 2)).toBe(2); // the worker path really runs (dist ships worker.js)
    const root = await tempFolder('parallel');
    const folder = path.join(root, 'packages.d');
    await mkdir(folder);
    for (let i = 0; i < 600; i++) {
      const broken = i % 97 === 0 ? 'pirce: 3\n' : i % 89 === 0 ? 'features: {max_room: 1}\n' : '';
      // Every 50th package shares a code with the one before: a cross-file duplicate on a worker's file.
      const code = `pkg-${String(i - (i % 50 === 0 && i > 0 ? 1 : 0)).padStart(4, '0')}`;
      await writeFile(path.join(folder, `f${String(i).padStart(4, '0')}.yaml`), `code: ${code}\nname: P${i}\nservice_type: meet\nstatus: inactive\n${broken}`);
    }
    const options = { paths: [folder], catalogDir: path.join(REPO_ROOT, 'catalog'), cwd: root };
    const single = await built.checkRepo({ ...options, jobs: 1 });
    const parallel = await built.checkRepo({ ...options, jobs: 2 });
    expect(parallel.diagnostics).toEqual(single.diagnostics);
    expect(parallel.diagnostics.length).toBeGreaterThan(10);
    expect(parallel.packages.map((p) => p.raw)).toEqual(single.packages.map((p) => p.raw));
    expect(parallel.packages[3]?.source.locate('/name')).toEqual(single.packages[3]?.source.locate('/name'));

    // The command line gives the same report with --jobs 1 and --jobs 2 (the built CLI has workers).
    const cli = (jobs: string) =>
      spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'svcpkg.js'), 'validate', folder, '--catalog', path.join(REPO_ROOT, 'catalog'), '--format', 'json', '--no-cache', '--jobs', jobs], { cwd: root, encoding: 'utf8' });
    const [oneThread, twoThreads] = [cli('1'), cli('2')];
    expect(oneThread.status).toBe(1);
    expect(twoThreads.stdout).toBe(oneThread.stdout);

    // The result cache stores what the worker sent back, and gives it back the same (issue 7).
    const cacheDir = path.join(root, '.svcpkg-cache');
    const storing = await built.checkRepo({ ...options, jobs: 2, cacheDir });
    const warm = await built.checkRepo({ ...options, jobs: 2, cacheDir });
    expect([storing.fromCache, warm.fromCache]).toEqual([0, 600]);
    expect(warm.diagnostics).toEqual(single.diagnostics);
    expect(warm.packages.map((p) => [p.raw, p.pkg])).toEqual(single.packages.map((p) => [p.raw, p.pkg]));
    expect(warm.packages[3]?.source.locate('/name')).toEqual(single.packages[3]?.source.locate('/name'));
  });

  it('a worker that cannot start (a catalog it cannot load) neither hangs the check nor loses a file', async () => {
    const parallel = (await import(path.join(REPO_ROOT, 'dist', 'check', 'parallel.js'))) as {
      checkFiles(tasks: { file: string; text: string }[], catalog: unknown, context: Record<string, unknown>): Promise<{ file: string; diagnostics: unknown[] }[]>;
    };
    const { loadCatalog } = (await import(path.join(REPO_ROOT, 'dist', 'catalog', 'load.js'))) as { loadCatalog(dir: string, cwd: string): Promise<{ catalog: unknown }> };
    const { catalog } = await loadCatalog(path.join(REPO_ROOT, 'catalog'), REPO_ROOT);
    const tasks = Array.from({ length: 300 }, (_, i) => ({ file: `f${i}.yaml`, text: `code: p-${i}\nname: P${i}\nservice_type: meet\nstatus: inactive\n${i % 7 === 0 ? 'pirce: 1\n' : ''}` }));
    const context = { cwd: REPO_ROOT, parseOptions: {} };
    const single = await parallel.checkFiles(tasks, catalog, { ...context, catalogDir: path.join(REPO_ROOT, 'catalog'), threads: 1 });
    const failing = await parallel.checkFiles(tasks, catalog, { ...context, catalogDir: path.join(REPO_ROOT, 'no-such-catalog'), threads: 3 });
    expect(failing.map((f) => [f.file, f.diagnostics])).toEqual(single.map((f) => [f.file, f.diagnostics]));
    expect(single.filter((f) => f.diagnostics.length > 0)).toHaveLength(43);
  });

  it('an unused pool does not keep the process alive', async () => {
    const dir = await tempFolder('pool');
    const script = path.join(dir, 'unused-pool.mjs');
    await writeFile(
      script,
      `const { startPool } = await import(${JSON.stringify(pathToFileURL(path.join(REPO_ROOT, 'dist', 'check', 'parallel.js')).href)});
startPool(1, { catalogDir: ${JSON.stringify(path.join(REPO_ROOT, 'catalog'))}, cwd: '.', parseOptions: {} });`,
    );
    const result = spawnSync(process.execPath, [script], { timeout: 10_000 });
    expect(result.signal).toBeNull(); // not killed by the timeout
    expect(result.status).toBe(0);
  });
});
