// Whether the compiled manifest a scenario names is still what the project's packages compile to:
// `simulate` would otherwise replay events against yesterday's limits without a word (issue 12).
// The packages are compiled in memory and the `inputs_hash` compared, the hash `svcpkg compile`
// writes into the manifest (src/compile/manifest.ts), so only a real change counts, not a touch.
import path from 'node:path';
import { compileInMemory } from '../compile/in-memory.js';
import { isFatal } from '../diagnostics/collector.js';
import type { EvaluatorManifest } from '../evaluate/model.js';

/** The project the manifest would have been compiled from. */
export interface ProjectSources {
  /** Packages folder (absolute). */
  packages: string;
  /** Catalog folder (absolute). */
  catalog: string;
  /** Lockfile (absolute): its ids are part of the hash. */
  lockfile: string;
  /** Output folder of `compile` (absolute). */
  out: string;
  /** Working directory, for paths in messages. */
  cwd: string;
  /** Largest package file read. */
  maxFileSize?: number;
  /** Deepest YAML nesting accepted. */
  maxDepth?: number;
}

/**
 * `fresh`: the packages compile to the manifest's inputs; `stale`: they compile to other inputs;
 * `broken`: they do not compile now; `unknown`: the manifest is not this project's compile output
 * (elsewhere, or without a hash), so nothing can be said.
 */
export type Freshness = 'fresh' | 'stale' | 'broken' | 'unknown';

/** The file `compile` writes the JSON manifest to. */
const MANIFEST_JSON = 'manifest.json';

/** Compare the manifest read from `manifestFile` with what `project`'s packages compile to now. */
export async function manifestFreshness(manifestFile: string, manifest: EvaluatorManifest, project: ProjectSources): Promise<Freshness> {
  if (path.resolve(manifestFile) !== path.join(path.resolve(project.out), MANIFEST_JSON)) return 'unknown';
  const recorded = (manifest as { inputs_hash?: unknown }).inputs_hash;
  if (typeof recorded !== 'string') return 'unknown';
  const compiled = await compileInMemory({
    paths: [project.packages],
    catalogDir: project.catalog,
    lockfile: project.lockfile,
    cwd: project.cwd,
    ...(project.maxFileSize !== undefined ? { maxFileSize: project.maxFileSize } : {}),
    ...(project.maxDepth !== undefined ? { maxDepth: project.maxDepth } : {}),
  });
  if (compiled.diagnostics.some(isFatal)) return 'unknown';
  if (!compiled.manifest) return 'broken';
  return compiled.manifest.inputs_hash === recorded ? 'fresh' : 'stale';
}

/** The warning for a manifest that is not fresh, with paths as the user sees them; undefined when there is nothing to say. */
export function freshnessWarning(freshness: Freshness, manifestFile: string, project: ProjectSources): string | undefined {
  const shown = (p: string) => {
    const relative = path.relative(project.cwd, p);
    return relative === '' ? '.' : relative.split(path.sep).join('/');
  };
  const manifest = shown(manifestFile);
  const packages = shown(project.packages);
  if (freshness === 'stale') return `${manifest} is older than ${packages} (simulating the packages as last compiled): run \`svcpkg compile\``;
  if (freshness === 'broken') return `${packages} changed since ${manifest} was compiled and has errors now (simulating the packages as last compiled): run \`svcpkg validate\``;
  return undefined;
}
