// Reading files of a git revision without checking it out: `rev-parse` to resolve it, `ls-tree`
// to list a folder, one `cat-file --batch` process for every blob.
import { execFile, spawn } from 'node:child_process';
import { IoError } from '../diagnostics/errors.js';

/** A file of a revision. */
export interface GitFile {
  /** Path from the repository root, `/`-separated. */
  readonly path: string;
  /** Blob id. */
  readonly blob: string;
}

/** Largest output read from a git command that is not a blob stream. */
const MAX_BUFFER = 64 * 1024 * 1024;

/** Run git in `cwd`; resolves with stdout, or null when git fails or is not installed. */
function git(cwd: string, args: readonly string[]): Promise<string | null> {
  return new Promise((resolve) => {
    execFile('git', [...args], { cwd, maxBuffer: MAX_BUFFER, encoding: 'utf8' }, (error, stdout) => {
      resolve(error ? null : stdout);
    });
  });
}

/** The commit id `revision` names in the repository around `cwd`, or null when it names none. */
export async function resolveCommit(cwd: string, revision: string): Promise<string | null> {
  // `--end-of-options` keeps a revision starting with `-` from being read as an option.
  const out = await git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]);
  const commit = out?.trim();
  return commit && /^[0-9a-f]{40,64}$/.test(commit) ? commit : null;
}

/** Where `cwd` sits in its work tree: `dir/sub/` (empty at the root). */
export async function workTreePrefix(cwd: string): Promise<string> {
  const out = await git(cwd, ['rev-parse', '--show-prefix']);
  if (out === null) throw new IoError(`cannot locate ${cwd} in its git work tree`);
  return out.trim();
}

/**
 * Regular files (and executables) under `folder` (a path from the repository root) at `commit`.
 * Symbolic links and submodules are left out: a revision's link cannot be checked against the
 * folder it would leave, so it is refused like a link out of the packages folder (docs/packages.md#broken-and-hostile-input).
 */
export async function listFiles(cwd: string, commit: string, folder: string): Promise<GitFile[]> {
  const out = await git(cwd, ['ls-tree', '-r', '-z', '--full-tree', commit, '--', folder === '' ? '.' : folder]);
  if (out === null) throw new IoError(`cannot list ${folder || 'the repository'} at ${commit}`);
  const files: GitFile[] = [];
  for (const entry of out.split('\0')) {
    // `<mode> SP <type> SP <object> TAB <path>`
    const match = /^(\d+) (\w+) ([0-9a-f]+)\t([\s\S]+)$/.exec(entry);
    if (!match) continue;
    const [, mode, type, blob, path] = match;
    if (type === 'blob' && (mode === '100644' || mode === '100755') && blob && path) files.push({ path, blob });
  }
  return files;
}

/** The contents of `blobs`, read through one `git cat-file --batch`. */
export function readBlobs(cwd: string, blobs: readonly string[]): Promise<Map<string, Buffer>> {
  const wanted = [...new Set(blobs)];
  if (wanted.length === 0) return Promise.resolve(new Map());
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', (error) => reject(new IoError(`cannot run git cat-file: ${error.message}`)));
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new IoError(`git cat-file failed: ${stderr.trim() || `exit ${code}`}`));
        return;
      }
      try {
        resolve(parseBatch(Buffer.concat(chunks), wanted));
      } catch (error) {
        reject(error);
      }
    });
    child.stdin.end(wanted.map((b) => `${b}\n`).join(''));
  });
}

/** Split `cat-file --batch` output: `<id> <type> <size>\n<bytes>\n` per requested object. */
function parseBatch(out: Buffer, wanted: readonly string[]): Map<string, Buffer> {
  const contents = new Map<string, Buffer>();
  let at = 0;
  for (const blob of wanted) {
    const eol = out.indexOf(0x0a, at);
    if (eol < 0) throw new IoError(`git cat-file ended early, before ${blob}`);
    const header = out.subarray(at, eol).toString('utf8').split(' ');
    if (header[1] === 'missing' || header.length !== 3) throw new IoError(`git object ${blob} is missing`);
    const size = Number(header[2]);
    contents.set(blob, out.subarray(eol + 1, eol + 1 + size));
    at = eol + 1 + size + 1;
  }
  return contents;
}
