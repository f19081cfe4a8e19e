// Finding the package files: `*.yaml` / `*.yml` at any depth, never leaving the input folder (docs/packages.md#package-properties, docs/packages.md#broken-and-hostile-input).
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { diagnosticOf } from '../diagnostics/collector.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { FILE_START } from '../diagnostics/diagnostic.js';
import { SOURCE_CODES } from './codes.js';
import { assertRootInRepository } from './safe-file.js';

/** A file to read: where it is and how to name it in diagnostics. */
export interface SourceLocation {
  /** Absolute path. */
  absolute: string;
  /** Path shown to people: relative to the working directory when inside it, with `/` separators. */
  display: string;
}

/** The outcome of looking for package files. */
export interface Discovery {
  /** YAML files found, sorted by display path. */
  files: SourceLocation[];
  /** Other files seen and skipped (listed with `--verbose`). */
  ignored: string[];
  /** Problems: links leaving the folder, unreadable folders. */
  diagnostics: Diagnostic[];
  /** Roots that do not exist: nothing can be checked there, so the input is unusable (exit 2). */
  missingRoots: string[];
}

const YAML_FILE = /\.ya?ml$/i;

/** Display form of an absolute path: relative to `cwd` when inside it, `/` separators. */
export function displayPath(absolute: string, cwd: string = process.cwd()): string {
  const relative = path.relative(cwd, absolute);
  const shown = relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative;
  return shown.split(path.sep).join('/');
}

/**
 * Find YAML files under each root (a folder or a single file). Symbolic links are followed only
 * when their target stays inside the root they were found under. Throws IoError when a root is
 * itself a symbolic link leaving the repository (`cwd`).
 */
export async function discoverSources(roots: readonly string[], cwd: string = process.cwd()): Promise<Discovery> {
  const files = new Map<string, SourceLocation>();
  const ignored: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const missingRoots: string[] = [];

  for (const root of roots) {
    const absoluteRoot = path.resolve(cwd, root);
    // A root that is itself a link out of the repository is refused outright (exit 2).
    assertRootInRepository(absoluteRoot, cwd, displayPath(absoluteRoot, cwd));
    let rootReal: string;
    try {
      rootReal = realpathSync(absoluteRoot);
    } catch {
      diagnostics.push(fileProblem(displayPath(absoluteRoot, cwd), 'unreadable', 'no such file or folder'));
      missingRoots.push(displayPath(absoluteRoot, cwd));
      continue;
    }
    const info = statSync(rootReal);
    if (info.isFile()) {
      files.set(rootReal, { absolute: absoluteRoot, display: displayPath(absoluteRoot, cwd) });
      continue;
    }
    walk(absoluteRoot, rootReal, new Set([rootReal]));
  }

  // Synchronous on purpose: thousands of small directory reads are several times faster than
  // through the promise API, and nothing else runs meanwhile.
  function walk(folder: string, rootReal: string, seen: Set<string>): void {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      diagnostics.push(fileProblem(displayPath(folder, cwd), 'unreadable', errnoOf(error)));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const absolute = path.join(folder, entry.name);
      const display = displayPath(absolute, cwd);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let real = absolute;
      if (entry.isSymbolicLink()) {
        try {
          real = realpathSync(absolute);
        } catch {
          diagnostics.push(fileProblem(display, 'unreadable', 'broken symbolic link'));
          continue;
        }
        if (real !== rootReal && !real.startsWith(rootReal + path.sep)) {
          if (isDir || YAML_FILE.test(entry.name) || isFolder(real)) {
            diagnostics.push(
              diagnosticOf(SOURCE_CODES.symlinkOutside, { ...FILE_START, file: display, path: '' }, `symbolic link to ${real}, outside the input folder: not followed`, {
                hint: 'copy the file into the packages folder, or point the link inside it',
              }),
            );
          }
          continue;
        }
        const info = statSync(real);
        isDir = info.isDirectory();
        isFile = info.isFile();
      }
      if (isDir) {
        if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
        if (seen.has(real)) continue; // a link cycle inside the folder
        seen.add(real);
        walk(absolute, rootReal, seen);
      } else if (isFile && YAML_FILE.test(entry.name)) {
        if (!files.has(real)) files.set(real, { absolute, display });
      } else {
        ignored.push(display);
      }
    }
  }

  const sorted = [...files.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  return { files: sorted, ignored: ignored.sort(), diagnostics, missingRoots };
}

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function errnoOf(error: unknown): string {
  return error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : String(error);
}

function fileProblem(file: string, kind: 'unreadable', reason: string): Diagnostic {
  return diagnosticOf(SOURCE_CODES[kind], { ...FILE_START, file, path: '' }, `cannot read ${file} (${reason})`);
}
