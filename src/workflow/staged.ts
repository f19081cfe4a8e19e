// Reading package files from the git index instead of the working tree (`validate --staged`): what a
// commit would contain — a fixed-but-unstaged file still fails, a staged deletion is gone.
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { TextSource } from '../check/repo.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { FILE_START } from '../diagnostics/diagnostic.js';
import { diagnosticOf } from '../diagnostics/collector.js';
import { IoError, UsageError } from '../diagnostics/errors.js';
import { SOURCE_CODES } from '../source/codes.js';
import { displayPath } from '../source/discover.js';
import { DEFAULT_MAX_FILE_SIZE, decodeSourceBytes } from '../source/read.js';
import { WORKFLOW_CODES } from './codes.js';
import { findWorkTree, runGit } from './git.js';

/** The staged package files under some roots. */
export interface StagedSources {
  /** The git working tree's top folder (real path). */
  workTree: string;
  /** YAML files as staged, sorted by display path. */
  sources: TextSource[];
  /** Staged files that are not YAML (listed with `--verbose`). */
  ignored: string[];
  /** Problems: unmerged entries, oversize or non-UTF-8 content, links leaving the folder. */
  diagnostics: Diagnostic[];
  /**
   * Display paths of staged YAML files whose working-tree copy differs from the index: when one of
   * them fails, the user may have fixed it without `git add` (docs/workflow.md).
   */
  differFromWorkTree: string[];
}

/** Where staged files are looked for, and how they are shown. */
export interface StagedReadOptions {
  /** Folders or files (absolute, or relative to `cwd`) holding packages. */
  roots: readonly string[];
  /** Working directory: display paths are relative to it. */
  cwd: string;
  /** Largest file read, in bytes. */
  maxFileSize?: number;
}

/** One entry of `git ls-files -s`. */
interface IndexEntry {
  mode: string;
  oid: string;
  stage: number;
  /** Path from the working tree's top, `/`-separated. */
  file: string;
}

const YAML_FILE = /\.ya?ml$/i;
const SYMLINK_MODE = '120000';
const GITLINK_MODE = '160000';

/** Read the package files under `roots` as they are in the index (honours GIT_INDEX_FILE inside hooks). */
export async function readStagedSources(options: StagedReadOptions): Promise<StagedSources> {
  const { workTree, realCwd, relative } = await locateInWorkTree(options.cwd, options.roots);
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const show = (file: string) => displayPath(path.join(workTree, ...file.split('/')), realCwd);
  const diagnostics: Diagnostic[] = [];
  const ignored: string[] = [];

  const entries = await listIndex(workTree, relative);
  const indexed = new Set(entries.filter((e) => e.mode !== SYMLINK_MODE).map((e) => e.file));
  const regular: IndexEntry[] = [];
  const links: IndexEntry[] = [];
  const unmerged = new Set<string>();
  for (const entry of entries) {
    const root = relative.find((r) => r === '' || entry.file === r || entry.file.startsWith(r + '/'));
    if (root === undefined || entry.mode === GITLINK_MODE) continue;
    // Like the working-tree discovery: hidden folders and node_modules are never package folders.
    const folders = entry.file
      .slice(root === '' ? 0 : root.length + 1)
      .split('/')
      .slice(0, -1);
    if (folders.some((f) => f.startsWith('.') || f === 'node_modules')) continue;
    if (!YAML_FILE.test(entry.file)) {
      ignored.push(show(entry.file));
    } else if (entry.stage !== 0) {
      if (!unmerged.has(entry.file)) diagnostics.push(unmergedDiagnostic(show(entry.file)));
      unmerged.add(entry.file);
    } else if (entry.mode === SYMLINK_MODE) {
      links.push(entry);
    } else {
      regular.push(entry);
    }
  }

  const blobs = await readBlobs(
    workTree,
    [...regular, ...links].map((e) => e.oid),
    maxFileSize,
  );
  const sources: TextSource[] = [];
  for (const entry of regular) {
    const file = show(entry.file);
    const blob = blobs.get(entry.oid);
    if (blob === undefined) continue;
    if (typeof blob === 'number') {
      diagnostics.push(tooLargeDiagnostic(file, blob, maxFileSize));
      continue;
    }
    const decoded = decodeSourceBytes(blob, file);
    diagnostics.push(...decoded.diagnostics);
    if (decoded.text !== undefined) sources.push({ file, text: decoded.text });
  }
  for (const entry of links) {
    const blob = blobs.get(entry.oid);
    if (!(blob instanceof Buffer)) continue;
    const problem = checkStagedLink(entry.file, blob.toString('utf8'), relative, indexed, show);
    if (problem) diagnostics.push(problem);
  }
  sources.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const differFromWorkTree = (await listUnstagedChanges(workTree, relative)).filter((f) => YAML_FILE.test(f)).map(show).sort();
  return { workTree, sources, ignored: ignored.sort(), diagnostics, differFromWorkTree };
}

/** Files under the roots whose working-tree content differs from the index (`git diff --name-only`). */
async function listUnstagedChanges(workTree: string, relative: readonly string[]): Promise<string[]> {
  const pathspecs = relative.map((r) => (r === '' ? '.' : r));
  const result = await runGit(['--literal-pathspecs', 'diff', '--name-only', '--no-renames', '-z', '--', ...pathspecs], workTree);
  // Only a hint depends on it: a git that cannot say costs the hint, not the check.
  if (result.status !== 0) return [];
  return result.stdout.toString('utf8').split('\0').filter((f) => f !== '');
}

/**
 * The staged content of one file (the lockfile), or undefined when the index does not hold it.
 * `file` is absolute or relative to `cwd`.
 */
