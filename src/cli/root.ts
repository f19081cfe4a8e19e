// Where the project is when svcpkg runs from a subfolder: the nearest folder above the working
// directory that holds the project's markers, the way git, eslint and prettier find theirs.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { CONFIG_FILE, LOCKFILE } from '../config/load.js';

/**
 * The project root for `cwd`, or undefined when no folder from `cwd` up holds a marker. Markers,
 * in priority order (the whole way up for each before the next, so that a lockfile kept beside a
 * nested packages folder does not hide the config file above it, see docs/decisions.md):
 * 1. `svcpkg.config.yaml`;
 * 2. `svcpkg.lock.json`;
 * 3. a `packages.d` folder beside a `package.json` or a `.git`.
 * The search stops at the top of the git repository holding `cwd`: a marker above it belongs to
 * another project.
 */
export async function findProjectRoot(cwd: string): Promise<string | undefined> {
  const folders = await foldersUp(path.resolve(cwd));
  for (const holds of [
    (dir: string) => isFile(path.join(dir, CONFIG_FILE)),
    (dir: string) => isFile(path.join(dir, LOCKFILE)),
    async (dir: string) =>
      (await isDirectory(path.join(dir, 'packages.d'))) && ((await isFile(path.join(dir, 'package.json'))) || (await exists(path.join(dir, '.git')))),
  ]) {
    for (const dir of folders) if (await holds(dir)) return dir;
  }
  return undefined;
}

/** `dir` and its parents, nearest first, up to the top of its git repository (or the filesystem's). */
async function foldersUp(dir: string): Promise<string[]> {
  const folders: string[] = [];
  for (let current = dir; ; current = path.dirname(current)) {
    folders.push(current);
    // `.git` is a folder in a clone, a file in a worktree or submodule: either ends the repository.
    if ((await exists(path.join(current, '.git'))) || path.dirname(current) === current) return folders;
  }
}

async function exists(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined)) !== undefined;
}

async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isFile() ?? false;
}

async function isDirectory(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isDirectory() ?? false;
}
