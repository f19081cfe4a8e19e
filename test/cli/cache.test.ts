// The result cache across runs (.svcpkg-cache/: check.v2.bin, packages.v1.bin, across.v1.bin; issue 7): a warm run prints exactly
// what a cold one does, and an entry is used only for the same path, text, catalog and options.
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG_DIR } from '../../src/assets.js';
import { ACROSS_CACHE_FILE, PACKAGES_CACHE_FILE, readAcrossFile, readPackagesFile, writePackagesFile, readCacheFile, RESULT_CACHE_FILE, writeAcrossFile, writeCacheFile, type CacheEntry } from '../../src/check/cache-file.js';
import { checkRepo } from '../../src/check/repo.js';
import { makeRepo, REPO_ROOT, runInProcess, VALID_PACKAGE } from '../helpers/cli.js';
import { CORPUS } from '../source/hostile-corpus.js';

const FORMATS = ['pretty', 'json', 'sarif', 'github'] as const;
/** A message no check writes: seeing it proves a result came from the cache file. */
const FORGED = 'forged by the test into the cache';

// Repositories are temporary folders, removed after this file by test/helpers/temp-cleanup.ts.
const repo = makeRepo;

/** The broken fixture repo's packages plus every hostile input, each in its own file. */
async function hostileRepo(): Promise<string> {
  const files: Record<string, string> = {};
  const broken = path.join(REPO_ROOT, 'test/fixtures/broken/packages.d');
  for (const relative of await readdir(broken, { recursive: true })) {
    if (relative.endsWith('.yaml')) files[`packages.d/${relative}`] = await readFile(path.join(broken, relative), 'utf8');
  }
  for (const [name, text] of Object.entries(CORPUS)) files[`packages.d/hostile/${name}.yaml`] = text;
  return repo(files);
}

const cacheFileOf = (dir: string) => path.join(dir, '.svcpkg-cache', RESULT_CACHE_FILE);

async function keyOf(dir: string): Promise<string> {
  const bytes = await readFile(cacheFileOf(dir));
  return (JSON.parse(bytes.subarray(0, bytes.indexOf(0x0a)).toString('utf8')) as { key: string }).key;
}

async function entriesOf(dir: string): Promise<CacheEntry[]> {
  const entries = readCacheFile(cacheFileOf(dir), await keyOf(dir));
  if (!entries) throw new Error('the cache file is unusable');
  return entries;
}

/** Add a diagnostic no check produces to every stored entry, keeping the file valid. */
async function forge(dir: string): Promise<void> {
  const entries = await entriesOf(dir);
  for (const { result } of entries) {
    result.diagnostics.push({ line: 1, column: 1, end_line: 1, end_column: 2, code: 'SP2001', severity: 'error', message: FORGED, file: result.file, path: '' });
  }
  writeCacheFile(cacheFileOf(dir), await keyOf(dir), entries);
}

/** How many files a library run with the CLI's cache folder takes from the cache. */
async function hits(dir: string): Promise<number> {
  const options = { paths: [path.join(dir, 'packages.d')], catalogDir: DEFAULT_CATALOG_DIR, cwd: dir, maxDepth: 64 };
  return (await checkRepo({ ...options, cacheDir: path.join(dir, '.svcpkg-cache') })).fromCache;
}

/**
 * The environment of a developer's machine: no `CI`, where the cache is read. runInProcess does
 * not inherit the test's environment, so these tests behave the same locally and in CI (CI=true).
 */
const LOCAL = { CI: undefined };
const validate = (dir: string, ...args: string[]) => runInProcess(['validate', ...args], { cwd: dir, env: LOCAL });

