// `svcpkg compile`: validate, then emit out/manifest.json and out/manifest.ts and keep
// svcpkg.lock.json up to date (docs/compile.md). Nothing is written when validation fails.
import { UsageError } from '../../diagnostics/errors.js';
import { countOf } from '../../diagnostics/format/summary.js';
import { compileProject, type CompileResult, type EmitKind } from '../../compile/compile.js';
import { parseCommandArgs, positiveInteger } from '../args.js';
import { CACHE_OPTION, CATALOG_OPTION, CONFIG_OPTION, DIAGNOSTICS_FORMAT_OPTION, HELP_OPTION, JOBS_OPTION, MAX_FILE_SIZE_OPTION, OUT_OPTION, optionsHelp, type OptionSpecs } from '../options.js';
import type { CommandIO } from '../io.js';
import { loadProject, printUsage, readsResultCache, repoOptions, resultCacheDir } from '../project.js';
import { exitCodeFor } from '../exit-code.js';
import { chooseFormat, printDiagnostics, userPath } from '../output.js';

export const OPTIONS = {
  out: OUT_OPTION,
  emit: {
    type: 'string',
    placeholder: 'LIST',
    accepts: 'json or ts',
    help: [`artifacts to write: json, ts or json,ts (default: json,ts)`],
  },
  locked: { type: 'boolean', help: [`fail instead of changing svcpkg.lock.json (for CI and pre-commit)`] },
  catalog: CATALOG_OPTION,
  config: CONFIG_OPTION,
  format: DIAGNOSTICS_FORMAT_OPTION,
  strict: { type: 'boolean', help: [`fail on warnings too (nothing is written)`] },
  'max-file-size': MAX_FILE_SIZE_OPTION,
  jobs: JOBS_OPTION,
  'no-cache': {
    type: 'boolean',
    help: [
      `neither read nor write .svcpkg-cache/ (the result cache, which lets a`,
      `later run skip the files unchanged since, and the compile stamp, which`,
      `skips an unchanged compile; both safe to delete)`,
    ],
  },
  cache: CACHE_OPTION,
  help: HELP_OPTION,
} as const satisfies OptionSpecs;

export const USAGE = `Usage: svcpkg compile [options]

Validate every package, then write the typed manifest (out/manifest.json, out/manifest.ts) and
record new package ids in svcpkg.lock.json. Nothing is written when there are errors.

Options:
${optionsHelp(OPTIONS, 25)}

Exit codes: 0 compiled, 1 errors (or warnings with --strict, or --locked and the lockfile would
change), 2 usage, configuration or I/O failure.`;

export async function run(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, USAGE);
  if (values.help) return printUsage(io, USAGE);
  if (positionals.length > 0) throw new UsageError(`compile takes no paths (got \`${positionals[0]}\`); set \`packages:\` in svcpkg.config.yaml\n\n${USAGE}`);
  const format = chooseFormat(values.format, io);
  const emit = values.emit === undefined ? undefined : parseEmit(values.emit);
  const maxFileSize = positiveInteger(values['max-file-size'], '--max-file-size', 'bytes');
  const jobs = positiveInteger(values.jobs, '--jobs');
  const flags = { catalog: values.catalog, config: values.config, out: values.out, emit, strict: values.strict, maxFileSize };
  const project = await loadProject(io, flags, format);
  const config = project.config;
  if (!config) return exitCodeFor(project.diagnostics, { strict: false });
  const cacheDir = resultCacheDir(config, values['no-cache']);
  const result = await compileProject({
    ...repoOptions(config, io),
    ...(cacheDir !== undefined ? { cacheDir, cacheRead: readsResultCache(io, values) } : { stamp: false }),
    ...(jobs !== undefined ? { jobs } : {}),
    lockfile: config.lockfile,
    out: config.out,
    emit: config.emit,
    locked: values.locked ?? false,
    strict: config.strict,
  });
  const texts = new Map(result.check.files.map((f) => [f.file, f.text]));
  printDiagnostics(result.diagnostics, format, io, { files: result.check.files.length, packages: result.check.packages.length, texts, root: config.root });
  const code = exitCodeFor(result.diagnostics, { strict: config.strict });
  if (code === 2) return code; // the input could not be used: no compile to sum up
  io.stderr.write(summary(result, userPath(config.root, io.cwd)) + '\n');
  // Not emitted with no failing diagnostic: --locked and a lockfile that would change.
  return result.emitted ? 0 : Math.max(1, code);
}

/** `--emit json,ts` → the artifact kinds. */
function parseEmit(value: string): EmitKind[] {
  const kinds = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  for (const kind of kinds) {
    if (kind !== 'json' && kind !== 'ts') throw new UsageError(`--emit takes json, ts or json,ts; got \`${kind}\``);
  }
  if (kinds.length === 0) throw new UsageError('--emit needs at least one of json, ts');
  return [...new Set(kinds)] as EmitKind[];
}

/** The one-line outcome on stderr. */
function summary(result: CompileResult, shown: (file: string) => string): string {
  if (!result.emitted) return 'svcpkg: compile failed: nothing written (earlier outputs and the lockfile are unchanged)';
  const outputs = result.outputs.map((o) => (o.changed ? shown(o.display) : `${shown(o.display)} (unchanged)`)).join(', ');
  const line = `compiled ${countOf(result.manifest?.packages.length ?? 0, 'package')} → ${outputs || 'nothing (no --emit)'}`;
  if (!result.lockfile.changed) return line;
  const counts = new Map<string, number>();
  for (const change of result.lockfile.changes) counts.set(change.kind, (counts.get(change.kind) ?? 0) + 1);
  const words: Record<string, string> = { mint: 'new', rename: 'renamed', revive: 'revived', tombstone: 'removed' };
  const detail = [...counts].map(([kind, n]) => `${n} ${words[kind] ?? kind}`).join(', ');
  return `${line}; ${shown(result.lockfile.display)} updated${detail ? ` (${detail})` : ''}`;
}
