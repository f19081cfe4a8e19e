// `svcpkg merge REPORT…`: join the partition reports of `svcpkg simulate --partition K/N` into the
// report of the whole run, as `simulate` would print it (docs/simulation.md#replay-on-every-core).
// stdout holds only the report; refusals are diagnostics on stderr, exit 2.
import path from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { IoError, UsageError } from '../../diagnostics/errors.js';
import { formatPretty, shouldUseColor } from '../../diagnostics/format/index.js';
import { joinPartitionReports, type PartitionFile } from '../../simulate/partition-join.js';
import { formatTable } from '../../simulate/table.js';
import { MAX_MACHINE_FILE_SIZE, readFileSafely } from '../../source/safe-file.js';
import { parseCommandArgs } from '../args.js';
import { failureExitCode } from '../exit-code.js';
import type { CommandIO } from '../io.js';
import { writeJsonReport } from '../json-output.js';
import { HELP_OPTION, oneOf, optionsHelp, type OptionSpecs } from '../options.js';

export const OPTIONS = {
  format: {
    type: 'string',
    placeholder: 'NAME',
    help: [`table | json (default: table), as \`svcpkg simulate\` prints the report`],
  },
  help: HELP_OPTION,
} as const satisfies OptionSpecs;

export const USAGE = `Usage: svcpkg merge REPORT... [options]

Join the partition reports of one run (\`svcpkg simulate SCENARIO --partition K/N\`, one per K
from 1 to N) into the report of the whole run: the same bytes \`svcpkg simulate SCENARIO\` prints.
Reports of different runs, missing or repeated partitions are refused.

Options:
${optionsHelp(OPTIONS, 19)}

Exit codes: 0 merged, 2 usage or I/O failure, or reports that cannot be merged.`;

/** Output formats of the report. */
const FORMATS = ['table', 'json'] as const;

export async function run(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, USAGE);
  if (values.help) {
    io.stdout.write(USAGE + '\n');
    return 0;
  }
  const format = oneOf(values.format ?? 'table', FORMATS, '--format');
  if (positionals.length === 0) throw new UsageError(`expected the partition reports to merge\n\n${USAGE}`);

  const files: PartitionFile[] = positionals.map((argument) => {
    const absolute = path.resolve(io.cwd, argument);
    const display = path.relative(io.cwd, absolute) || argument;
    // The safe path (docs/decisions.md, "untrusted input"): regular files only, size-capped.
    const read = readFileSafely(absolute, { maxBytes: MAX_MACHINE_FILE_SIZE, root: io.cwd });
    if (!read.ok) throw new IoError(`${display}: cannot read it (${read.errno ?? read.reason})`);
    return { file: display, text: read.bytes.toString('utf8') };
  });
  const joined = joinPartitionReports(files);
  if (!joined.report) {
    printDiagnostics(joined.diagnostics, files, io);
    return failureExitCode(joined.diagnostics); // SP7018–SP7022 are fatal: exit 2
  }
  if (format === 'json') await writeJsonReport(joined.report, io, 'the report');
  else io.stdout.write(formatTable(joined.report, { scenario: joined.scenario ?? '' }));
  return 0;
}

/** Print the refusals to stderr, with code frames from the reports' texts. */
function printDiagnostics(diagnostics: readonly Diagnostic[], files: readonly PartitionFile[], io: CommandIO): void {
  const texts = new Map(files.map((f) => [f.file, f.text]));
  const text = formatPretty(diagnostics, { color: shouldUseColor(io.stderr, io.env), cwd: io.cwd, readSource: (file) => texts.get(file) });
  io.stderr.write(text.endsWith('\n') ? text : text + '\n');
}
