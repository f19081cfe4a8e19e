// `svcpkg simulate SCENARIO`: replay a scenario's usage events against its packages (SPEC §8) and
// print the report. stdout holds only the report; diagnostics and progress go to stderr.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { loadConfig } from '../../config/load.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { IoError, UsageError } from '../../diagnostics/errors.js';
import { formatPretty, shouldUseColor } from '../../diagnostics/format/index.js';
import { SIMULATE_CODES } from '../../simulate/codes.js';
import { decisionLine, DecisionsWriter } from '../../simulate/decisions-file.js';
import { EVENT_FORMS, type EventForm } from '../../simulate/event-form.js';
import { loadScenario } from '../../simulate/load-scenario.js';
import { runScenario, type RunResult } from '../../simulate/run.js';
import { formatTable, groupDigits } from '../../simulate/table.js';
import { parseCommandArgs } from '../args.js';
import type { CommandIO } from '../io.js';

export const USAGE = `Usage: svcpkg simulate SCENARIO [options]

Replay a scenario's usage events against its packages and report, per subscription, its phases,
charges, notifications, and per feature the usage, the overage and the denied events.

Options:
  --format NAME          table | json (default: table); json is valid against
                         schemas/simulation-report.schema.json
  --decisions FILE       also write one NDJSON line per event with its decision
  --input FORM           lago | cloudevents: the form of the events (default: lago)
  --dedupe-window DAYS   a repeated transaction id within DAYS is a duplicate (default 35; 0: off)
  --quiet                no progress, no warnings; errors only
  -h, --help             show this help

Exit codes: 0 ran (warnings allowed), 1 errors in the scenario, 2 usage or I/O failure.`;

/** Output formats of the report. */
const REPORT_FORMATS = ['table', 'json'] as const;

export async function run(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      format: { type: 'string' },
      decisions: { type: 'string' },
      input: { type: 'string' },
      'dedupe-window': { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  );
  if (values.help) {
    io.stdout.write(USAGE + '\n');
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`expected one scenario file, got ${positionals.length}\n\n${USAGE}`);
  const format = oneOf(values.format ?? 'table', REPORT_FORMATS, '--format');
  const form: EventForm = oneOf(values.input ?? 'lago', EVENT_FORMS, '--input');
  const dedupeWindowDays = days(values['dedupe-window']);
  const quiet = values.quiet ?? false;

  const { config, diagnostics: configProblems } = await loadConfig(io.cwd);
  if (!config) {
    printDiagnostics(configProblems, io, false);
    return 2;
  }
  const load = await loadScenario(positionals[0]!, { cwd: io.cwd, catalogDir: config.catalog, maxFileSize: config.maxFileSize, maxDepth: config.maxDepth });
  printDiagnostics(load.diagnostics, io, quiet, load.texts);
  const scenario = load.scenario;
  if (!scenario) return load.ioFailure ? 2 : 1;

  const writer = values.decisions === undefined ? undefined : await createWriter(path.resolve(io.cwd, values.decisions));
  const progress = !quiet && io.stderr.isTTY === true;
  let result: RunResult;
  try {
    result = await runScenario(scenario, {
      form,
      ...(dedupeWindowDays !== undefined ? { dedupeWindowDays } : {}),
      ...(writer ? { onDecision: (event, decision, line) => writer.add(decisionLine(event, decision, line)), afterChunk: () => writer.flush() } : {}),
      ...(progress ? { onProgress: (n) => io.stderr.write(`\rsvcpkg: ${groupDigits(n)} events…`) } : {}),
    });
    await writer?.commit();
  } catch (error) {
    await writer?.abort();
    // File system and zlib failures carry a code (ENOENT, Z_DATA_ERROR): I/O, exit 2. Anything
    // else is a bug and goes to main's handler as one.
    if (typeof (error as NodeJS.ErrnoException | undefined)?.code !== 'string') throw error;
    const events = scenario.events.kind === 'file' ? ` reading ${scenario.events.display}` : '';
    throw new IoError(`simulation of ${scenario.file} stopped${events}: ${(error as Error).message}`);
  } finally {
    if (progress) io.stderr.write('\r\x1b[K');
  }

  if (result.eventsAfterEnd > 0 && scenario.endSpan) {
    const n = result.eventsAfterEnd;
    printDiagnostics(
      [
        {
          ...scenario.endSpan,
          code: SIMULATE_CODES.eventsAfterEnd.code,
          severity: 'warning',
          message: `${groupDigits(n)} event${n === 1 ? ' is' : 's are'} at or after the scenario end: evaluated, but phases, charges and status stop at the end`,
          file: scenario.file,
          path: '/end',
          hint: 'move `end` after the last event, or remove it (default: the day after the last event)',
        },
      ],
      io,
      quiet,
      load.texts,
    );
  }
  io.stdout.write(format === 'json' ? JSON.stringify(result.report, null, 2) + '\n' : formatTable(result.report, { scenario: scenario.file }));
  return 0;
}

/** A flag value from a fixed list. */
function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} takes one of ${allowed.join(', ')}; got \`${value}\``);
}

/** `--dedupe-window`: a non-negative number of days. */
function days(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new UsageError(`--dedupe-window takes a number of days ≥ 0, got \`${value}\``);
  return n;
}

/** Open the decisions file, as an I/O error when that fails. */
async function createWriter(file: string): Promise<DecisionsWriter> {
  try {
    return await DecisionsWriter.create(file);
  } catch (error) {
    throw new IoError(`cannot write ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Print diagnostics to stderr (stdout is for the report); `quiet` keeps errors only. */
function printDiagnostics(diagnostics: readonly Diagnostic[], io: CommandIO, quiet: boolean, texts?: ReadonlyMap<string, string>): void {
  const shown = quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
  if (shown.length === 0) return;
  const text = formatPretty(shown, {
    color: shouldUseColor(io.stderr, io.env),
    cwd: io.cwd,
    readSource: (file) => texts?.get(file) ?? readText(path.resolve(io.cwd, file)),
  });
  io.stderr.write(text.endsWith('\n') ? text : text + '\n');
}

/** A file's text for code frames, or undefined. */
function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