describe('result cache (.svcpkg-cache)', () => {
  it('prints byte-identical output cold and warm, in every format, on hostile and broken input', async () => {
    const dir = await hostileRepo();
    const fileCount = Object.keys(CORPUS).length + 5;
    for (const format of FORMATS) {
      const cold = await validate(dir, '--format', format, '--no-cache');
      expect(cold.code).toBe(1);
      await rm(path.join(dir, '.svcpkg-cache'), { recursive: true, force: true });
      const writing = await validate(dir, '--format', format);
      expect(await hits(dir)).toBe(fileCount); // the next run is really served from the cache
      const warm = await validate(dir, '--format', format);
      expect(writing).toEqual(cold);
      expect(warm).toEqual(cold);
    }
  });

  it('says with --verbose how many files it answered for', async () => {
    const dir = await repo({ 'packages.d/a.yaml': VALID_PACKAGE, 'packages.d/b.yaml': VALID_PACKAGE.replace('meet-basic', 'meet-b').replace('Basic', 'B') });
    expect((await validate(dir, '--verbose')).stderr).toContain('0 of 2 file(s) unchanged since the last run');
    await writeFile(path.join(dir, 'packages.d/a.yaml'), VALID_PACKAGE.replace('name: Basic', 'name: Basic A'));
    expect((await validate(dir, '--verbose')).stderr).toContain('1 of 2 file(s) unchanged since the last run');
    expect((await validate(dir, '--verbose')).stderr).toContain('2 of 2 file(s) unchanged since the last run');
    expect((await validate(dir, '--verbose', '--no-cache')).stderr).not.toContain('result cache');
  });

  it('re-checks an edited file, and reuses an entry only for the same path', async () => {
    const dir = await repo({ 'packages.d/a.yaml': VALID_PACKAGE, 'packages.d/b.yaml': VALID_PACKAGE.replace('meet-basic', 'meet-b').replace('Basic', 'B') });
    expect((await validate(dir)).code).toBe(0);
    await forge(dir);
    expect((await validate(dir, '--format', 'json')).stdout).toContain(FORGED);

    await writeFile(path.join(dir, 'packages.d/a.yaml'), VALID_PACKAGE.replace('name: Basic', 'name: Basic\npirce: 3'));
    const edited = await validate(dir, '--format', 'json');
    expect(edited.code).toBe(1);
    expect(edited.stdout).toContain('did you mean `price`?');
    const messages = (JSON.parse(edited.stdout) as { diagnostics: { file: string; message: string }[] }).diagnostics;
    expect(messages.filter((d) => d.message === FORGED).map((d) => d.file)).toEqual(['packages.d/b.yaml']);

    // The same text under another name is checked afresh: results carry their file's path.
    await writeFile(path.join(dir, 'packages.d/c.yaml'), await readFile(path.join(dir, 'packages.d/b.yaml'), 'utf8'));
    await forge(dir);
    const copied = JSON.parse((await validate(dir, '--format', 'json')).stdout) as { diagnostics: { file: string; message: string }[] };
    expect(copied.diagnostics.filter((d) => d.message === FORGED).map((d) => d.file)).toEqual(['packages.d/a.yaml', 'packages.d/b.yaml']);
  });

  it('reuses the diagnostics of the rules across packages only when no file changed, and never in CI', async () => {
    // Two packages at one tier: SP4004, a rule across packages, with a related location.
    const a = VALID_PACKAGE.replace('status: inactive', 'status: draft');
    const b = a.replace('meet-basic', 'meet-b').replace('Basic', 'B');
    const dir = await repo({ 'packages.d/a.yaml': a + 'tier: 1\n', 'packages.d/b.yaml': b + 'tier: 1\n' });
    const cold = await validate(dir, '--format', 'json', '--no-cache');
    expect(cold.stdout).toContain('SP4004');
    expect(await validate(dir, '--format', 'json')).toEqual(cold);
    const acrossFile = path.join(dir, '.svcpkg-cache', ACROSS_CACHE_FILE);
    const bytes = await readFile(acrossFile);
    const key = (JSON.parse(bytes.subarray(0, bytes.indexOf(0x0a)).toString('utf8')) as { key: string }).key;
    const stored = readAcrossFile(acrossFile, key);
    expect(stored?.map((d) => d.code)).toEqual(['SP4004']);
    const forged = [...stored!, { ...stored![0]!, code: 'SP4003', message: FORGED }];
    writeAcrossFile(acrossFile, key, forged);
    // Nothing changed: the stored result is the result (the forgery shows it was read).
    expect((await validate(dir, '--format', 'json')).stdout).toContain(FORGED);
    // Not in CI, where a forged cache must not decide.
    expect((await runInProcess(['validate', '--format', 'json'], { cwd: dir, env: { CI: 'true' } })).stdout).not.toContain(FORGED);
    writeAcrossFile(acrossFile, key, forged);
    // One file changed (not its tier): the rules run again, over every package.
    await writeFile(path.join(dir, 'packages.d/b.yaml'), b.replace('name: B', 'name: B2') + 'tier: 1\n');
    const edited = await validate(dir, '--format', 'json');
    expect(edited.stdout).not.toContain(FORGED);
    expect(edited.stdout).toContain('SP4004');
  });

  it('reads the packages only when a run needs them, and checks a file again when they are gone', async () => {
    const a = VALID_PACKAGE.replace('status: inactive', 'status: draft');
    const b = a.replace('meet-basic', 'meet-b').replace('Basic', 'B');
    const dir = await repo({ 'packages.d/a.yaml': a, 'packages.d/b.yaml': b });
    // An earlier svcpkg's cache file (packages and all in one) is removed, not left to linger.
    await mkdir(path.join(dir, '.svcpkg-cache'));
    await writeFile(path.join(dir, '.svcpkg-cache', 'check.v1.bin'), 'an earlier format\n');
    const clean = await validate(dir, '--format', 'json');
    expect(clean.code).toBe(0);
    expect((await readdir(path.join(dir, '.svcpkg-cache'))).sort()).toEqual([ACROSS_CACHE_FILE, RESULT_CACHE_FILE, PACKAGES_CACHE_FILE].sort());
    const packagesFile = path.join(dir, '.svcpkg-cache', PACKAGES_CACHE_FILE);
    // Nothing changed: validate needs no package, so a missing packages file changes nothing and is not rewritten.
    await rm(packagesFile);
    expect(await validate(dir, '--format', 'json')).toEqual(clean);
    await expect(stat(packagesFile)).rejects.toThrow();
    // A file changed: the rules across packages read every package, b's checked again for lack of them.
    await writeFile(path.join(dir, 'packages.d/a.yaml'), a.replace('name: Basic', 'name: Basic A'));
    expect((await validate(dir, '--format', 'json')).code).toBe(0);
    expect((await stat(packagesFile)).isFile()).toBe(true);
    // They come from the packages file when it holds them: b's, forged to take a's code, clash with a's.
    const bytes = await readFile(packagesFile);
    const key = (JSON.parse(bytes.subarray(0, bytes.indexOf(0x0a)).toString('utf8')) as { key: string }).key;
    const entries = readPackagesFile(packagesFile, key)!;
    for (const entry of entries.filter((e) => e.file === 'packages.d/b.yaml')) for (const p of entry.packages) p.pkg.code = 'meet-basic';
    writePackagesFile(packagesFile, key, entries);
    await writeFile(path.join(dir, 'packages.d/a.yaml'), a.replace('name: Basic', 'name: Basic AA'));
    expect((await validate(dir, '--format', 'json')).stdout).toContain('SP4001');
  });

  it('gives compile the packages from the packages file: the manifest of a cold compile, byte for byte', async () => {
    const dir = await repo({ 'packages.d/a.yaml': VALID_PACKAGE, 'packages.d/b.yaml': VALID_PACKAGE.replace('meet-basic', 'meet-b').replace('Basic', 'B') });
    const compile = (...args: string[]) => runInProcess(['compile', ...args], { cwd: dir, env: LOCAL });
    expect((await compile('--no-cache')).code).toBe(0); // mints the ids into the lockfile
    const cold = await readFile(path.join(dir, 'out', 'manifest.json'), 'utf8');
    expect((await validate(dir)).code).toBe(0); // fills the cache
    // Without the outputs and the compile stamp, compile runs, every file's result from the cache.
    await rm(path.join(dir, 'out'), { recursive: true });
    await rm(path.join(dir, '.svcpkg-cache', 'compile.json'), { force: true });
    expect(await hits(dir)).toBe(2);
    expect((await compile()).code).toBe(0);
    expect(await readFile(path.join(dir, 'out', 'manifest.json'), 'utf8')).toBe(cold);
  });

  it('invalidates every entry when the catalog or the parser options change', async () => {
    const dir = await repo({ 'packages.d/a.yaml': VALID_PACKAGE, 'svcpkg.config.yaml': 'catalog: catalog\n' });
    await cp(DEFAULT_CATALOG_DIR, path.join(dir, 'catalog'), { recursive: true });
    await rm(path.join(dir, 'catalog', 'validated.json'), { force: true });
    expect((await validate(dir)).code).toBe(0);
    await forge(dir);
    expect((await validate(dir)).stdout).toContain(FORGED);

    // A comment only: the catalog's data is the same, but its positions (related locations) move.
    const features = path.join(dir, 'catalog', 'features.yaml');
    await writeFile(features, '# moved\n' + (await readFile(features, 'utf8')));
    const recatalogued = await validate(dir);
    expect(recatalogued.stdout).not.toContain(FORGED);
    expect(recatalogued).toEqual(await validate(dir, '--no-cache'));

    // A real change: the service type no longer allows one of the package's features.
    await forge(dir);
    const serviceTypes = path.join(dir, 'catalog', 'service-types.yaml');
    const text = await readFile(serviceTypes, 'utf8');
    expect(text).toContain('    - screen_sharing\n');
    await writeFile(serviceTypes, text.replace('    - screen_sharing\n', ''));
    const changed = await validate(dir, '--format', 'json');
    expect(changed.stdout).not.toContain(FORGED);
    expect(changed.code).toBe(1);
    expect(changed).toEqual(await validate(dir, '--format', 'json', '--no-cache'));

    await forge(dir);
    await writeFile(path.join(dir, 'svcpkg.config.yaml'), 'catalog: catalog\nmax_depth: 20\n');
    expect((await validate(dir)).stdout).not.toContain(FORGED);
  });

  it('ignores and repairs a missing, truncated, corrupt or foreign cache file', async () => {
    const dir = await hostileRepo();
    const reference = await validate(dir, '--format', 'json', '--no-cache');
    await validate(dir);
    const intact = await readFile(cacheFileOf(dir));
    const newline = intact.indexOf(0x0a);
    // One changed letter in a stored message: still a well-formed entry, so only the checksum tells.
    const flipped = Buffer.from(intact);
    const letter = flipped.indexOf('did you mean', newline);
    expect(letter).toBeGreaterThan(newline);
    flipped[letter] = 'D'.charCodeAt(0);
    const foreignKey = Buffer.concat([Buffer.from(intact.subarray(0, newline).toString('utf8').replace(/"key":"[^"]*"/, '"key":"other"')), intact.subarray(newline)]);
    const damaged: Record<string, Uint8Array | string> = {
      empty: '',
      truncated: intact.subarray(0, intact.length >> 1),
      'header only': intact.subarray(0, newline + 1),
      'not ours': 'PK\u0003\u0004 a zip file',
      'json garbage': '{"format":"svcpkg-check-cache/2","key":\n',
      'flipped byte': flipped,
      'foreign key': foreignKey,
      'another format': Buffer.from(intact.toString('latin1').replace('svcpkg-check-cache/2', 'svcpkg-check-cache/0'), 'latin1'),
    };
    for (const [name, bytes] of Object.entries(damaged)) {
      await writeFile(cacheFileOf(dir), bytes);
      expect(await validate(dir, '--format', 'json'), name).toEqual(reference);
      expect(await hits(dir), name).toBe(Object.keys(CORPUS).length + 5); // rewritten whole
    }
    // A folder where the file should be: nothing can be read or written, and nothing is said.
    await rm(cacheFileOf(dir));
    await mkdir(cacheFileOf(dir));
    expect(await validate(dir, '--format', 'json')).toEqual(reference);
    expect(await readdir(path.join(dir, '.svcpkg-cache'))).toEqual([ACROSS_CACHE_FILE, RESULT_CACHE_FILE, PACKAGES_CACHE_FILE]); // the temporary files are gone
  });

  it('skips writing silently when the cache folder cannot be created, and survives its deletion', async () => {
    const dir = await repo({ 'packages.d/a.yaml': VALID_PACKAGE.replace('max_rooms', 'max_room') });
    const reference = await validate(dir, '--no-cache');
    await writeFile(path.join(dir, '.svcpkg-cache'), 'a file, not a folder\n');
    expect(await validate(dir)).toEqual(reference);
    await rm(path.join(dir, '.svcpkg-cache'));
    expect(await validate(dir)).toEqual(reference);
    expect((await stat(cacheFileOf(dir))).isFile()).toBe(true);
    await rm(path.join(dir, '.svcpkg-cache'), { recursive: true });
    expect(await validate(dir)).toEqual(reference);
    expect(await hits(dir)).toBe(1);
    expect(await readdir(path.join(dir, '.svcpkg-cache'))).toEqual([ACROSS_CACHE_FILE, RESULT_CACHE_FILE, PACKAGES_CACHE_FILE]); // no temporary file left
  });

  it('with --no-cache neither reads nor writes it, in validate and compile', async () => {
    const dir = await repo({ 'packages.d/a.yaml': VALID_PACKAGE });
    expect((await validate(dir, '--no-cache')).code).toBe(0);
    expect((await runInProcess(['compile', '--no-cache'], { cwd: dir, env: LOCAL })).code).toBe(0);
    await expect(stat(path.join(dir, '.svcpkg-cache'))).rejects.toThrow();

    expect((await validate(dir)).code).toBe(0);
    await forge(dir);
    const forged = await readFile(cacheFileOf(dir));
    // An edit a cached run would store: --no-cache must neither see the forged entry nor store it.
    await writeFile(path.join(dir, 'packages.d/b.yaml'), VALID_PACKAGE.replace('meet-basic', 'meet-b').replace('Basic', 'B'));
    for (const command of ['validate', 'compile']) {
      const result = await runInProcess([command, '--no-cache'], { cwd: dir, env: LOCAL });
      expect(result.code, command).toBe(0);
      expect(result.stdout, command).not.toContain(FORGED);
      expect(await readFile(cacheFileOf(dir)), command).toEqual(forged);
    }
    const cached = await runInProcess(['compile'], { cwd: dir, env: LOCAL });
    expect(cached.stdout).toContain(FORGED); // compile reads the cache too…
    expect(cached.code).toBe(1);
    expect(await readFile(cacheFileOf(dir))).not.toEqual(forged); // …and stores b.yaml
  });

  it('is written but not read in CI and with --locked, unless --cache is given', async () => {
    // A forged cache file with a valid checksum that says broken YAML passes (issue 11).
    const dir = await repo({ 'packages.d/a.yaml': VALID_PACKAGE.replace('name: Basic', 'name: Basic\npirce: 3') });
    expect((await validate(dir)).code).toBe(1);
    const entries = await entriesOf(dir);
    for (const { result } of entries) result.diagnostics = [];
    writeCacheFile(cacheFileOf(dir), await keyOf(dir), entries);
    const forged = await readFile(cacheFileOf(dir));
    expect((await validate(dir)).code).toBe(0); // the forgery works where the cache is read

    const ci = { cwd: dir, env: { CI: 'true' } };
    for (const [args, options] of [
      [['validate'], ci],
      [['compile'], ci],
      [['validate', '--locked'], { cwd: dir, env: LOCAL }],
      [['compile', '--locked'], { cwd: dir, env: LOCAL }],
    ] as const) {
      writeCacheFile(cacheFileOf(dir), await keyOf(dir), entries);
      const result = await runInProcess([...args], options);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr + result.stdout, args.join(' ')).toContain('pirce');
      // Written all the same, with the true result: the next local run is right too.
      expect(await readFile(cacheFileOf(dir)), args.join(' ')).not.toEqual(forged);
    }
    writeCacheFile(cacheFileOf(dir), await keyOf(dir), entries);
    expect((await runInProcess(['validate', '--cache'], ci)).code).toBe(0);
    writeCacheFile(cacheFileOf(dir), await keyOf(dir), entries);
    // (It still fails: the lockfile has no ids for the package; but not on the forged-away key.)
    const locked = await runInProcess(['validate', '--locked', '--cache'], { cwd: dir, env: LOCAL });
    expect(locked.stderr + locked.stdout).not.toContain('pirce');
    writeCacheFile(cacheFileOf(dir), await keyOf(dir), entries);
    expect((await runInProcess(['validate'], { cwd: dir, env: { CI: 'false' } })).code).toBe(0);
  });

  it('holds entries for the files of the last run only', async () => {
    const dir = await repo({ 'packages.d/a.yaml': VALID_PACKAGE, 'packages.d/b.yaml': VALID_PACKAGE, 'packages.d/c.yaml': VALID_PACKAGE });
    await validate(dir);
    expect((await entriesOf(dir)).map((e) => e.result.file)).toEqual(['packages.d/a.yaml', 'packages.d/b.yaml', 'packages.d/c.yaml']);
    await rm(path.join(dir, 'packages.d/b.yaml'));
    await writeFile(path.join(dir, 'packages.d/c.yaml'), 'code: [\n');
    await validate(dir);
    expect((await entriesOf(dir)).map((e) => e.result.file)).toEqual(['packages.d/a.yaml', 'packages.d/c.yaml']);
    await rm(path.join(dir, 'packages.d/c.yaml'));
    const before = (await stat(cacheFileOf(dir))).mtimeMs;
    await validate(dir);
    expect((await entriesOf(dir)).map((e) => e.result.file)).toEqual(['packages.d/a.yaml']);
    // Nothing changed since: the file is not rewritten.
    const after = (await stat(cacheFileOf(dir))).mtimeMs;
    expect(after).not.toBe(before);
    await validate(dir);
    expect((await stat(cacheFileOf(dir))).mtimeMs).toBe(after);
  });

  it('is off for library calls unless cacheDir is given', async () => {
    const dir = await repo({ 'packages.d/a.yaml': VALID_PACKAGE });
    const result = await checkRepo({ paths: [path.join(dir, 'packages.d')], catalogDir: DEFAULT_CATALOG_DIR, cwd: dir });
    expect(result.fromCache).toBe(0);
    await expect(stat(path.join(dir, '.svcpkg-cache'))).rejects.toThrow();
    expect(await hits(dir)).toBe(0);
    expect(await hits(dir)).toBe(1);
  });
});
