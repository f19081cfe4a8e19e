// What `svcpkg watch` watches, and what a changed path means for the next build (docs/workflow.md#svcpkg-watch).
import path from 'node:path';
import { DEFAULT_CATALOG_DIR } from '../assets.js';
import type { ResolvedConfig } from '../config/load.js';
import { CONFIG_FILE } from '../config/load.js';

/** The kind of input a changed path belongs to. */
export type ChangeKind = 'package' | 'catalog' | 'lockfile' | 'config';

/** The places to watch for one configuration. */
export interface WatchTargets {
  /** Folders watched recursively: the packages folder, and the catalog unless it is the bundled one. */
  folders: string[];
  /** Single files, each watched on its own (they may not exist yet): the lockfile and the config file. */
  files: string[];
}

const YAML_FILE = /\.ya?ml$/i;

/** The config file a watch session follows: the one loaded, or the one that would be. */
export function configFileOf(config: ResolvedConfig, cwd: string): string {
  return config.configFile ?? path.join(cwd, CONFIG_FILE);
}

/** The folders and files whose changes trigger a build. */
export function watchTargets(config: ResolvedConfig, cwd: string): WatchTargets {
  const folders = [config.packages];
  // The bundled catalog only changes with svcpkg itself: no need to spend watchers on it.
  if (path.resolve(config.catalog) !== path.resolve(DEFAULT_CATALOG_DIR)) folders.push(config.catalog);
  return { folders, files: [config.lockfile, configFileOf(config, cwd)] };
}

/** What a changed path is, or undefined when it cannot affect the build (an editor's swap file…). */
export function classifyChange(file: string, config: ResolvedConfig, cwd: string, isFolder: boolean): ChangeKind | undefined {
  const absolute = path.resolve(cwd, file);
  if (absolute === path.resolve(config.lockfile)) return 'lockfile';
  if (absolute === path.resolve(configFileOf(config, cwd))) return 'config';
  if (isInside(absolute, config.catalog)) return isFolder || YAML_FILE.test(absolute) ? 'catalog' : undefined;
  if (isInside(absolute, config.packages)) {
    if (hiddenOrModules(absolute, config.packages) || (isFolder && ignoredByWatch(absolute, config, true))) return undefined;
    // A folder appearing, vanishing or renamed changes the set of files even before their own events.
    return isFolder || YAML_FILE.test(absolute) ? 'package' : undefined;
  }
  return undefined;
}

/**
 * Paths the watcher need not even look at: what is below a hidden folder or node_modules in the
 * packages folder, and those folders themselves (`isFolder`, when known).
 */
export function ignoredByWatch(file: string, config: ResolvedConfig, isFolder = false): boolean {
  const absolute = path.resolve(file);
  if (!isInside(absolute, config.packages) || absolute === path.resolve(config.packages)) return false;
  if (hiddenOrModules(absolute, config.packages)) return true;
  const name = path.basename(absolute);
  return isFolder && (name.startsWith('.') || name === 'node_modules');
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(path.resolve(folder), file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Like discovery (source/discover.ts): folders starting with a dot, and node_modules, are skipped. */
function hiddenOrModules(file: string, root: string): boolean {
  const parts = path.relative(path.resolve(root), file).split(path.sep);
  return parts.slice(0, -1).some((p) => p.startsWith('.') || p === 'node_modules');
}
