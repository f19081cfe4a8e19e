// The one way svcpkg opens an input file: look before opening (regular files only, inside the
// input folder, under the size cap), then read it once. See docs/decisions.md ("untrusted input").
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { IoError } from '../diagnostics/errors.js';

/** Why a file was not read. */
export type RefusalKind = 'tooLarge' | 'symlinkOutside' | 'notRegular' | 'unreadable';

/** Why a file was not read: the kind, a sentence for people, and the error code when the system gave one. */
export interface Refusal {
  ok: false;
  kind: RefusalKind;
  reason: string;
  size?: number;
  /** The system's error code (`ENOENT`…) for an `unreadable` file. */
  errno?: string;
}

/** The bytes of a file, or why there are none. */
export type SafeRead = { ok: true; bytes: Buffer } | Refusal;

/** A file opened for reading (the caller closes `fd`), or why it was not. */
export type SafeOpen = { ok: true; fd: number; size: number } | Refusal;

/**
 * Largest file svcpkg wrote itself and reads back (lockfile, manifest, result cache, stamp): far
 * above any real one, low enough that a forged or swapped file cannot exhaust memory.
 */
export const MAX_MACHINE_FILE_SIZE = 256 * 1024 * 1024;

/** Where a file may be read from, and how much of it. */
export interface SafeReadOptions {
  /** Largest size read, in bytes; at most this plus one byte is ever read. */
  maxBytes: number;
  /** The input folder: a link whose target resolves outside it is refused. */
  root?: string | undefined;
}

// O_NOFOLLOW: the path checked with lstat must not turn into a link before open. O_NONBLOCK: if a
// FIFO is swapped in after the check, open returns at once instead of waiting for a writer.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** True when `inner` is `outer` or below it (both absolute, real paths). */
export function isInside(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** A short name for what a non-regular file is, for messages. */
function kindOf(info: Stats): string {
  if (info.isFIFO()) return 'a FIFO';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  if (info.isDirectory()) return 'a folder';
  return 'not a regular file';
}

function errnoOf(error: unknown): string {
  return error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : String(error);
}

/**
 * Open a file safely, for a reader that streams it (usage events) or reads it whole
 * (`readFileSafely`): lstat before open, regular files only, never a link out of `root`, never
 * blocking on a FIFO, and the file opened is the file checked. `maxBytes` may be Infinity.
 */
export function openFileSafely(absolute: string, options: SafeReadOptions): SafeOpen {
  let target = absolute;
  let info: Stats;
  try {
    info = lstatSync(absolute);
    if (info.isSymbolicLink()) {
      target = realpathSync(absolute);
      if (options.root !== undefined && !isInside(target, realpathSync(options.root))) {
        return { ok: false, kind: 'symlinkOutside', reason: `symbolic link to ${target}, outside the input folder: not followed` };
      }
      info = statSync(target);
    }
  } catch (error) {
    return unreadable(error);
  }
  if (!info.isFile()) return { ok: false, kind: 'notRegular', reason: `${kindOf(info)}, not a regular file: not read` };
  if (info.size > options.maxBytes) return tooLarge(info.size, options.maxBytes);

  let fd: number | undefined;
  try {
    fd = openSync(target, OPEN_FLAGS);
    const opened = fstatSync(fd);
    // The file checked must be the file opened (it may have been replaced in between).
    if (!opened.isFile() || opened.ino !== info.ino || opened.dev !== info.dev) {
      closeSync(fd);
      return { ok: false, kind: 'unreadable', reason: 'cannot read the file (it changed while being read)' };
    }
    return { ok: true, fd, size: opened.size };
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    return unreadable(error);
  }
}

/**
 * Read a file safely. Never throws, never blocks on a FIFO, never reads a device, never reads more
 * than `maxBytes + 1` bytes, and never follows a link out of `root`.
 */
export function readFileSafely(absolute: string, options: SafeReadOptions): SafeRead {
  const opened = openFileSafely(absolute, options);
  if (!opened.ok) return opened;
  const fd = opened.fd;
  try {
    const bytes = Buffer.allocUnsafe(Math.min(opened.size, options.maxBytes) + 1);
    let length = 0;
    while (length < bytes.length) {
      const read = readSync(fd, bytes, length, bytes.length - length, length);
      if (read === 0) break;
      length += read;
    }
    // The file grew past the cap after the check: refuse it like a file that was too large.
    if (length > options.maxBytes) return tooLarge(length, options.maxBytes);
    return { ok: true, bytes: bytes.subarray(0, length) };
  } catch (error) {
    return unreadable(error);
  } finally {
    closeSync(fd);
  }
}

function unreadable(error: unknown): Refusal {
  const errno = errnoOf(error);
  return { ok: false, kind: 'unreadable', reason: `cannot read the file (${errno})`, errno };
}

function tooLarge(size: number, maxBytes: number): Refusal {
  return { ok: false, kind: 'tooLarge', reason: `file is ${size} bytes, above the ${maxBytes}-byte cap`, size };
}

/**
 * Refuse an input root (the packages or catalog folder) that is itself a symbolic link leaving
 * the repository: following it would read, and print, files the repository does not hold.
 */
export function assertRootInRepository(root: string, repository: string, display: string): void {
  let info: Stats;
  try {
    info = lstatSync(root);
  } catch {
    return; // a missing root is reported by its reader
  }
  if (!info.isSymbolicLink()) return;
  let real: string;
  let repoReal: string;
  try {
    real = realpathSync(root);
    repoReal = realpathSync(repository);
  } catch {
    return; // a broken link is reported by its reader
  }
  if (!isInside(real, repoReal)) {
    throw new IoError(`${display} is a symbolic link to ${real}, outside the repository: refused (point it inside the repository, or name the real folder)`);
  }
}
