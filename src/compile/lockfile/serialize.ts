// The lockfile's one textual form: keys sorted at every level, 2-space indent, trailing newline.
import type { Lockfile } from '../../generated/lockfile.js';
import { sortKeysDeep } from '../sort-keys.js';

/** Version of svcpkg.lock.json's shape written by this svcpkg. */
export const LOCKFILE_FORMAT_VERSION = 1;

/** A lockfile with no entry. */
export function emptyLockfile(): Lockfile {
  return { format_version: LOCKFILE_FORMAT_VERSION, packages: {} };
}

/** The text of a lockfile: equal data always gives identical bytes (previous_codes keep their order). */
export function serializeLockfile(lockfile: Lockfile): string {
  return JSON.stringify(sortKeysDeep(lockfile), null, 2) + '\n';
}
