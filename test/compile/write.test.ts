// Failure injection: whatever fails while writing, no partial or temporary file is left behind,
// earlier outputs stay as they were and the lockfile stays whole.
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileProject, nodeWriterFs, writeFilesAtomically, type CompileOptions, type WriterFs } from '../../src/compile/index.js';
import { IoError } from '../../src/diagnostics/errors.js';
import { checkLockfileText } from '../../src/compile/lockfile/read.js';
import { countingMinter, fixtureRepo, put, read, repoWith, runCli, snapshotTree } from './helpers.js';

function options(dir: string, extra: Partial<CompileOptions> = {}): CompileOptions {
  return {
    paths: [path.join(dir, 'packages.d')],
    catalogDir: path.join(dir, 'catalog'),
    cwd: dir,
    lockfile: 'svcpkg.lock.json',
    out: 'out',
    minter: countingMinter(),
    ...extra,
  };
}

/** The real file system, except that renaming onto a file whose name ends with `target` fails. */
function failingRename(target: string): WriterFs {
  return {
    ...nodeWriterFs,
    rename: async (from, to) => {
      if (to.endsWith(target)) throw Object.assign(new Error('EIO: injected'), { code: 'EIO' });
      return nodeWriterFs.rename(from, to);
    },
  };
}

/** The real file system, except that writing a temporary for `target` fails halfway. */
function failingWrite(target: string): WriterFs {
  return {
    ...nodeWriterFs,
    writeNew: async (file, data) => {
      if (path.basename(file).startsWith(`.${target}.`)) {
        await writeFile(file, data.subarray(0, 10));
        throw Object.assign(new Error('ENOSPC: injected'), { code: 'ENOSPC' });
      }
      return nodeWriterFs.writeNew(file, data);
    },
  };
}

const NEW_PACKAGE = 'code: phone-plus\nname: Phone Plus\nservice_type: phone\nstatus: inactive\n';

describe('writing outputs', () => {
  for (const [what, fs] of [
    ['renaming manifest.json fails', failingRename('manifest.json')],
    ['writing manifest.ts fails halfway', failingWrite('manifest.ts')],
    ['writing the lockfile fails halfway', failingWrite('svcpkg.lock.json')],
  ] as const) {
    it(`leaves no temporary or partial file when ${what}`, async () => {
      const dir = await fixtureRepo('golden');
      await compileProject(options(dir));
      const before = await snapshotTree(dir);
      await put(dir, 'packages.d/plus.yaml', NEW_PACKAGE);
      await expect(compileProject(options(dir, { fs }))).rejects.toThrow(IoError);
      const after = await snapshotTree(dir);
      expect([...after.keys()].filter((f) => f.endsWith('.tmp'))).toEqual([]);
      // Outputs that were not renamed are untouched; the lockfile is whole (old or new, never partial).
      expect(after.get('out/manifest.ts')).toEqual(before.get('out/manifest.ts'));
      expect(checkLockfileText('', 'svcpkg.lock.json', await read(dir, 'svcpkg.lock.json')).diagnostics).toEqual([]);
      if (what !== 'renaming manifest.json fails') {
        expect(after.get('svcpkg.lock.json')).toEqual(before.get('svcpkg.lock.json'));
        expect(after.get('out/manifest.json')).toEqual(before.get('out/manifest.json'));
      }
    });
  }

  it('renames the lockfile first: when a manifest rename fails, the new ids are already recorded', async () => {
    const dir = await fixtureRepo('golden');
    await put(dir, 'packages.d/plus.yaml', NEW_PACKAGE);
    await expect(compileProject(options(dir, { fs: failingRename('manifest.json') }))).rejects.toThrow('cannot replace out/manifest.json (EIO)');
    const lock = JSON.parse(await read(dir, 'svcpkg.lock.json')) as { packages: Record<string, { id: string }> };
    expect(lock.packages['phone-plus']?.id).toBe('Test000000000001');
    // The next compile reuses them rather than minting others.
    const result = await compileProject(options(dir, { minter: countingMinter(100) }));
    expect(result.manifest?.packages.find((p) => p.code === 'phone-plus')?.id).toBe('Test000000000001');
  });

  it('exits 2 with a clear message when the output folder cannot be created, leaving the lockfile alone', async () => {
    const dir = await fixtureRepo('golden');
    await put(dir, 'packages.d/plus.yaml', NEW_PACKAGE);
    await writeFile(path.join(dir, 'out'), 'a file where the folder should be\n');
    const before = await snapshotTree(dir);
    const run = await runCli(dir, 'compile', '--catalog', 'catalog');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/svcpkg: cannot create the folder of out\/manifest\.json \((EEXIST|ENOTDIR)\)/);
    expect(await snapshotTree(dir)).toEqual(before);
  });

  it.skipIf(process.getuid?.() === 0)('exits 2 when the output folder is read-only, leaving nothing behind', async () => {
    const dir = await fixtureRepo('golden');
    await mkdir(path.join(dir, 'out'));
    await chmod(path.join(dir, 'out'), 0o555);
    try {
      const before = await snapshotTree(dir);
      const run = await runCli(dir, 'compile', '--catalog', 'catalog');
      expect(run.code).toBe(2);
      expect(await snapshotTree(dir)).toEqual(before);
    } finally {
      await chmod(path.join(dir, 'out'), 0o755);
    }
  });

  it('does not rewrite a file whose bytes are unchanged', async () => {
    const dir = await repoWith({ 'a.txt': 'same\n' });
    const calls: string[] = [];
    const spy: WriterFs = { ...nodeWriterFs, writeNew: (f, d) => (calls.push(path.basename(f)), nodeWriterFs.writeNew(f, d)) };
    const result = await writeFilesAtomically(
      [
        { path: path.join(dir, 'a.txt'), display: 'a.txt', content: 'same\n' },
        { path: path.join(dir, 'sub/b.txt'), display: 'sub/b.txt', content: 'new\n' },
      ],
      spy,
    );
    expect(result.map((r) => [r.display, r.changed])).toEqual([
      ['a.txt', false],
      ['sub/b.txt', true],
    ]);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatch(/^\.b\.txt\.\d+-[0-9a-f]{8}\.tmp$/);
    expect(await read(dir, 'sub/b.txt')).toBe('new\n');
    await rm(path.join(dir, 'sub'), { recursive: true });
  });
});
