// The package files of a watch session, kept in memory between builds: each build finds the files
// again (cheap) but reads only those that changed — named by a watcher event, or with a different
// size, mtime or inode — so a save costs one read, not one per file (docs/architecture.md#performance-budgets: < 100 ms).
import { stat } from 'node:fs/promises';
import type { TextSource } from '../check/repo.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { discoverSources } from '../source/discover.js';
import { readSourceText, type ReadResult } from '../source/read.js';

/** The package files as of one build. */
export interface SourceSnapshot {
  /** Files with text, in discovery order (sorted by display path). */
  sources: TextSource[];
  /**
   * Problems finding or reading files: links leaving the folder, oversize or non-UTF-8 files, and a
   * root that does not exist (SP1015, fatal: nothing can be checked, like validate's exit 2).
   */
  diagnostics: Diagnostic[];
  /** How many files were read for this snapshot. */
  read: number;
}

interface KnownFile {
  display: string;
  signature: string;
  result: ReadResult;
}

/** The package files under some roots, re-read only when they change. */
export class PackageSources {
  private readonly known = new Map<string, KnownFile>();
  private dirty = new Set<string>();

  /** Force a re-read of `absolute` at the next snapshot (a watcher saw it change). */
  markDirty(absolute: string): void {
    this.dirty.add(absolute);
  }

  /** Forget everything (the size cap changed…). */
  clear(): void {
    this.known.clear();
  }

  /** Find the files under `roots` and bring the changed ones up to date. */
  async snapshot(roots: readonly string[], cwd: string, maxFileSize?: number): Promise<SourceSnapshot> {
    // Events that arrive while this snapshot is taken stay dirty for the next one.
    const dirty = this.dirty;
    this.dirty = new Set();
    const discovery = await discoverSources(roots, cwd);
    let read = 0;
    const results = await Promise.all(
      discovery.files.map(async ({ absolute, display }) => {
        const signature = await signatureOf(absolute);
        const previous = this.known.get(absolute);
        if (previous && previous.display === display && previous.signature === signature && !dirty.has(absolute)) return previous;
        read++;
        const entry: KnownFile = { display, signature, result: await readSourceText(absolute, display, maxFileSize) };
        this.known.set(absolute, entry);
        return entry;
      }),
    );
    const present = new Set(discovery.files.map((f) => f.absolute));
    for (const file of this.known.keys()) if (!present.has(file)) this.known.delete(file);

    const sources: TextSource[] = [];
    const diagnostics: Diagnostic[] = [...discovery.diagnostics];
    for (const { display, result } of results) {
      diagnostics.push(...result.diagnostics);
      if (result.text !== undefined) sources.push({ file: display, text: result.text });
    }
    return { sources, diagnostics, read };
  }
}

/** Size, modification time and inode: any save changes at least one of them. */
async function signatureOf(file: string): Promise<string> {
  try {
    const info = await stat(file, { bigint: true });
    return `${info.size}:${info.mtimeNs}:${info.ino}`;
  } catch {
    return 'unreadable';
  }
}