export async function readStagedFile(file: string, cwd: string): Promise<Buffer | undefined> {
  const { workTree, relative } = await locateInWorkTree(cwd, [file]);
  const result = await runGit(['cat-file', 'blob', `:${relative[0] ?? ''}`], workTree);
  return result.status === 0 ? result.stdout : undefined;
}

/** The work tree holding `cwd`, and each root as a `/`-separated path from its top ('' for the top). */
async function locateInWorkTree(cwd: string, roots: readonly string[]): Promise<{ workTree: string; realCwd: string; relative: string[] }> {
  const top = await findWorkTree(cwd);
  if (top === undefined) throw new UsageError(`--staged reads the git index, but ${cwd} is not inside a git working tree`);
  const workTree = await realpath(top);
  const realCwd = await realpath(cwd);
  const relative = roots.map((root) => {
    // Resolve against the real cwd so that /tmp vs /private/tmp style links do not matter.
    const absolute = path.resolve(realCwd, path.relative(cwd, path.resolve(cwd, root)));
    const fromTop = path.relative(workTree, absolute);
    if (fromTop.startsWith('..') || path.isAbsolute(fromTop)) {
      throw new UsageError(`--staged: ${root} is outside the git working tree ${workTree}`);
    }
    return fromTop.split(path.sep).join('/');
  });
  return { workTree, realCwd, relative };
}

/** Every index entry under the given paths (all stages, so conflicts are seen). */
async function listIndex(workTree: string, relative: readonly string[]): Promise<IndexEntry[]> {
  const pathspecs = relative.map((r) => (r === '' ? '.' : r));
  const result = await runGit(['--literal-pathspecs', 'ls-files', '--stage', '-z', '--', ...pathspecs], workTree);
  if (result.status !== 0) throw new IoError(`git ls-files failed in ${workTree}: ${result.stderr.trim()}`);
  const entries: IndexEntry[] = [];
  for (const record of result.stdout.toString('utf8').split('\0')) {
    const match = /^(\d{6}) ([0-9a-f]+) (\d)\t(.*)$/s.exec(record);
    if (!match) continue;
    entries.push({ mode: match[1] ?? '', oid: match[2] ?? '', stage: Number(match[3]), file: match[4] ?? '' });
  }
  return entries;
}

/**
 * Blob contents by object id through one `git cat-file --batch`; a blob above the size cap is
 * given as its size instead (checked with `--batch-check` first, so it is never loaded).
 */
async function readBlobs(workTree: string, oids: readonly string[], maxFileSize: number): Promise<Map<string, Buffer | number>> {
  const blobs = new Map<string, Buffer | number>();
  const unique = [...new Set(oids)];
  if (unique.length === 0) return blobs;
  const check = await runGit(['cat-file', '--batch-check'], workTree, unique.join('\n') + '\n');
  const wanted: string[] = [];
  for (const line of check.stdout.toString('utf8').split('\n')) {
    const [oid, type, size] = line.split(' ');
    if (oid === undefined || type !== 'blob' || size === undefined) continue;
    if (Number(size) > maxFileSize) blobs.set(oid, Number(size));
    else wanted.push(oid);
  }
  if (wanted.length === 0) return blobs;
  const batch = await runGit(['cat-file', '--batch'], workTree, wanted.join('\n') + '\n');
  const out = batch.stdout;
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(0x0a, at);
    if (eol < 0) break;
    const [oid, type, size] = out.subarray(at, eol).toString('utf8').split(' ');
    at = eol + 1;
    if (oid === undefined || type === 'missing' || size === undefined) continue;
    const length = Number(size);
    blobs.set(oid, out.subarray(at, at + length));
    at += length + 1; // the content is followed by a newline
  }
  return blobs;
}

/**
 * A staged symbolic link: its content is the target. A link to a file inside the packages folder is
 * checked under the target's own name; one that leaves the folder, or points at nothing staged, is
 * refused like on disk.
 */
function checkStagedLink(
  file: string,
  target: string,
  roots: readonly string[],
  indexed: ReadonlySet<string>,
  show: (file: string) => string,
): Diagnostic | undefined {
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), target));
  const inside = !path.posix.isAbsolute(target) && roots.some((r) => r === '' || resolved.startsWith(r + '/'));
  if (inside && indexed.has(resolved)) return undefined;
  const place = { ...FILE_START, file: show(file), path: '' };
  if (inside) {
    return diagnosticOf(SOURCE_CODES.unreadable, place, `cannot read ${show(file)} (staged symbolic link to ${target}, which is not staged)`, {
      hint: 'stage the link target too (`git add`)',
    });
  }
  return diagnosticOf(SOURCE_CODES.symlinkOutside, place, `symbolic link to ${target}, outside the input folder: not followed`, {
    hint: 'copy the file into the packages folder, or point the link inside it',
  });
}

function unmergedDiagnostic(file: string): Diagnostic {
  return diagnosticOf(
    WORKFLOW_CODES.unmergedEntry,
    { ...FILE_START, file, path: '' },
    'the file is unmerged in the index (a conflict is not resolved), so there is no staged version to check',
    { hint: 'resolve the conflict, then `git add` the file' },
  );
}

function tooLargeDiagnostic(file: string, size: number, maxBytes: number): Diagnostic {
  return diagnosticOf(SOURCE_CODES.tooLarge, { ...FILE_START, file, path: '' }, `staged file is ${size} bytes, above the ${maxBytes}-byte cap`, {
    hint: 'split it into several files, or raise `max_file_size` in svcpkg.config.yaml',
  });
}
