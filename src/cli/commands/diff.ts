// `svcpkg diff OLD NEW`: the semantic difference between two versions of the packages (docs/diff.md).
import { UsageError } from '../../diagnostics/errors.js';
import { shouldUseColor } from '../../diagnostics/format/color.js';
import { diffManifests } from '../../diff/diff.js';
import { formatDiff, pickDiffFormat } from '../../diff/format/index.js';
import { readDiffInput, type DiffInput } from '../../diff/input.js';
import type { ManifestDiff } from '../../diff/model.js';
import { parseCommandArgs } from '../args.js';
import { CATALOG_OPTION, CONFIG_OPTION, HELP_OPTION, optionsHelp, type OptionSpecs } from '../options.js';
import type { CommandIO } from '../io.js';
import { hasErrors } from '../../diagnostics/collector.js';
import { exitCodeFor, failureExitCode } from '../exit-code.js';
import { printDiagnostics } from '../output.js';
import { loadProjectConfig } from '../project.js';

export const OPTIONS = {
  format: { type: 'string', placeholder: 'NAME', help: [`pretty | json | markdown (default: pretty)`] },
  'fail-on': {
    type: 'string',
    placeholder: 'WHEN',
    accepts: 'breaking, any or none',
    help: [
      `breaking | any | none: exit 1 on a breaking change, on any change,`,
      `or never (default: none)`,
    ],
  },
  catalog: CATALOG_OPTION,
  config: CONFIG_OPTION,
  help: HELP_OPTION,
} as const satisfies OptionSpecs;

export const USAGE = `Usage: svcpkg diff OLD NEW [options]

Compare two versions of the packages: features added or removed, limits raised or lowered,
prices, trials, grace, providers… with every change that takes something away from existing
subscribers flagged as breaking.

OLD and NEW are each one of:
  a compiled manifest    out/manifest.json (any existing *.json file)
  a packages folder      packages.d (any other existing path), compiled in memory
  a git revision         HEAD~1, main, v1.2 (when no such path exists), read with git,
                         nothing checked out; write REV^{commit} if a path has the same name

Options:
${optionsHelp(OPTIONS, 25)}

Exit codes: 0 done, 1 a change --fail-on asks to fail on, or a side that does not compile,
2 usage, configuration, I/O failure or an unknown revision.`;

/** When the diff fails the run. */
const FAIL_ON = ['breaking', 'any', 'none'] as const;
type FailOn = (typeof FAIL_ON)[number];

function pickFailOn(requested: string | undefined): FailOn {
  if (requested === undefined) return 'none';
  if ((FAIL_ON as readonly string[]).includes(requested)) return requested as FailOn;
  throw new UsageError(`--fail-on takes one of ${FAIL_ON.join(', ')}, got \`${requested}\`\n\n${USAGE}`);
}

/** 1 when the diff holds what `failOn` fails on, else 0. */
export function diffExitCode(diff: ManifestDiff, failOn: FailOn): number {
  if (failOn === 'breaking') return diff.summary.breaking > 0 ? 1 : 0;
  if (failOn === 'any') return diff.summary.changes > 0 ? 1 : 0;
  return 0;
}

export async function run(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, USAGE);
  if (values.help) {
    io.stdout.write(USAGE + '\n');
    return 0;
  }
  if (positionals.length !== 2) {
    throw new UsageError(`expected two arguments, OLD and NEW, got ${positionals.length}\n\n${USAGE}`);
  }
  const format = pickDiffFormat(values.format);
  const failOn = pickFailOn(values['fail-on']);
  const { config, diagnostics: configProblems } = await loadProjectConfig(
    io,
    values.catalog !== undefined ? { catalog: values.catalog } : {},
    values.config,
  );
  if (!config) {
    printDiagnostics(configProblems, 'pretty', { ...io, stdout: io.stderr }, { files: 1, packages: 0 });
    return exitCodeFor(configProblems, { strict: false });
  }
  const [oldArg, newArg] = positionals as [string, string];
  const sides = [await readDiffInput(oldArg, { cwd: io.cwd, config }), await readDiffInput(newArg, { cwd: io.cwd, config })] as const;
  const failed = sides.filter((side) => !side.manifest || hasErrors(side.diagnostics));
  if (failed.length > 0) {
    for (const side of failed) reportUncompilable(side, io);
    // A missing catalog or folder is fatal (a configuration failure, exit 2), like in `validate`.
    return failureExitCode(failed.flatMap((side) => side.diagnostics));
  }
  const [before, after] = sides;
  if (!before.manifest || !after.manifest) return 1;
  const diff = diffManifests(before.manifest, after.manifest, { old: before.label, new: after.label });
  const text = formatDiff(format, diff, { color: shouldUseColor(io.stdout, io.env) });
  io.stdout.write(text.endsWith('\n') ? text : text + '\n');
  return diffExitCode(diff, failOn);
}

/**
 * A side that does not compile: its diagnostics go to stderr, in the pretty format, since stdout
 * holds only the diff (which does not exist).
 */
function reportUncompilable(side: DiffInput, io: CommandIO): void {
  io.stderr.write(`svcpkg: ${side.label} does not compile, so there is nothing to compare:\n`);
  const files = new Set(side.diagnostics.map((d) => d.file).filter((f) => f !== '')).size;
  printDiagnostics(side.diagnostics, 'pretty', { ...io, stdout: io.stderr }, { files, packages: 0, texts: side.texts });
}
