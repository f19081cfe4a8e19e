// Installing and removing the pre-commit hook in the repository's hooks folder, chaining any hook
// already there (docs/workflow.md#before-each-commit). The folder comes from `git rev-parse --git-path hooks`, which follows
// linked worktrees and `core.hooksPath`.
import { chmod, lstat, mkdir, readdir, realpath, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PACKAGE_ROOT } from '../assets.js';
import { IoError, UsageError } from '../diagnostics/errors.js';
import { DEFAULT_MAX_FILE_SIZE } from '../source/read.js';
import { readFileSafely } from '../source/safe-file.js';
import { findWorkTree, gitText } from './git.js';
import { CHAINED_HOOK_NAME, createdItsFolder, HOOK_NAME, isSvcpkgHook, renderHookScript } from './hook-script.js';

/** What `installHook` did. */
export type HookInstallAction = 'installed' | 'chained' | 'updated' | 'unchanged';
/** What `uninstallHook` did. */
export type HookUninstallAction = 'removed' | 'restored' | 'not-installed';

/** Where the hook lives and what happened to it. */
export interface HookOutcome<A> {
  /** What was done. */
  action: A;
  /** The hook file. */
  hookFile: string;
  /** The file holding the chained hook (exists after `chained`, gone after `restored`). */
  chainedFile: string;
}

/** Where a repository's pre-commit hook goes. */
export interface HookPlace {
  /** Top folder of the working tree. */
  workTree: string;
  /** git's hooks folder (core.hooksPath when set). */
  hooksDir: string;
  /** The pre-commit hook file. */
  hookFile: string;
  /** Where a replaced hook is kept. */
  chainedFile: string;
}

/** The hook files of the repository holding `cwd`. */
export async function locateHook(cwd: string): Promise<HookPlace> {
  const workTree = await findWorkTree(cwd);
  if (workTree === undefined) throw new UsageError(`${cwd} is not inside a git working tree: there is no hook to manage`);
  const hooksDir = await gitText(['rev-parse', '--path-format=absolute', '--git-path', 'hooks'], cwd);
  return {
    workTree,
    hooksDir,
    hookFile: path.join(hooksDir, HOOK_NAME),
    chainedFile: path.join(hooksDir, CHAINED_HOOK_NAME),
  };
}

/**
 * Install the hook for the svcpkg project in `projectDir` (the folder holding svcpkg.config.yaml).
 * An existing foreign hook is moved aside and run first; installing again changes nothing.
 */
export async function installHook(projectDir: string): Promise<HookOutcome<HookInstallAction>> {
  const place = await locateHook(projectDir);
  const { hookFile, chainedFile, hooksDir } = place;
  const existing = await readIfExists(hookFile);
  const fromTop = path.relative(await realpath(place.workTree), await realpath(projectDir));
  const script = (createdFolder: boolean) =>
    renderHookScript({
      projectDir: fromTop.split(path.sep).join('/'),
      binPath: path.join(PACKAGE_ROOT, 'bin', 'svcpkg.js'),
      nodePath: process.execPath,
      createdFolder,
    });
  const outcome = (action: HookInstallAction) => ({ action, hookFile, chainedFile });

  if (existing !== undefined && isSvcpkgHook(existing)) {
    const wanted = script(createdItsFolder(existing));
    if (wanted === existing) return outcome('unchanged');
    await writeExecutable(hookFile, wanted);
    return outcome('updated');
  }
  if (existing !== undefined) {
    if ((await readIfExists(chainedFile)) !== undefined) {
      throw new IoError(
        `${hookFile} is not svcpkg's hook, and ${chainedFile} already exists: move one of them away, then run \`svcpkg hook install\` again`,
      );
    }
    // rename keeps the hook's mode, owner and bytes exactly, so uninstall can restore it as it was.
    await rename(hookFile, chainedFile);
    await writeExecutable(hookFile, script(false));
    return outcome('chained');
  }
  const createdFolder = !(await isFolder(hooksDir));
  if (createdFolder) await mkdir(hooksDir, { recursive: true });
  await writeExecutable(hookFile, script(createdFolder));
  return outcome('installed');
}

/** Remove svcpkg's hook and put back the hook it chained, exactly as it was. */
export async function uninstallHook(projectDir: string): Promise<HookOutcome<HookUninstallAction>> {
  const { hookFile, chainedFile, hooksDir } = await locateHook(projectDir);
  const existing = await readIfExists(hookFile);
  const outcome = (action: HookUninstallAction) => ({ action, hookFile, chainedFile });
  if (existing === undefined || !isSvcpkgHook(existing)) return outcome('not-installed');
  await rm(hookFile);
  if (await exists(chainedFile)) {
    await rename(chainedFile, hookFile);
    return outcome('restored');
  }
  if (createdItsFolder(existing) && (await readdir(hooksDir)).length === 0) await rmdir(hooksDir);
  return outcome('removed');
}

/** Write a file through a temporary sibling and a rename, so git never runs half a hook. */
async function writeExecutable(file: string, text: string): Promise<void> {
  const temporary = `${file}.svcpkg-${process.pid}.tmp`;
  try {
    await writeFile(temporary, text, { mode: 0o755 });
    await chmod(temporary, 0o755); // the umask may have dropped the execute bits
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * A hook's current text, through the safe path: a FIFO or device is refused, never waited on. A
 * hook may link anywhere (hook managers link theirs), so no folder bounds it.
 */
async function readIfExists(file: string): Promise<string | undefined> {
  const read = readFileSafely(file, { maxBytes: DEFAULT_MAX_FILE_SIZE });
  if (read.ok) return read.bytes.toString('utf8');
  if (read.errno === 'ENOENT') {
    // A dangling symbolic link is still a hook somebody put there: treat it as existing.
    return (await exists(file)) ? '' : undefined;
  }
  throw new IoError(`cannot read ${file}: ${read.reason}`);
}

async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch {
    return false;
  }
}

async function isFolder(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory();
  } catch {
    return false;
  }
}
