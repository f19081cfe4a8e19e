// `svcpkg validate [PATHS…]`: every problem in every package, located, in one run (docs/diagnostics.md#diagnostics–5).
import { checkRepo } from '../../check/repo.js';
import { DiagnosticCollector } from '../../diagnostics/collector.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { printable } from '../../diagnostics/format/printable.js';
import { parseCommandArgs, positiveInteger } from '../args.js';
import { CACHE_OPTION, CATALOG_OPTION, CONFIG_OPTION, DIAGNOSTICS_FORMAT_OPTION, HELP_OPTION, JOBS_OPTION, MAX_FILE_SIZE_OPTION, optionsHelp, type OptionSpecs } from '../options.js';
import type { CommandIO } from '../io.js';
import { loadProject, printUsage, readsResultCache, repoOptions, resultCacheDir } from '../project.js';
import { exitCodeFor } from '../exit-code.js';
import { chooseFormat, printDiagnostics } from '../output.js';

export const OPTIONS = {
  staged: {
    type: 'boolean',
    help: [
      `check the packages as staged in the git index (what a commit would`,
      `contain), not the working tree: the pre-commit hook's mode`,
    ],
  },
  locked: {
    type: 'boolean',
    help: [
      `also fail when svcpkg.lock.json lacks a package's ids or a removal`,
      `(what \`svcpkg compile --locked\` would refuse); with --staged, the`,
      `staged lockfile`,
    ],
  },
  catalog: CATALOG_OPTION,
  config: CONFIG_OPTION,
  format: DIAGNOSTICS_FORMAT_OPTION,
  strict: { type: 'boolean', help: [`fail on warnings too`] },
  'max-file-size': MAX_FILE_SIZE_OPTION,
  jobs: JOBS_OPTION,
  'no-cache': {
    type: 'boolean',
    help: [
      `neither read nor write the result cache (.svcpkg-cache/, which lets`,
      `a later run skip the files unchanged since; safe to delete)`,
    ],
  },
  cache: CACHE_OPTION,
  verbose: {
    type: 'boolean',
    help: [
      `also list the non-YAML files skipped, and say how many files the`,
      `result cache answered for`,
    ],
  },
  help: HELP_OPTION,
} as const satisfies OptionSpecs;

export const USAGE = `Usage: svcpkg validate [PATHS…] [options]

Check every package under PATHS (default: the packages folder, packages.d) against the
JSON Schemas and the catalog, and report every problem with its place and a fix.

Options:
${optionsHelp(OPTIONS, 25)}

Exit codes: 0 no errors, 1 errors (or warnings with --strict), 2 usage, configuration or I/O failure.`;

export async function run(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, USAGE);
  if (values.help) return printUsage(io, USAGE);
  const format = chooseFormat(values.format, io);
  const maxFileSize = positiveInteger(values['max-file-size'], '--max-file-size', 'bytes');
  const jobs = positiveInteger(values.jobs, '--jobs');
  const project = await loadProject(io, { catalog: values.catalog, config: values.config, strict: values.strict, maxFileSize }, format);
  const config = project.config;
  if (!config) return exitCodeFor(project.diagnostics, { strict: false });
  const paths = positionals.length > 0 ? positionals : [config.packages];
  // --staged: the texts come from the git index; the catalog and the config from the working tree.
  const staged = values.staged
    ? await (await import('../../workflow/staged.js')).readStagedSources({ roots: paths, cwd: io.cwd, maxFileSize: config.maxFileSize })
    : undefined;
  const cacheDir = resultCacheDir(config, values['no-cache']);
  const result = await checkRepo({
    ...repoOptions(config, io, paths),
    ...(staged ? { sources: staged.sources } : {}),
    ...(cacheDir !== undefined ? { cacheDir, cacheRead: readsResultCache(io, values) } : {}),
    ...(jobs !== undefined ? { jobs } : {}),
  });
  const ignored = staged ? staged.ignored : result.ignored;
  if (values.verbose && ignored.length > 0) {
    io.stderr.write(`svcpkg: skipped ${ignored.length} non-YAML file(s):\n${ignored.map((f) => `  ${printable(f)}\n`).join('')}`);
  }
  if (values.verbose && cacheDir !== undefined) {
    io.stderr.write(`svcpkg: ${result.fromCache} of ${result.files.length} file(s) unchanged since the last run, taken from the result cache\n`);
  }
  const collected = new DiagnosticCollector();
  if (staged) collected.addAll(staged.diagnostics);
  collected.addAll(result.diagnostics);
  // Code frames must show the checked text (the staged one), never the working tree's.
  const texts = new Map(result.files.map((f) => [f.file, f.text]));
  // Reconciling ids of packages that have errors (staged ones included) means nothing.
  if (values.locked && !collected.hasErrors()) {
    // Loaded only here: compile's modules stay out of a plain validate's start-up.
    const { checkLocked } = await import('../../workflow/locked.js');
    const locked = await checkLocked(result, { lockfile: config.lockfile, cwd: io.cwd, staged: values.staged ?? false });
    collected.addAll(locked.diagnostics);
    if (locked.lockfile) texts.set(locked.lockfile.file, locked.lockfile.text);
  }
  const diagnostics: Diagnostic[] = collected.done();
  printDiagnostics(diagnostics, format, io, {
    files: result.files.length,
    packages: result.packageCount,
    texts,
    verbose: values.verbose ?? false,
    root: config.root,
  });
  const code = exitCodeFor(diagnostics, { strict: config.strict });
  if (staged && code !== 0) {
    // The hook checks what the commit would hold; say so when the user's editor shows something else.
    const failing = new Set(diagnostics.filter((d) => d.severity === 'error' || config.strict).map((d) => d.file));
    const differ = staged.differFromWorkTree.filter((f) => failing.has(f));
    if (differ.length > 0) {
      io.stderr.write(
        `svcpkg: the staged content of ${differ.join(', ')} differs from your working tree: these problems are in the ` +
          `staged version. If you fixed them, \`git add\` the file${differ.length === 1 ? '' : 's'} and commit again.\n`,
      );
    }
  }
  return code;
}
