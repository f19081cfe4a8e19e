// `validate --locked`: would `svcpkg compile --locked` pass? The lockfile must already hold the ids
// of every package, and record every removal, so a commit never leaves it behind (docs/compile.md#stable-identities-svcpkglockjson).
import { buildFromPackages, COMPILE_CODES, readLockfile, type LockfileSource } from '../compile/index.js';
import type { RepoCheck } from '../check/repo.js';
import { hasErrors } from '../diagnostics/collector.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { readStagedLockfile } from './staged-lockfile.js';

/** Where the lockfile comes from. */
export interface LockedCheckOptions {
  /** The lockfile path (absolute, or relative to `cwd`). */
  lockfile: string;
  /** Working directory. */
  cwd: string;
  /** Read it from the git index instead of the working tree. */
  staged: boolean;
}

/** The outcome of the locked check. */
export interface LockedCheck {
  /** Problems in the lockfile, and the changes it would need, as errors. */
  diagnostics: Diagnostic[];
  /** The lockfile text that was checked (the staged one under --staged), for code frames. */
  lockfile?: { file: string; text: string };
}

/**
 * The lockfile's problems, and the changes compile would have to make to it, as errors. Runs only
 * on a check without errors: reconciling ids of packages that failed their schema means nothing.
 */
export async function checkLocked(check: RepoCheck, options: LockedCheckOptions): Promise<LockedCheck> {
  if (!check.catalog || hasErrors(check.diagnostics)) return { diagnostics: [] };
  let lock: LockfileSource;
  let unstagedHint: string | undefined;
  if (options.staged) {
    const staged = await readStagedLockfile(options.lockfile, options.cwd);
    lock = staged.source;
    if (!staged.staged && staged.onDisk) unstagedHint = `${lock.file} exists but is not staged: \`git add ${lock.file}\``;
  } else {
    lock = await readLockfile(options.lockfile, options.cwd);
  }
  const lockfile = lock.text !== undefined ? { lockfile: { file: lock.file, text: lock.text } } : {};
  if (lock.diagnostics.length > 0) return { diagnostics: lock.diagnostics, ...lockfile };
  const build = buildFromPackages(check.catalog, check.packages, lock, { locked: true });
  const diagnostics = build.diagnostics.map((d) =>
    unstagedHint !== undefined && d.code === COMPILE_CODES.lockfileOutdated.code ? { ...d, hint: unstagedHint } : d,
  );
  return { diagnostics, ...lockfile };
}
