// Writing outputs safely (docs/compile.md#the-manifest): each file goes to a temporary file in its own folder, then
// every temporary is renamed over its target. Files whose bytes are unchanged are not touched, and
// on any failure the temporaries are removed, so no partial file is ever left behind.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import path from 'node:path';
import { IoError } from '../../diagnostics/errors.js';
import { MAX_MACHINE_FILE_SIZE, readFileSafely } from '../../source/safe-file.js';

/** A file to write. */
export interface OutputFile {
  /** Absolute path. */
  path: string;
  /** Path shown to people. */
  display: string;
  /** Its new content. */
  content: string;
}

/** What happened to one output. */
export interface WrittenFile {
  /** Absolute path. */
  path: string;
  /** Path shown to people. */
  display: string;
  /** False when the file already had these bytes and was left alone. */
  changed: boolean;
}

/** The file operations the writer needs (tests inject failures). */
export interface WriterFs {
  /** The current bytes of a file (rejects with ENOENT when there is none). */
  readFile(file: string): Promise<Uint8Array>;
  /** Create a folder and its parents. */
  mkdir(dir: string): Promise<void>;
  /** Create `file` (which must not exist) with `data`, flushed to disk. */
  writeNew(file: string, data: Uint8Array): Promise<void>;
  /** Replace `to` with `from` atomically. */
  rename(from: string, to: string): Promise<void>;
  /** Delete a file if it exists. */
  remove(file: string): Promise<void>;
}

/** The real file system. */
export const nodeWriterFs: WriterFs = {
  // The safe path: an output that is a FIFO, a device or a link out of its folder is never read or
  // waited on; it counts as absent, and the rename then replaces the entry itself, not its target.
  readFile: async (file) => {
    const read = readFileSafely(file, { maxBytes: MAX_MACHINE_FILE_SIZE, root: path.dirname(file) });
    if (read.ok) return read.bytes;
    const absent = read.kind !== 'unreadable' || read.errno === 'ENOENT' || read.errno === 'ENOTDIR';
    throw Object.assign(new Error(`${file}: ${read.reason}`), { code: absent ? 'ENOENT' : read.errno });
  },
  mkdir: async (dir) => {
    await fs.mkdir(dir, { recursive: true });
  },
  writeNew: async (file, data) => {
    const handle = await fs.open(file, 'wx', 0o666);
    try {
      await handle.writeFile(data);
      // Flush before the rename: after a crash the target is either the old or the new file, never empty.
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename: (from, to) => fs.rename(from, to),
  remove: (file) => fs.rm(file, { force: true }),
};

/**
 * Write `files` all-or-nothing as far as the file system allows: every temporary is written first;
 * only then are they renamed, in the order given. Throws IoError naming the file that failed.
 */
export async function writeFilesAtomically(files: readonly OutputFile[], fsOps: WriterFs = nodeWriterFs): Promise<WrittenFile[]> {
  const results: WrittenFile[] = [];
  const staged: { temp: string; file: OutputFile }[] = [];
  const cleanUp = async () => {
    for (const { temp } of staged) await fsOps.remove(temp).catch(() => undefined);
  };
  try {
    for (const file of files) {
      const bytes = Buffer.from(file.content, 'utf8');
      const current = await readIfExists(fsOps, file);
      if (current !== undefined && Buffer.compare(Buffer.from(current), bytes) === 0) {
        results.push({ path: file.path, display: file.display, changed: false });
        continue;
      }
      const dir = path.dirname(file.path);
      const temp = path.join(dir, `.${path.basename(file.path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
      await attempt(() => fsOps.mkdir(dir), `cannot create the folder of ${file.display}`);
      await attempt(() => fsOps.writeNew(temp, bytes), `cannot write ${file.display}`, () => staged.push({ temp, file }));
      results.push({ path: file.path, display: file.display, changed: true });
    }
    while (staged.length > 0) {
      const next = staged[0]!;
      await attempt(() => fsOps.rename(next.temp, next.file.path), `cannot replace ${next.file.display}`);
      staged.shift();
    }
    return results;
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

async function readIfExists(fsOps: WriterFs, file: OutputFile): Promise<Uint8Array | undefined> {
  try {
    return await fsOps.readFile(file.path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new IoError(`cannot read ${file.display} (${code ?? String(error)})`);
  }
}

/** Run `operation`, turning a failure into an IoError; `onStart` runs first (to register cleanup). */
async function attempt(operation: () => Promise<void>, what: string, onStart?: () => void): Promise<void> {
  onStart?.();
  try {
    await operation();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new IoError(`${what} (${code ?? (error instanceof Error ? error.message : String(error))})`);
  }
}
