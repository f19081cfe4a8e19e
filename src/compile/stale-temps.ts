// Removing what a killed compile left behind: the writer's temporaries (`.<name>.<pid>-<hex>.tmp`,
// see emit/write.ts) beside the lockfile and the manifests. Only those of a dead process go, and only
// under the compile lock, so no live writer ever loses its temporary.
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pidAlive } from './lockfile/advisory-lock.js';

/** The writer's temporary name for `target`'s base name: `.<base>.<pid>-<8 hex>.tmp`. */
const TEMP = /^\.(.+)\.(\d+)-[0-9a-f]{8}\.tmp$/;

/** The pid in a temporary's name when it is the writer's temporary of one of `bases`. */
export function tempOwner(name: string, bases: ReadonlySet<string>): number | undefined {
  const match = TEMP.exec(name);
  if (!match || !bases.has(match[1] as string)) return undefined;
  return Number(match[2]);
}

/** Delete the temporaries of `targets` (absolute paths) whose writing process is dead. Never throws. */
export async function removeStaleTemps(targets: readonly string[]): Promise<string[]> {
  const byDir = new Map<string, Set<string>>();
  for (const target of targets) {
    const dir = path.dirname(target);
    const bases = byDir.get(dir) ?? new Set<string>();
    bases.add(path.basename(target));
    byDir.set(dir, bases);
  }
  const removed: string[] = [];
  for (const [dir, bases] of byDir) {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const pid = tempOwner(name, bases);
      if (pid === undefined || pid === process.pid || pidAlive(pid)) continue;
      const file = path.join(dir, name);
      try {
        await rm(file, { force: true });
        removed.push(file);
      } catch {
        // Not ours to fight over: a later run tries again.
      }
    }
  }
  return removed;
}
