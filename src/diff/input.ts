// Reading one side of a diff: a compiled manifest file, a packages folder (compiled in memory), or
// a git revision (its packages read with git and compiled in memory, nothing checked out).
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { compileInMemory, READABLE_MANIFEST_VERSIONS } from '../compile/index.js';
import { readManifestFile, type ManifestReadFailure } from '../compile/manifest-read.js';
import type { ResolvedConfig } from '../config/load.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { IoError, UsageError } from '../diagnostics/errors.js';
import type { Manifest } from '../generated/manifest.js';
import { listFiles, readBlobs, resolveCommit, workTreePrefix, type GitFile } from './git.js';

/** What an argument of `svcpkg diff` was read as. */
export type DiffInputKind = 'manifest' | 'packages' | 'revision';

/** One side of a diff, read and compiled. */
export interface DiffInput {
  /** The argument as given: the label of this side. */
  readonly label: string;
  /** What it was read as. */
  readonly kind: DiffInputKind;
  /** The manifest, unless compiling failed. */
  readonly manifest?: Manifest;
  /** Problems compiling it (files of a revision are named `REV:path`). */
  readonly diagnostics: readonly Diagnostic[];
  /** Texts of the files compiled from a revision, by diagnostic file name, for code frames. */
  readonly texts: ReadonlyMap<string, string>;
}

/** What reading an input needs. */
export interface DiffInputContext {
  /** Working directory: arguments are relative to it. */
  readonly cwd: string;
  /** The configuration: where the packages folder, the lockfile and the catalog are. */
  readonly config: ResolvedConfig;
}

const YAML_FILE = /\.ya?ml$/i;

/**
 * Read an argument. An existing path wins: a `*.json` file is a compiled manifest, a folder or
 * another file holds packages. Anything else must name a commit (`HEAD~1`, a branch, a tag); to
 * force a revision that a same-named path hides, write it as `REV^{commit}`.
 */
export async function readDiffInput(argument: string, context: DiffInputContext): Promise<DiffInput> {
  if (argument === '') throw new UsageError('an empty argument is neither a file, a folder nor a git revision');
  const absolute = path.resolve(context.cwd, argument);
  const info = await stat(absolute).catch(() => undefined);
  if (info?.isFile() && absolute.toLowerCase().endsWith('.json')) return readManifestInput(argument, absolute, context.cwd);
  if (info) return compilePackages(argument, absolute, info.isDirectory(), context);
  const commit = await resolveCommit(context.cwd, argument);
  if (commit) return compileRevision(argument, commit, context);
  throw new UsageError(
    `\`${argument}\` is neither a file, a folder nor a git revision\n` +
      'expected a compiled manifest (out/manifest.json), a packages folder (packages.d), or a revision (HEAD~1, main, v1.2)',
  );
}

/** A compiled manifest file: JSON valid against the manifest schema, or an I/O failure (exit 2). */
async function readManifestInput(label: string, absolute: string, cwd: string): Promise<DiffInput> {
  const read = readManifestFile(absolute, cwd);
  if (!read.ok) throw new IoError(`${label}: ${failureText(read.failure)}`);
  return { label, kind: 'manifest', manifest: read.manifest, diagnostics: [], texts: new Map() };
}

/** Why a manifest argument cannot be used, as `svcpkg diff` words it. */
function failureText(failure: ManifestReadFailure): string {
  switch (failure.kind) {
    case 'unreadable':
      return `cannot read it (${failure.reason})`;
    case 'not-json':
      return `not JSON: ${failure.message}`;
    case 'version':
      return `not an svcpkg manifest of format_version ${READABLE_MANIFEST_VERSIONS.join(' or ')} (found ${JSON.stringify(failure.found ?? null)}); recompile it with this svcpkg`;
    case 'invalid': {
      const { problems } = failure;
      const shown = problems.slice(0, 3).map((p) => `  ${p.pointer || '/'}: ${p.message}`);
      const more = problems.length > 3 ? [`  … and ${problems.length - 3} more`] : [];
      return `not a valid svcpkg manifest:\n${[...shown, ...more].join('\n')}`;
    }
  }
}

