// `svcpkg simulate SCENARIO`: replay a scenario's usage events against its packages (docs/simulation.md) and
// print the report — or, with `--against OLD`, replay them against both package sets in one pass
// and print what changes. `--html FILE` also writes a page of charts. stdout holds only the
// report; diagnostics and progress go to stderr.
import path from 'node:path';
import { writeFilesAtomically } from '../../compile/emit/write.js';
import type { ResolvedConfig } from '../../config/load.js';
import { hasErrors } from '../../diagnostics/collector.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { UsageError } from '../../diagnostics/errors.js';
import { formatPretty, shouldUseColor } from '../../diagnostics/format/index.js';
import { readDiffInput } from '../../diff/input.js';
import { exitCodeFor, failureExitCode } from '../exit-code.js';
import { featureInfos } from '../../report/feature-info.js';
import { renderHtmlReport } from '../../report/page.js';
import { formatComparisonTable } from '../../simulate/comparison-table.js';
import { EVENT_FORMS, type EventForm } from '../../simulate/event-form.js';
import { parseScenarioInstant } from '../../simulate/instant.js';
import { loadScenario } from '../../simulate/load-scenario.js';
import type { ProjectSources } from '../../simulate/manifest-freshness.js';
import { MIGRATION_POLICIES } from '../../simulate/migration.js';
import { packagesMissingFrom } from '../../simulate/run.js';
import type { Scenario } from '../../simulate/scenario.js';
import { runPartition, runSimulation, type AgainstPackages, type PageData, type SimulationOutcome } from '../../simulate/simulation.js';
import { formatTable } from '../../simulate/table.js';
import { readFrameText } from '../../source/read.js';
import { parseCommandArgs } from '../args.js';
import type { CommandIO } from '../io.js';
import { writeJsonReport } from '../json-output.js';
import { HELP_OPTION, oneOf, optionsHelp, type OptionSpecs } from '../options.js';
import { loadProjectConfig } from '../project.js';

export const OPTIONS = {
  against: {
    type: 'string',
    placeholder: 'OLD',
    accepts: 'a compiled manifest, a packages folder or a git revision',
    help: [
      `also replay the events against other packages, in the same pass, and`,
      `report what changes: decisions per subscription and feature (newly`,
      `denied, newly accepted, new overage, overage gone), charges, totals per`,
      `package. OLD is a compiled manifest (*.json), a packages folder, or a`,
      `git revision (HEAD~1, main, v1.2), as for \`svcpkg diff\``,
    ],
  },
  migrate: {
    type: 'string',
    placeholder: 'POLICY',
    accepts: 'all, new, renewal or immediate',
    help: [
      `with --against: which terms each subscription gets (docs/simulation.md)`,
      `all: NEW for its whole life (default); new: those started before`,
      `--effective stay on OLD; renewal: they move to NEW at their first`,
      `billing period on or after it; immediate: they move at it`,
    ],
  },
  effective: {
    type: 'string',
    placeholder: 'DATE',
    accepts: 'a date (2026-07-01)',
    help: [`the date a policy other than all takes effect (2026-07-01)`],
  },
  format: {
    type: 'string',
    placeholder: 'NAME',
    help: [
      `table | json (default: table); json is valid against`,
      `schemas/simulation-report.schema.json, or with --against`,
      `schemas/simulation-comparison.schema.json`,
    ],
  },
  html: {
    type: 'string',
    placeholder: 'FILE',
    accepts: 'a file',
    help: [
      `also write a self-contained HTML page: per subscription and feature,`,
      `usage over time against the limit (both runs with --against)`,
    ],
  },
  decisions: {
    type: 'string',
    placeholder: 'FILE',
    accepts: 'a file',
    help: [
      `also write one NDJSON line per event with its decision (the scenario's`,
      `packages, with --against too)`,
    ],
  },
  input: {
    type: 'string',
    placeholder: 'FORM',
    accepts: 'lago or cloudevents',
    help: [`lago | cloudevents: the form of the events (default: lago)`],
  },
  'dedupe-window': {
    type: 'string',
    placeholder: 'DAYS',
    accepts: 'a number of days',
    help: [`a repeated transaction id within DAYS is a duplicate (default 35; 0: off)`],
  },
  jobs: {
    type: 'string',
    placeholder: 'N',
    accepts: 'a positive whole number of threads',
    help: [
      `replay on N threads, the subscriptions split among them; the report is`,
      `the same (default: the available cores for an events file of 8 MB or`,
      `more, else 1; --decisions and --against replay on one thread)`,
    ],
  },
  partition: {
    type: 'string',
    placeholder: 'K/N',
    accepts: 'K/N, e.g. 2/8',
    help: [
      `replay only partition K of N (the same split as --jobs N) and print a`,
      `partition report (schemas/simulation-partition.schema.json); \`svcpkg`,
      `merge\` joins the N reports into the report of one run`,
    ],
  },
  quiet: { type: 'boolean', help: [`no progress, no warnings; errors only`] },
  help: HELP_OPTION,
} as const satisfies OptionSpecs;

