// The compile stamp (.svcpkg-cache/compile.json, safe to delete): when the inputs, the svcpkg
// version and the outputs on disk are exactly what the last compile wrote, rendering and comparing
// the outputs again is skipped. For 10,000 packages that is 200 MB of JSON and TypeScript.
import { mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MAX_MACHINE_FILE_SIZE, readFileSafely } from '../source/safe-file.js';
import { VERSION } from '../version.js';

/** Folder of svcpkg's caches, beside the lockfile; never committed, always safe to delete. */
export const CACHE_DIR = '.svcpkg-cache';

/** What the last successful compile wrote. */
interface Stamp {
  version: string;
  inputs_hash: string;
  outputs: { path: string; size: number; mtime_ms: number }[];
}

/**
 * The stamp is only a cache: anything that is not exactly the shape `writeStamp` writes (`null`,
 * a right hash without `outputs`, wrong types) is ignored and the compile renders in full.
 */
function isStamp(value: unknown): value is Stamp {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  if (typeof record.version !== 'string' || typeof record.inputs_hash !== 'string') return false;
  const outputs = record.outputs;
  return (
    Array.isArray(outputs) &&
    outputs.every((entry: unknown) => {
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return false;
      const output = entry as Record<string, unknown>;
      return (
        typeof output.path === 'string' &&
        typeof output.size === 'number' &&
        Number.isFinite(output.size) &&
        typeof output.mtime_ms === 'number' &&
        Number.isFinite(output.mtime_ms)
      );
    })
  );
}

/** Where the stamp of a compile writing next to `lockfile` lives. */
export function stampPath(lockfile: string): string {
  return path.join(path.dirname(lockfile), CACHE_DIR, 'compile.json');
}

/** True when `outputs` are exactly what a compile of `inputsHash` by this svcpkg wrote last. */
export function outputsUpToDate(stampFile: string, inputsHash: string, outputs: readonly string[]): boolean {
  let stamp: Stamp;
  try {
    // The safe path: a stamp that is a FIFO, a device or a link out of its folder counts as absent.
    const read = readFileSafely(stampFile, { maxBytes: MAX_MACHINE_FILE_SIZE, root: path.dirname(stampFile) });
    if (!read.ok) return false;
    const parsed: unknown = JSON.parse(read.bytes.toString('utf8'));
    if (!isStamp(parsed)) return false;
    stamp = parsed;
  } catch {
    return false;
  }
  if (stamp.version !== VERSION || stamp.inputs_hash !== inputsHash) return false;
  if (stamp.outputs.length !== outputs.length) return false;
  return outputs.every((file, i) => {
    const recorded = stamp.outputs[i];
    if (!recorded || recorded.path !== file) return false;
    try {
      const info = statSync(file);
      return info.size === recorded.size && info.mtimeMs === recorded.mtime_ms;
    } catch {
      return false;
    }
  });
}

/** Record what a compile wrote. A stamp that cannot be written only costs speed next time. */
export function writeStamp(stampFile: string, inputsHash: string, outputs: readonly string[]): void {
  try {
    const stamp: Stamp = {
      version: VERSION,
      inputs_hash: inputsHash,
      outputs: outputs.map((file) => {
        const info = statSync(file);
        return { path: file, size: info.size, mtime_ms: info.mtimeMs };
      }),
    };
    mkdirSync(path.dirname(stampFile), { recursive: true });
    const temporary = `${stampFile}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(stamp, null, 2) + '\n');
    renameSync(temporary, stampFile);
  } catch {
    // A read-only repository, a vanished output: the next compile simply renders again.
  }
}