/** A packages folder (or one package file) of the work tree, compiled in memory. */
async function compilePackages(label: string, absolute: string, isFolder: boolean, context: DiffInputContext): Promise<DiffInput> {
  const { config } = context;
  // The lockfile lives beside the packages folder; a single file uses the configured one.
  const lockfile = isFolder && path.resolve(absolute) !== path.resolve(config.packages) ? path.join(path.dirname(absolute), path.basename(config.lockfile)) : config.lockfile;
  const result = await compileInMemory({ ...limits(config), paths: [absolute], catalogDir: config.catalog, cwd: context.cwd, lockfile });
  return {
    label,
    kind: 'packages',
    ...(result.manifest ? { manifest: result.manifest } : {}),
    diagnostics: result.diagnostics,
    texts: new Map(),
  };
}

/** The configured reading limits (docs/packages.md#broken-and-hostile-input), applied to every side alike. */
function limits(config: ResolvedConfig): { maxFileSize: number; maxDepth: number } {
  return { maxFileSize: config.maxFileSize, maxDepth: config.maxDepth };
}

/** A path of the work tree as a path from the repository root, or null when it is outside. */
function repoPath(prefix: string, cwd: string, absolute: string): string | null {
  const joined = path.posix.normalize(path.posix.join(prefix, path.relative(cwd, absolute).split(path.sep).join('/')));
  if (joined === '..' || joined.startsWith('../') || path.posix.isAbsolute(joined)) return null;
  return joined === '.' ? '' : joined.replace(/\/$/, '');
}

/**
 * A revision's packages, lockfile and (when it is kept in the repository) catalog, written to a
 * temporary folder and compiled there. The configuration is today's: the packages folder is
 * looked up where the current svcpkg.config.yaml says it is.
 */
async function compileRevision(label: string, commit: string, context: DiffInputContext): Promise<DiffInput> {
  const { cwd, config } = context;
  const prefix = await workTreePrefix(cwd);
  const packagesPath = repoPath(prefix, cwd, config.packages);
  if (packagesPath === null) {
    throw new UsageError(`the packages folder ${config.packages} is outside the git repository, so \`${label}\` cannot be read from git`);
  }
  const lockfilePath = repoPath(prefix, cwd, config.lockfile);
  const catalogPath = repoPath(prefix, cwd, config.catalog);

  const packageFiles = (await listFiles(cwd, commit, packagesPath)).filter((f) => YAML_FILE.test(f.path) && inside(f.path, packagesPath));
  const lockFiles = lockfilePath === null ? [] : (await listFiles(cwd, commit, lockfilePath)).filter((f) => f.path === lockfilePath);
  // A catalog kept in the repository is read at the revision too: the packages were written against it.
  const catalogFiles = catalogPath === null ? [] : (await listFiles(cwd, commit, catalogPath)).filter((f) => inside(f.path, catalogPath));
  const files: GitFile[] = [...packageFiles, ...lockFiles, ...catalogFiles];
  const blobs = await readBlobs(cwd, files.map((f) => f.blob));

  const root = await mkdtemp(path.join(os.tmpdir(), 'svcpkg-diff-'));
  try {
    const texts = new Map<string, string>();
    for (const file of files) {
      const bytes = blobs.get(file.blob) ?? Buffer.alloc(0);
      const target = path.join(root, ...file.path.split('/'));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, bytes);
      texts.set(`${label}:${file.path}`, bytes.toString('utf8'));
    }
    const packagesDir = path.join(root, ...packagesPath.split('/').filter(Boolean));
    // A revision from before the packages folder existed has no packages: an empty side.
    await mkdir(packagesDir, { recursive: true });
    const result = await compileInMemory({
      ...limits(config),
      paths: [packagesDir],
      catalogDir: catalogPath !== null && catalogFiles.length > 0 ? path.join(root, ...catalogPath.split('/').filter(Boolean)) : config.catalog,
      cwd: root,
      ...(lockfilePath !== null ? { lockfile: path.join(root, ...lockfilePath.split('/')) } : {}),
    });
    const diagnostics = result.diagnostics.map((d) => renameFiles(d, label));
    return { label, kind: 'revision', ...(result.manifest ? { manifest: result.manifest } : {}), diagnostics, texts };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** True when repository path `file` is `folder` or inside it. */
function inside(file: string, folder: string): boolean {
  return folder === '' || file === folder || file.startsWith(`${folder}/`);
}

/** Name a revision's files `REV:path` in diagnostics, as `git show` would. */
function renameFiles(diagnostic: Diagnostic, label: string): Diagnostic {
  const rename = (file: string) => (file === '' || path.isAbsolute(file) ? file : `${label}:${file}`);
  const renamed: Diagnostic = { ...diagnostic, file: rename(diagnostic.file) };
  if (diagnostic.related) renamed.related = diagnostic.related.map((r) => ({ ...r, file: rename(r.file) }));
  return renamed;
}
