// The advisory lock around lockfile read → plan → write (docs/decisions.md, "Compile and the
// lockfile"): two compiles (or `watch` and a compile) of one repository never mint ids at once.
// A file created with O_EXCL holds the owner's pid; a lock whose owner is dead, or that has not
// been refreshed for STALE_MS, is broken — under a second O_EXCL file, so two waiters never both do.
import { randomBytes } from 'node:crypto';
import { mkdir, open, stat, unlink, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { IoError } from '../../diagnostics/errors.js';
import { readFileSafely } from '../../source/safe-file.js';

/** How long a second writer waits for the first before giving up with exit 2. */
export const LOCK_WAIT_MS = 10_000;
/** A lock not refreshed for this long is stale even when its pid seems alive (pid reuse, another host). */
export const LOCK_STALE_MS = 30_000;
const HEARTBEAT_MS = 5_000;
const POLL_MS = 50;
/** Largest lock file read: it holds one small JSON owner record. */
const OWNER_MAX_BYTES = 64 * 1024;

/** What the lock file holds. */
interface LockOwner {
  pid: number;
  host: string;
  nonce: string;
  since: string;
}

/** A held lock. */
export interface HeldLock {
  /** Remove the lock file (only if it is still ours). Never throws. */
  release(): Promise<void>;
}

/** The lock file of a compile writing `lockfile`: a hidden sibling, never committed. */
export function advisoryLockPath(lockfile: string): string {
  return path.join(path.dirname(lockfile), `.${path.basename(lockfile)}.lock`);
}

/** Options of `acquireCompileLock` (tests shorten the wait). */
export interface LockOptions {
  waitMs?: number;
  staleMs?: number;
}

/**
 * Take the compile lock of `lockfile`, waiting up to `waitMs` for another svcpkg to finish.
 * Throws IoError (exit 2) naming the holder when it does not.
 */
export async function acquireCompileLock(lockfile: string, options: LockOptions = {}): Promise<HeldLock> {
  const file = advisoryLockPath(lockfile);
  const waitMs = options.waitMs ?? LOCK_WAIT_MS;
  const staleMs = options.staleMs ?? LOCK_STALE_MS;
  const me: LockOwner = { pid: process.pid, host: os.hostname(), nonce: randomBytes(8).toString('hex'), since: new Date().toISOString() };
  const deadline = Date.now() + waitMs;
  let holder: LockOwner | undefined;
  for (;;) {
    if (await tryCreate(file, JSON.stringify(me) + '\n')) return hold(file, me);
    const seen = await readOwner(file);
    if (seen === 'gone') continue;
    holder = seen;
    if (await isStale(file, seen, staleMs)) {
      await breakStale(file, seen, staleMs);
      continue;
    }
    if (Date.now() >= deadline) break;
    // Jitter so that many waiters do not poll in step.
    await sleep(POLL_MS + Math.floor(Math.random() * POLL_MS));
  }
  const who = holder ? ` (pid ${holder.pid}${holder.host !== me.host ? ` on ${holder.host}` : ''})` : '';
  throw new IoError(`another svcpkg is compiling this repository${who}; waited ${Math.round(waitMs / 1000)} s. If no svcpkg is running, delete ${file}`);
}

/** Create the lock file with O_EXCL; false when it exists. */
async function tryCreate(file: string, content: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'wx', 0o644);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // The lockfile's folder does not exist yet: the writer would create it anyway.
    if (code === 'ENOENT') {
      await mkdir(path.dirname(file), { recursive: true }).catch(() => undefined);
      try {
        handle = await open(file, 'wx', 0o644);
      } catch (again) {
        if ((again as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw new IoError(`cannot create the compile lock ${file} (${(again as NodeJS.ErrnoException).code ?? String(again)})`);
      }
    } else throw new IoError(`cannot create the compile lock ${file} (${code ?? String(error)})`);
  }
  try {
    await handle.writeFile(content);
  } finally {
    await handle.close();
  }
  return true;
}

/** The owner recorded in the lock file; 'gone' when it vanished; undefined when unreadable (being written). */
async function readOwner(file: string): Promise<LockOwner | 'gone' | undefined> {
  try {
    // The safe path: a lock file planted as a FIFO or a link must not block or leak (it is then unreadable).
    const read = readFileSafely(file, { maxBytes: OWNER_MAX_BYTES, root: path.dirname(file) });
    if (!read.ok) return read.errno === 'ENOENT' ? 'gone' : undefined;
    const parsed = JSON.parse(read.bytes.toString('utf8')) as Partial<LockOwner> | null;
    if (parsed && typeof parsed.pid === 'number' && typeof parsed.nonce === 'string') {
      return { pid: parsed.pid, host: String(parsed.host ?? ''), nonce: parsed.nonce, since: String(parsed.since ?? '') };
    }
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'gone' : undefined;
  }
}

/** Stale: its owner (on this host) is dead, or it was not refreshed for `staleMs`. */
async function isStale(file: string, owner: LockOwner | undefined, staleMs: number): Promise<boolean> {
  if (owner && owner.host === os.hostname() && owner.pid !== process.pid && !pidAlive(owner.pid)) return true;
  try {
    return Date.now() - (await stat(file)).mtimeMs > staleMs;
  } catch {
    return false;
  }
}

/**
 * Remove a stale lock. Only the holder of `<lock>.break` (O_EXCL) may, and only after seeing the
 * same stale owner again: a waiter that read the stale lock just before another waiter replaced
 * it must not delete the new, live lock.
 */
async function breakStale(file: string, seen: LockOwner | undefined, staleMs: number): Promise<void> {
  const breaker = `${file}.break`;
  if (!(await tryCreate(breaker, `${process.pid}\n`))) {
    // A breaker killed mid-break leaves its file: it takes milliseconds, so an old one is stale.
    if (await isStale(breaker, undefined, Math.min(staleMs, 5_000))) await unlink(breaker).catch(() => undefined);
    await sleep(POLL_MS);
    return;
  }
  try {
    const again = await readOwner(file);
    if (again === 'gone') return;
    const same = again === undefined ? seen === undefined : seen !== undefined && again.nonce === seen.nonce;
    if (same && (await isStale(file, again, staleMs))) await unlink(file).catch(() => undefined);
  } finally {
    await unlink(breaker).catch(() => undefined);
  }
}

/** Hold the lock: refresh its mtime while held (long compiles, `watch`), remove it on release. */
function hold(file: string, me: LockOwner): HeldLock {
  const beat = setInterval(() => {
    const now = new Date();
    utimes(file, now, now).catch(() => undefined);
  }, HEARTBEAT_MS);
  beat.unref();
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      clearInterval(beat);
      const owner = await readOwner(file);
      if (owner !== 'gone' && owner?.nonce === me.nonce) await unlink(file).catch(() => undefined);
    },
  };
}

/** True when a process with this pid exists (EPERM: it exists, owned by someone else). */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
