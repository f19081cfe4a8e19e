// `svcpkg init [DIR]`: scaffold a working repository — packages, editor schemas and settings, hook (docs/workflow.md#start-a-repository-svcpkg-init).
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_CATALOG_DIR } from '../../assets.js';
import { loadCatalog } from '../../catalog/load.js';
import { CONFIG_FILE, LOCKFILE } from '../../config/load.js';
import { UsageError } from '../../diagnostics/errors.js';
import { displayPath } from '../../source/discover.js';
import { initRepository } from '../../workflow/init.js';
import { planScaffold } from '../../workflow/scaffold.js';
import { parseCommandArgs } from '../args.js';
import { failureExitCode } from '../exit-code.js';
import { HELP_OPTION, optionsHelp, type OptionSpecs } from '../options.js';
import type { CommandIO } from '../io.js';
import { chooseFormat, printDiagnostics } from '../output.js';
import { findProjectRoot } from '../root.js';

export const OPTIONS = {
  catalog: {
    type: 'string',
    placeholder: 'DIR',
    accepts: 'a folder',
    help: [`use this catalog folder (recorded in svcpkg.config.yaml) instead of the bundled one`],
  },
  'no-hook': { type: 'boolean', help: [`do not install the pre-commit hook`] },
  nested: { type: 'boolean', help: [`scaffold even inside another svcpkg project (a separate project of its own)`] },
  help: HELP_OPTION,
} as const satisfies OptionSpecs;

export const USAGE = `Usage: svcpkg init [DIR] [options]

Scaffold an svcpkg repository in DIR (default: the current folder; created if needed):
  svcpkg.config.yaml                    configuration, every option shown
  packages.d/meet-starter.yaml          an example package, with a yaml-language-server modeline
  svcpkg.lock.json                      the example's stable ids (commit it with the packages)
  .svcpkg/schemas/*.schema.json         editor schemas specialised with the catalog (svcpkg schema)
  .vscode/settings.json, extensions.json  YAML extension set up for packages.d and the config
                                        (merged into existing ones: your own settings win)
  .gitignore                            out/, .svcpkg-cache/, node_modules/ and interrupted
                                        lockfile writes (appended to an existing .gitignore)
and, when DIR is inside a git working tree, the pre-commit hook (svcpkg hook install).
Nothing is overwritten: if the config, the example, the lockfile or a schema file exists, init
writes nothing and names them. Inside an existing svcpkg project (a folder above DIR holds
svcpkg.config.yaml, svcpkg.lock.json, or packages.d beside package.json or .git, within the same
git repository), init refuses unless --nested says a separate project is wanted there.

Options:
${optionsHelp(OPTIONS, 17)}

Exit codes: 0 scaffolded, 1 some files already exist, 2 inside another project, usage or I/O failure.`;

export async function run(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, USAGE);
  if (values.help) {
    io.stdout.write(USAGE + '\n');
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`init takes one folder, got ${positionals.length}\n\n${USAGE}`);
  const dir = path.resolve(io.cwd, positionals[0] ?? '.');
  // From a subfolder of a project, every other command works on that project (src/cli/root.ts):
  // a second project scaffolded here would silently take over for this folder (docs/decisions.md).
  const root = await findProjectRoot(dir);
  if (root !== undefined && root !== dir && !values.nested) {
    io.stderr.write(
      `svcpkg: init refused: ${dir === path.resolve(io.cwd) ? 'the current folder' : displayPath(dir, io.cwd)} is inside the svcpkg project at ${path.relative(io.cwd, root) || '.'} ` +
        `(it has ${await marker(root)}), and svcpkg commands run here already use that project.\n` +
        `Nothing was written. Add packages to that project instead, or run \`svcpkg init --nested\` for a separate project here.\n`,
    );
    return 2;
  }
  const catalogDir = values.catalog === undefined ? DEFAULT_CATALOG_DIR : path.resolve(io.cwd, values.catalog);
  const loaded = await loadCatalog(catalogDir, io.cwd);
  if (!loaded.catalog) {
    printDiagnostics(loaded.diagnostics, chooseFormat(undefined, io), io, { files: loaded.files.length, packages: 0 });
    return failureExitCode(loaded.diagnostics);
  }
  const files = planScaffold({
    catalog: loaded.catalog,
    ...(values.catalog === undefined ? {} : { catalogDir: path.relative(dir, catalogDir).split(path.sep).join('/') || '.' }),
  });
  const outcome = await initRepository(dir, files, { hook: !values['no-hook'] });
  const where = displayPath(dir, io.cwd);
  if (outcome.conflicts.length > 0) {
    io.stderr.write(
      `svcpkg: init refused: ${outcome.conflicts.length === 1 ? 'this file already exists' : 'these files already exist'} in ${where}, and init never overwrites:\n` +
        outcome.conflicts.map((f) => `  ${f}\n`).join('') +
        'Nothing was written. Move them away (or scaffold into another folder), then run `svcpkg init` again.\n',
    );
    return 1;
  }
  const lines = [
    `svcpkg: scaffolded ${dir === path.resolve(io.cwd) ? 'the current folder' : where}:`,
    ...outcome.created.map((f) => `  created  ${f}`),
    ...outcome.appended.map((f) => `  ${f.endsWith('.json') ? 'merged  ' : 'appended'} ${f}`),
    ...outcome.skipped.map((s) => `  skipped  ${s.file}: ${s.reason}`),
  ];
  if (outcome.hook) lines.push(`  hook     ${displayPath(outcome.hook.hookFile, io.cwd)} (${outcome.hook.action})`);
  else if (!values['no-hook']) lines.push('  (not a git repository: run `git init` then `svcpkg hook install` for the pre-commit hook)');
  const cd = dir === path.resolve(io.cwd) ? '' : `cd ${where} && `;
  lines.push('', 'Next:', `  ${cd}svcpkg validate      check the packages`, `  ${cd}svcpkg watch         recompile on every save`);
  io.stdout.write(lines.join('\n') + '\n');
  return 0;
}

/** The marker that makes `root` a project, as findProjectRoot ranks them, for the refusal message. */
async function marker(root: string): Promise<string> {
  for (const file of [CONFIG_FILE, LOCKFILE]) if (await stat(path.join(root, file)).then((s) => s.isFile(), () => false)) return file;
  return 'packages.d';
}