export const USAGE = `Usage: svcpkg simulate SCENARIO [options]

Replay a scenario's usage events against its packages and report, per subscription, its phases,
charges, notifications, and per feature the usage, the overage and the denied events.

Options:
${optionsHelp(OPTIONS, 25)}

Progress (events, events/s, ETA) is shown on stderr when it is a terminal.
Exit codes: 0 ran (warnings allowed), 1 errors in the scenario or in OLD, 2 usage or I/O failure.`;

/** Output formats of the report. */
const REPORT_FORMATS = ['table', 'json'] as const;

export async function run(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, USAGE);
  if (values.help) {
    io.stdout.write(USAGE + '\n');
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`expected one scenario file, got ${positionals.length}\n\n${USAGE}`);
  const format = oneOf(values.format ?? 'table', REPORT_FORMATS, '--format');
  const form: EventForm = oneOf(values.input ?? 'lago', EVENT_FORMS, '--input');
  const dedupeWindowDays = days(values['dedupe-window']);
  const jobs = values.jobs === undefined ? undefined : threadCount(values.jobs, '--jobs');
  const partition = values.partition === undefined ? undefined : partitionOption(values.partition);
  if (partition) {
    const other = (['against', 'decisions', 'html', 'jobs'] as const).find((flag) => values[flag] !== undefined);
    if (other !== undefined) throw new UsageError(`--partition writes a partition report for \`svcpkg merge\` and takes no --${other}: run that on the whole scenario`);
    if (values.format !== undefined && values.format !== 'json') throw new UsageError('--partition prints a partition report, which is JSON: drop --format, or give --format json');
  }
  const quiet = values.quiet ?? false;
  if (values.html === '') throw new UsageError('--html takes a file name');
  const policy = oneOf(values.migrate ?? 'all', MIGRATION_POLICIES, '--migrate');
  const effective = effectiveDate(values.effective);
  if (values.against === undefined && (values.migrate !== undefined || values.effective !== undefined)) {
    throw new UsageError(`${values.migrate !== undefined ? '--migrate' : '--effective'} needs --against OLD: a migration moves subscriptions from OLD to the scenario's packages`);
  }
  if (policy !== 'all' && effective === undefined) {
    throw new UsageError(`--migrate ${policy} needs --effective DATE: the date the new packages take effect (e.g. --effective 2026-07-01)`);
  }
  if (policy === 'all' && effective !== undefined) {
    throw new UsageError('--effective has no effect with --migrate all (every subscription is on the new packages for its whole life): give --migrate new, renewal or immediate');
  }

  const { config, diagnostics: configProblems } = await loadProjectConfig(io);
  if (!config) {
    printDiagnostics(configProblems, io, false);
    return exitCodeFor(configProblems, { strict: false });
  }
  // OLD is read first: a scenario may name a package only OLD has (it stays on OLD).
  let against: AgainstPackages | undefined;
  if (values.against !== undefined) {
    const read = await readAgainst(values.against, config, io);
    if (typeof read === 'number') return read;
    against = read;
  }
  const load = await loadScenario(positionals[0]!, {
    cwd: io.cwd,
    catalogDir: config.catalog,
    maxFileSize: config.maxFileSize,
    maxDepth: config.maxDepth,
    ...(against ? { otherPackages: against.manifest } : {}),
  });
  printDiagnostics(load.diagnostics, io, quiet, load.texts);
  const scenario = load.scenario;
  // An unreadable scenario, manifest or package is fatal (exit 2); anything else is 1.
  if (!scenario) return failureExitCode(load.diagnostics);
  if (against) {
    const missing = packagesMissingFrom(scenario, against.manifest);
    if (missing.length > 0) {
      const list = missing.map(([sub, pkg]) => `  subscription \`${sub}\` uses \`${pkg}\``).join('\n');
      io.stderr.write(
        `svcpkg: --against ${against.label} lacks packages the scenario subscribes to:\n${list}\n` +
          'both package sets must have every package the scenario names; compare versions of the same packages\n',
      );
      return 1;
    }
  }

  if (partition) return printPartition(scenario, load.texts.get(scenario.file) ?? '', partition, { form, dedupeWindowDays, quiet, config }, io);

  const outcome = await runSimulation(scenario, {
    form,
    ...(dedupeWindowDays !== undefined ? { dedupeWindowDays } : {}),
    ...(against ? { against, migration: { policy, effective } } : {}),
    ...(values.decisions !== undefined ? { decisionsFile: path.resolve(io.cwd, values.decisions) } : {}),
    ...(values.html !== undefined ? { htmlFile: path.resolve(io.cwd, values.html) } : {}),
    ...(quiet ? {} : { freshness: projectSources(config, io.cwd) }),
    ...(!quiet && io.stderr.isTTY === true ? { progress: io.stderr } : {}),
    ...(jobs !== undefined ? { jobs } : {}),
  });
  printDiagnostics(outcome.diagnostics, io, quiet, load.texts);
  if (!quiet) for (const warning of outcome.warnings) io.stderr.write(`svcpkg: warning: ${warning}\n`);
  if (outcome.page) await writePage(scenario, outcome, outcome.page, io, quiet);
  const { comparison } = outcome;

  // JSON is streamed section by section: one string of a large report exceeds V8's string limit.
  if (format === 'json') await writeJsonReport(comparison ?? outcome.report, io, 'the report');
  else {
    // Coloured on a terminal, by the same rules as validate's output (NO_COLOR, FORCE_COLOR).
    const color = shouldUseColor(io.stdout, io.env);
    io.stdout.write(comparison ? formatComparisonTable(comparison, { color }) : formatTable(outcome.report, { scenario: scenario.file, color }));
  }
  return 0;
}

