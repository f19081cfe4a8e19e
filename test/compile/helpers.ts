// Shared helpers for the compile tests: fixture repos copied into temp folders, a CLI runner with
// captured output, a deterministic id minter, and file snapshots (bytes and mtimes).
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import { ACROSS_CACHE_FILE, PACKAGES_CACHE_FILE, RESULT_CACHE_FILE } from '../../src/check/cache-file.js';
import type { IdMinter } from '../../src/compile/index.js';
import { CACHE_DIR } from '../../src/compile/stamp.js';
import { tempFolder } from '../helpers/temp.js';

/** The fixture repos of test/compile/fixtures. */
export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** A temp copy of fixture `name` (removed after its test file, test/helpers/temp-cleanup.ts). */
export async function fixtureRepo(name: string): Promise<string> {
  const dir = await tempFolder(`compile-${name}`);
  await cp(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

/** A temp copy of fixture `name` for a whole suite: call `remove` in afterAll. */
export async function suiteRepo(name: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `svcpkg-compile-${name}-`));
  await cp(path.join(FIXTURES, name), dir, { recursive: true });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** An empty temp repo holding `files` (path → text), removed after its test file. */
export async function repoWith(files: Record<string, string>): Promise<string> {
  const dir = await tempFolder('compile');
  for (const [file, text] of Object.entries(files)) await put(dir, file, text);
  return dir;
}

/** Write a file inside a repo, creating folders. */
export async function put(dir: string, file: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
  await writeFile(path.join(dir, file), text);
}

/** The text of a file inside a repo. */
export function read(dir: string, file: string): Promise<string> {
  return readFile(path.join(dir, file), 'utf8');
}

/** What a CLI run printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the CLI in `cwd` with captured output. */
export async function runCli(cwd: string, ...args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    cwd,
    env: { NO_COLOR: '1' },
  });
  return { code, stdout, stderr };
}

/**
 * Every file under `dir` (relative paths, sorted) with its bytes and mtime: to prove nothing was
 * touched. The result cache (its three files) is left out: every check refreshes it, a failed one too (it holds
 * diagnostics, not outputs), and test/cli/cache.test.ts covers it. The compile stamp stays in.
 */
export async function snapshotTree(dir: string): Promise<Map<string, { text: string; mtimeMs: number }>> {
  const out = new Map<string, { text: string; mtimeMs: number }>();
  const walk = async (sub: string) => {
    for (const entry of await readdir(path.join(dir, sub), { withFileTypes: true })) {
      const rel = path.join(sub, entry.name);
      if ([RESULT_CACHE_FILE, PACKAGES_CACHE_FILE, ACROSS_CACHE_FILE].some((name) => rel === path.join(CACHE_DIR, name))) continue;
      if (entry.isDirectory()) await walk(rel);
      else out.set(rel, { text: await readFile(path.join(dir, rel), 'utf8'), mtimeMs: (await stat(path.join(dir, rel))).mtimeMs });
    }
  };
  await walk('');
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** A minter that counts: ids are distinct, well-formed and the same on every run. */
export function countingMinter(start = 1): IdMinter {
  let n = start;
  return {
    mint: () => {
      const i = n++;
      const digits = String(i).padStart(12, '0');
      return { id: `Test${digits}`, uuid: `aaaaaaaa-0000-4000-8000-${digits}`, ulid: `01J${String(i).padStart(23, '0')}` };
    },
  };
}

/** Lockfile entries by code. */
export async function lockEntries(dir: string): Promise<Record<string, { id: string; uuid: string; ulid: string; removed?: true; previous_codes?: string[] }>> {
  return (JSON.parse(await read(dir, 'svcpkg.lock.json')) as { packages: Record<string, never> }).packages;
}

/** Sleep so that a rewrite would show in mtimes. */
export const tick = () => new Promise((resolve) => setTimeout(resolve, 30));
