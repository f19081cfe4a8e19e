// What `svcpkg init` puts in a new repository: pure planning, no file access (the writing is init.ts).
import type { Catalog } from '../catalog/model.js';
import { LOCKFILE } from '../config/load.js';
import { emptyLockfile, planLockfile, randomMinter, serializeLockfile, type IdMinter } from '../compile/index.js';
import { CONFIG_SCHEMA_FILE, editorSchemas, PACKAGE_SCHEMA_FILE } from './editor-schema.js';

/** One file of the scaffold. */
export interface ScaffoldFile {
  /** Path relative to the repository folder, `/`-separated. */
  path: string;
  /** Its content. */
  text: string;
  /**
   * `create`: written only when absent (init refuses otherwise); `append-lines`: lines added to an
   * existing file when missing from it (.gitignore), or the file created; `merge-json`: the
   * editor's settings, merged into an existing JSON object (its own keys win), or the file created.
   */
  kind: 'create' | 'append-lines' | 'merge-json';
}

/** Choices that shape the scaffold. */
export interface ScaffoldOptions {
  /** The catalog the editor schemas are specialised with. */
  catalog: Catalog;
  /** The catalog folder to record in svcpkg.config.yaml, relative to the repository; absent for the bundled one. */
  catalogDir?: string;
  /** Where the example package's ids come from (default: random, like compile). */
  minter?: IdMinter;
}

/** The folder holding the editor schemas, relative to the repository. */
export const SCHEMAS_FOLDER = '.svcpkg/schemas';
/** The packages folder of a new repository. */
export const PACKAGES_FOLDER = 'packages.d';
/** The example package's code. */
const EXAMPLE_CODE = 'meet-starter';
/** The example package. */
export const EXAMPLE_PACKAGE = `${PACKAGES_FOLDER}/${EXAMPLE_CODE}.yaml`;

/** Every file of a new svcpkg repository. */
export function planScaffold(options: ScaffoldOptions): ScaffoldFile[] {
  const files: ScaffoldFile[] = [
    { path: 'svcpkg.config.yaml', text: configText(options.catalogDir), kind: 'create' },
    { path: EXAMPLE_PACKAGE, text: EXAMPLE_TEXT, kind: 'create' },
    // With the example's ids already minted, the first commit passes the hook's --locked check.
    { path: LOCKFILE, text: exampleLockfile(options.minter ?? randomMinter), kind: 'create' },
    { path: '.vscode/settings.json', text: json(VSCODE_SETTINGS), kind: 'merge-json' },
    { path: '.vscode/extensions.json', text: json({ recommendations: ['redhat.vscode-yaml'] }), kind: 'merge-json' },
    { path: '.gitignore', text: GITIGNORE, kind: 'append-lines' },
  ];
  for (const schema of editorSchemas(options.catalog)) {
    files.push({ path: `${SCHEMAS_FOLDER}/${schema.file}`, text: json(schema.schema), kind: 'create' });
  }
  return files;
}

/** The lockfile compile would write for the example package. */
function exampleLockfile(minter: IdMinter): string {
  return serializeLockfile(planLockfile(emptyLockfile(), [{ code: EXAMPLE_CODE, pinned: {} }], minter).next);
}

/**
 * What a repository using svcpkg should not commit: the compile output and cache, the npm install,
 * the advisory lock a compile holds while it writes the lockfile, and the temporary file of a
 * lockfile write that was killed half-way (docs/compile.md).
 */
const GITIGNORE = [
  '# svcpkg compile output (rebuild with `svcpkg compile`) and its cache (safe to delete)',
  'out/',
  '.svcpkg-cache/',
  '# dependencies; the lock of a running compile and the temporary file of an interrupted one',
  'node_modules/',
  '.svcpkg.lock.json.lock*',
  '.svcpkg.lock.json.*.tmp',
  '',
].join('\n');

function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

const VSCODE_SETTINGS = {
  'yaml.schemas': {
    [`./${SCHEMAS_FOLDER}/${PACKAGE_SCHEMA_FILE}`]: [`${PACKAGES_FOLDER}/**/*.yaml`, `${PACKAGES_FOLDER}/**/*.yml`],
    [`./${SCHEMAS_FOLDER}/${CONFIG_SCHEMA_FILE}`]: ['svcpkg.config.yaml'],
  },
  'yaml.validate': true,
  'yaml.completion': true,
};

function configText(catalogDir: string | undefined): string {
  return `# yaml-language-server: $schema=${SCHEMAS_FOLDER}/${CONFIG_SCHEMA_FILE}
# svcpkg configuration. Every key is optional; command-line flags override them.
packages: ${PACKAGES_FOLDER}   # the package YAML files, any depth
${catalogDir === undefined ? '# catalog: catalog   # your platform catalog folder (default: the one bundled with svcpkg)' : `catalog: ${catalogDir}`}
out: out             # where \`svcpkg compile\` writes manifest.json and manifest.ts
emit: [json, ts]
strict: false        # true: warnings fail too
`;
}

// The modeline points the YAML language server at the specialised schema even without the
// editor settings (vim, Helix, JetBrains with the LSP); the path is relative to this file.
const EXAMPLE_TEXT = `# yaml-language-server: $schema=../${SCHEMAS_FOLDER}/${PACKAGE_SCHEMA_FILE}
# An example package: edit it, or copy it to start another (one package per YAML document).
# \`svcpkg validate\` checks it, \`svcpkg watch\` recompiles on every save.
code: ${EXAMPLE_CODE}
name: Meet Starter
service_type: meet
status: draft
short_description: Small meetings for a team.
tier: 0
price: 9.99
currency: EUR
periodicity: 1
periodicity_type: month
trial_period: 14
trial_interval: day
providers:
  - type: bbb
    name: main
features:
  max_rooms: 5
  max_participants: 25
  max_duration: 120      # minutes per session
  max_recordings: 10
  recording: true
  public_chat: true
  screen_sharing: true
notification_preferences:
  - event: quota_threshold
    threshold: 80
    channels: [email]
`;