/**
 * Read `--against OLD` as `svcpkg diff` reads its arguments. Returns the exit code when it cannot
 * be used: it does not compile (1; 2 when unusable).
 */
async function readAgainst(argument: string, config: ResolvedConfig, io: CommandIO): Promise<AgainstPackages | number> {
  const side = await readDiffInput(argument, { cwd: io.cwd, config });
  if (!side.manifest || hasErrors(side.diagnostics)) {
    io.stderr.write(`svcpkg: --against ${side.label} does not compile, so there is nothing to compare with:\n`);
    printDiagnostics(side.diagnostics, io, true, side.texts);
    return failureExitCode(side.diagnostics);
  }
  return { label: side.label, manifest: side.manifest };
}

/** The project's sources, for the stale-manifest warning. */
function projectSources(config: ResolvedConfig, cwd: string): ProjectSources {
  return { packages: config.packages, catalog: config.catalog, lockfile: config.lockfile, out: config.out, cwd, maxFileSize: config.maxFileSize, maxDepth: config.maxDepth };
}

/** Render and write the HTML page (the report stage draws it from the run's data). */
async function writePage(scenario: Scenario, outcome: SimulationOutcome, page: PageData, io: CommandIO, quiet: boolean): Promise<void> {
  const html = renderHtmlReport({
    scenario: scenario.file,
    run: { packages: page.run.packages, report: page.run.report, histories: page.run.histories },
    ...(page.against ? { against: { packages: page.against.packages, report: page.against.report, histories: page.against.histories } } : {}),
    ...(outcome.comparison ? { comparison: outcome.comparison } : {}),
    starts: new Map(scenario.subscriptions.map((s) => [s.id, s.starts_at])),
    features: featureInfos(scenario.manifest),
    uncharted: page.uncharted,
    revenue: [
      ...(page.against ? [{ role: 'old' as const, lines: page.against.chargeLines }] : []),
      { role: 'new' as const, lines: page.run.chargeLines },
    ],
  });
  const display = path.relative(io.cwd, page.file) || page.file;
  await writeFilesAtomically([{ path: page.file, display, content: html }]);
  // stdout holds the report, so the confirmation goes to stderr, as `svcpkg schema --out` does.
  if (!quiet) io.stderr.write(`wrote ${display}\n`);
}

/** `--effective`: a date (00:00Z) or a date-time with a zone, as in scenarios. */
function effectiveDate(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const t = parseScenarioInstant(value);
  if (Number.isNaN(t)) throw new UsageError(`--effective takes a date (2026-07-01) or a date-time with a zone, got \`${value}\``);
  return t;
}

/** `--partition K/N`: K and N, 1 ≤ K ≤ N. */
function partitionOption(value: string): { k: number; n: number } {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const k = Number(match?.[1]);
  const n = Number(match?.[2]);
  if (!match || !Number.isSafeInteger(n) || k < 1 || k > n) throw new UsageError(`--partition takes K/N with 1 ≤ K ≤ N (e.g. 2/8), got \`${value}\``);
  return { k, n };
}

/** Replay one partition and print its report (`--partition K/N`). */
async function printPartition(
  scenario: Scenario,
  scenarioText: string,
  partition: { k: number; n: number },
  settings: { form: EventForm; dedupeWindowDays: number | undefined; quiet: boolean; config: ResolvedConfig },
  io: CommandIO,
): Promise<number> {
  const { quiet } = settings;
  const outcome = await runPartition(scenario, {
    partition: partition.k - 1,
    count: partition.n,
    scenarioText,
    form: settings.form,
    ...(settings.dedupeWindowDays !== undefined ? { dedupeWindowDays: settings.dedupeWindowDays } : {}),
    ...(quiet ? {} : { freshness: projectSources(settings.config, io.cwd) }),
    ...(!quiet && io.stderr.isTTY === true ? { progress: io.stderr } : {}),
  });
  printDiagnostics(outcome.diagnostics, io, quiet);
  if (!quiet) for (const warning of outcome.warnings) io.stderr.write(`svcpkg: warning: ${warning}\n`);
  await writeJsonReport(outcome.report, io, 'the partition report');
  return 0;
}

/** A positive whole number of threads or partitions. */
function threadCount(value: string, flag: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) throw new UsageError(`${flag} takes a positive whole number, got \`${value}\``);
  return n;
}

/** `--dedupe-window`: a non-negative number of days. */
function days(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new UsageError(`--dedupe-window takes a number of days ≥ 0, got \`${value}\``);
  return n;
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
  return readFrameText(file);
}
