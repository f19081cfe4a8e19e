// `svcpkg init`: writing the scaffold into a folder — all or nothing, never over an existing file.
import { lstat, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { findWorkTree } from './git.js';
import { installHook, type HookInstallAction, type HookOutcome } from './hook.js';
import type { ScaffoldFile } from './scaffold.js';

/** What `initRepository` did, or why it did nothing. */
export interface InitOutcome {
  /** Scaffold files that already exist: nothing was written. */
  conflicts: string[];
  /** Files created, relative to the folder. */
  created: string[];
  /** Existing files that received missing lines (.gitignore). */
  appended: string[];
  /** The pre-commit hook, when the folder is in a git working tree and the hook was wanted. */
  hook?: HookOutcome<HookInstallAction>;
}

/** Write `files` into `dir` (created if needed); refuse, writing nothing, when any `create` file exists. */
export async function initRepository(dir: string, files: readonly ScaffoldFile[], options: { hook: boolean }): Promise<InitOutcome> {
  const conflicts: string[] = [];
  for (const file of files) {
    if (file.kind === 'create' && (await exists(path.join(dir, file.path)))) conflicts.push(file.path);
  }
  if (conflicts.length > 0) return { conflicts, created: [], appended: [] };

  const created: string[] = [];
  const appended: string[] = [];
  for (const file of files) {
    const target = path.join(dir, ...file.path.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    if (file.kind === 'create') {
      // 'wx' fails rather than overwrite a file that appeared since the check.
      await writeFile(target, file.text, { flag: 'wx' });
      created.push(file.path);
      continue;
    }
    const current = await readIfExists(target);
    if (current === undefined) {
      await writeFile(target, file.text, { flag: 'wx' });
      created.push(file.path);
      continue;
    }
    const missing = missingLines(current, file.text);
    if (missing.length === 0) continue;
    const separator = current === '' || current.endsWith('\n') ? '' : '\n';
    await writeFile(target, current + separator + missing.join('\n') + '\n');
    appended.push(file.path);
  }

  const outcome: InitOutcome = { conflicts, created, appended };
  if (options.hook && (await findWorkTree(dir)) !== undefined) outcome.hook = await installHook(dir);
  return outcome;
}

/** The lines of `wanted` (comments aside) that `current` lacks; `out/` is also satisfied by `/out/` or `out`. */
function missingLines(current: string, wanted: string): string[] {
  const have = new Set(current.split(/\r?\n/).map((l) => l.trim().replace(/^\//, '').replace(/\/$/, '')));
  const lines = wanted.split('\n');
  const missing = lines.filter((l) => l.trim() !== '' && !l.startsWith('#') && !have.has(l.trim().replace(/^\//, '').replace(/\/$/, '')));
  if (missing.length === 0) return [];
  // Keep the comment that explains the lines we add.
  const comments = lines.filter((l) => l.startsWith('#'));
  return [...comments, ...missing];
}

async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch {
    return false;
  }
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
