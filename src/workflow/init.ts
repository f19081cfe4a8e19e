// `svcpkg init`: writing the scaffold into a folder — all or nothing, never over an existing file.
import { lstat, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { IoError } from '../diagnostics/errors.js';
import { DEFAULT_MAX_FILE_SIZE } from '../source/read.js';
import { readFileSafely } from '../source/safe-file.js';
import { findWorkTree } from './git.js';
import { installHook, type HookInstallAction, type HookOutcome } from './hook.js';
import type { ScaffoldFile } from './scaffold.js';

/** What `initRepository` did, or why it did nothing. */
export interface InitOutcome {
  /** Scaffold files that already exist: nothing was written. */
  conflicts: string[];
  /** Files created, relative to the folder. */
  created: string[];
  /** Existing files that received missing lines (.gitignore) or missing settings (.vscode/*.json). */
  appended: string[];
  /** Existing files left alone because they could not be merged safely, with the reason. */
  skipped: { file: string; reason: string }[];
  /** The pre-commit hook, when the folder is in a git working tree and the hook was wanted. */
  hook?: HookOutcome<HookInstallAction>;
}

/** Write `files` into `dir` (created if needed); refuse, writing nothing, when any `create` file exists. */
export async function initRepository(dir: string, files: readonly ScaffoldFile[], options: { hook: boolean }): Promise<InitOutcome> {
  const conflicts: string[] = [];
  for (const file of files) {
    if (file.kind === 'create' && (await exists(path.join(dir, file.path)))) conflicts.push(file.path);
  }
  if (conflicts.length > 0) return { conflicts, created: [], appended: [], skipped: [] };

  const created: string[] = [];
  const appended: string[] = [];
  const skipped: { file: string; reason: string }[] = [];
  for (const file of files) {
    const target = path.join(dir, ...file.path.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    if (file.kind === 'create') {
      // 'wx' fails rather than overwrite a file that appeared since the check.
      await writeFile(target, file.text, { flag: 'wx' });
      created.push(file.path);
      continue;
    }
    const current = await readIfExists(target);
    if (current === undefined) {
      await writeFile(target, file.text, { flag: 'wx' });
      created.push(file.path);
      continue;
    }
    if (file.kind === 'merge-json') {
      const merged = mergeJson(current, file.text);
      if (typeof merged === 'object') skipped.push({ file: file.path, reason: merged.reason });
      else if (merged !== current) {
        await writeFile(target, merged);
        appended.push(file.path);
      }
      continue;
    }
    const missing = missingLines(current, file.text);
    if (missing.length === 0) continue;
    const separator = current === '' || current.endsWith('\n') ? '' : '\n';
    await writeFile(target, current + separator + missing.join('\n') + '\n');
    appended.push(file.path);
  }

  const outcome: InitOutcome = { conflicts, created, appended, skipped };
  if (options.hook && (await findWorkTree(dir)) !== undefined) outcome.hook = await installHook(dir);
  return outcome;
}

/**
 * `current` with what `wanted` adds: keys it lacks, entries of the object-valued keys it lacks
 * (`yaml.schemas`), items of the list-valued keys it lacks (`recommendations`). The user's own
 * values always win. A file that is not a plain JSON object (VS Code also reads comments and
 * trailing commas, which a rewrite would lose) is not touched.
 */
function mergeJson(current: string, wanted: string): string | { reason: string } {
  let existing: unknown;
  try {
    existing = JSON.parse(current);
  } catch {
    return { reason: 'not plain JSON (comments or trailing commas?), so it was left as it is' };
  }
  if (!isObject(existing)) return { reason: 'not a JSON object, so it was left as it is' };
  const additions = JSON.parse(wanted) as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...existing };
  for (const [key, value] of Object.entries(additions)) {
    const have = merged[key];
    if (have === undefined) merged[key] = value;
    else if (isObject(have) && isObject(value)) merged[key] = { ...value, ...have };
    else if (Array.isArray(have) && Array.isArray(value)) merged[key] = [...have, ...value.filter((v) => !have.includes(v))];
  }
  const text = JSON.stringify(merged, null, 2) + '\n';
  return JSON.stringify(merged) === JSON.stringify(existing) ? current : text;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The lines of `wanted` (comments aside) that `current` lacks, each group behind the comment that
 * explains it; `out/` is also satisfied by `/out/` or `out`.
 */
function missingLines(current: string, wanted: string): string[] {
  const normal = (line: string): string => line.trim().replace(/^\//, '').replace(/\/$/, '');
  const have = new Set(current.split(/\r?\n/).map(normal));
  const missing: string[] = [];
  let comments: string[] = [];
  let previous = '';
  for (const line of wanted.split('\n')) {
    if (line.startsWith('#')) comments = previous.startsWith('#') ? [...comments, line] : [line];
    else if (line.trim() !== '' && !have.has(normal(line))) {
      missing.push(...comments, line);
      comments = [];
    }
    previous = line;
  }
  return missing;
}

async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch {
    return false;
  }
}

/** A scaffolded file's current text, through the safe path: a FIFO or device there is refused, never waited on. */
async function readIfExists(file: string): Promise<string | undefined> {
  const read = readFileSafely(file, { maxBytes: DEFAULT_MAX_FILE_SIZE });
  if (read.ok) return read.bytes.toString('utf8');
  if (read.errno === 'ENOENT') return undefined;
  throw new IoError(`cannot read ${file}: ${read.reason}`);
}
