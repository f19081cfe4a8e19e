// The lockfile as staged in the git index, read with compile's own reader (`validate --staged --locked`).
import { access, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readLockfile, type LockfileSource } from '../compile/index.js';
import { displayPath } from '../source/discover.js';
import { readStagedFile } from './staged.js';

/** The staged lockfile, and whether the index holds one at all. */
export interface StagedLockfile {
  /** As compile reads it: missing from the index reads as an empty lockfile. */
  source: LockfileSource;
  /** False when the index has no lockfile. */
  staged: boolean;
  /** True when a lockfile exists in the working tree (staged or not). */
  onDisk: boolean;
}

/**
 * Read the staged lockfile. compile's reader works on files, so the staged bytes are written to a
 * private temporary folder under the same relative name as the real file: every message and
 * location then names the real lockfile.
 */
export async function readStagedLockfile(lockfile: string, cwd: string): Promise<StagedLockfile> {
  const absolute = path.resolve(cwd, lockfile);
  const display = displayPath(absolute, cwd);
  const onDisk = await access(absolute).then(
    () => true,
    () => false,
  );
  const bytes = await readStagedFile(absolute, cwd);
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'svcpkg-staged-'));
  try {
    const relative = path.isAbsolute(display) ? path.basename(absolute) : display;
    const copy = path.join(scratch, ...relative.split('/'));
    if (bytes !== undefined) {
      await mkdir(path.dirname(copy), { recursive: true });
      await writeFile(copy, bytes);
    }
    const read = await readLockfile(copy, scratch);
    return { source: renamed(read, read.file, display), staged: bytes !== undefined, onDisk };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** The source with its display name replaced (only needed when the lockfile is outside the working directory). */
function renamed(source: LockfileSource, from: string, to: string): LockfileSource {
  if (from === to) return source;
  const swap = (text: string) => text.split(from).join(to);
  return {
    ...source,
    file: to,
    locate: source.locate,
    diagnostics: source.diagnostics.map((d) => ({
      ...d,
      file: d.file === from ? to : d.file,
      message: swap(d.message),
      ...(d.hint !== undefined ? { hint: swap(d.hint) } : {}),
    })),
  };
}
