// `svcpkg simulate SCENARIO`: replay a scenario's usage events against its packages (docs/simulation.md) and
// print the report — or, with `--against OLD`, replay them against both package sets in one pass
// and print what changes. `--html FILE` also writes a page of charts. stdout holds only the
// report; diagnostics and progress go to stderr.
import path from 'node:path';
import { readFrameText } from '../../source/read.js';
import { access } from 'node:fs/promises';
import { constants } from 'node:fs';
import { writeFilesAtomically } from '../../compile/emit/write.js';
import type { ResolvedConfig } from '../../config/load.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { IoError, UsageError } from '../../diagnostics/errors.js';
import { formatPretty, shouldUseColor } from '../../diagnostics/format/index.js';
import { readDiffInput } from '../../diff/input.js';
import { exitCodeFor, failureExitCode } from '../exit-code.js';
import type { Manifest } from '../../generated/manifest.js';
import { createEvaluator, type Decision, type EvaluatorManifest, type Subscription, type UsageEvent } from '../../evaluate/index.js';
import { featureInfos } from '../../report/feature-info.js';
import { renderHtmlReport } from '../../report/page.js';
import { SIMULATE_CODES } from '../../simulate/codes.js';
import { formatComparisonTable } from '../../simulate/comparison-table.js';
import { buildComparison } from '../../simulate/comparison.js';
import { DecisionChanges } from '../../simulate/decision-changes.js';
import { decisionLine, DecisionsWriter } from '../../simulate/decisions-file.js';
import { EVENT_FORMS, type EventForm } from '../../simulate/event-form.js';
import { parseScenarioInstant } from '../../simulate/instant.js';
import { loadScenario } from '../../simulate/load-scenario.js';
import { freshnessWarning, manifestFreshness } from '../../simulate/manifest-freshness.js';
import { MIGRATION_POLICIES, planMigration, type MigrationPlan } from '../../simulate/migration.js';
import { ProgressLine } from '../../simulate/progress.js';
import { packagesMissingFrom, runScenario, type RunResult } from '../../simulate/run.js';
import type { Scenario } from '../../simulate/scenario.js';
import { writeJson } from '../../simulate/report-writer.js';
import { formatTable, groupDigits } from '../../simulate/table.js';
import { featureKinds, UsageHistoryRecorder } from '../../simulate/usage-history.js';
import { parseCommandArgs } from '../args.js';
import { HELP_OPTION, optionsHelp, type OptionSpecs } from '../options.js';
import type { CommandIO } from '../io.js';
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

/** The other packages of `--against`, read and compiled. */
interface AgainstPackages {
  /** The argument as given. */
  label: string;
  /** Its manifest. */
  manifest: EvaluatorManifest;
}

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
  if (!scenario) return load.ioFailure ? 2 : 1;
  let plan: MigrationPlan | undefined;
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
    plan = planMigration(scenario.subscriptions, against.manifest, scenario.manifest, policy, effective);
  }
  const htmlFile = values.html === undefined ? undefined : await prepareOutput(path.resolve(io.cwd, values.html));
  const freshness = quiet ? undefined : checkFreshness(scenario, config, io);

  // What listens to each event: the decisions file, the charts' histories, the comparison.
  const ids = scenario.subscriptions.map((s) => s.id);
  const history = htmlFile ? new UsageHistoryRecorder(scenario.manifest, ids) : undefined;
  const oldHistory = htmlFile && against ? new UsageHistoryRecorder(against.manifest, ids) : undefined;
  const changes = against
    ? new DecisionChanges(new Set(ids), new Set([...featureKinds(scenario.manifest).keys(), ...featureKinds(against.manifest).keys()]))
    : undefined;
  const writer = values.decisions === undefined ? undefined : await createWriter(path.resolve(io.cwd, values.decisions));
  const listening = writer !== undefined || history !== undefined || changes !== undefined;
  const onDecision = (event: UsageEvent | undefined, decision: Decision, line: number, old?: Decision): void => {
    writer?.add(decisionLine(event, decision, line));
    history?.record(event, decision);
    if (old !== undefined) {
      oldHistory?.record(event, old);
      changes?.record(event, old, decision);
    }
  };

  const progress = !quiet && io.stderr.isTTY === true ? new ProgressLine(io.stderr) : undefined;
  progress?.update({ events: 0, done: 0 });
  let result: RunResult;
  try {
    result = await runScenario(scenario, {
      form,
      ...(dedupeWindowDays !== undefined ? { dedupeWindowDays } : {}),
      ...(against ? { against: against.manifest } : {}),
      ...(plan ? { subscriptions: plan.subscriptions } : {}),
      ...(htmlFile ? { chargeLines: true } : {}),
      ...(listening ? { onDecision } : {}),
      ...(writer ? { afterChunk: () => writer.flush() } : {}),
      ...(progress ? { onProgress: (p) => progress.update(p) } : {}),
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
    progress?.clear();
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
  if (against && !quiet) printAgainstWarnings(scenario, plan?.subscriptions ?? scenario.subscriptions, against, result, io);
  const stale = await freshness;
  if (stale) io.stderr.write(`svcpkg: warning: ${stale}\n`);

  const comparison =
    against && result.against && changes
      ? buildComparison({
          scenario: scenario.file,
          old: { packages: against.label, report: result.against },
          new: { packages: scenario.packagesDisplay, report: result.report },
          changes: changes.list(),
          ...(plan ? { migration: plan.policy, terms: plan.terms } : {}),
        })
      : undefined;

  if (htmlFile && history) {
    const html = renderHtmlReport({
      scenario: scenario.file,
      run: { packages: scenario.packagesDisplay, report: result.report, histories: history.histories() },
      ...(against && result.against && oldHistory ? { against: { packages: against.label, report: result.against, histories: oldHistory.histories() } } : {}),
      ...(comparison ? { comparison } : {}),
      starts: new Map(scenario.subscriptions.map((s) => [s.id, s.starts_at])),
      features: featureInfos(scenario.manifest),
      uncharted: history.uncharted,
      revenue: [
        ...(result.againstChargeLines ? [{ role: 'old' as const, lines: result.againstChargeLines }] : []),
        { role: 'new' as const, lines: result.chargeLines ?? [] },
      ],
    });
    const display = path.relative(io.cwd, htmlFile) || htmlFile;
    await writeFilesAtomically([{ path: htmlFile, display, content: html }]);
    // stdout holds the report, so the confirmation goes to stderr, as `svcpkg schema --out` does.
    if (!quiet) io.stderr.write(`wrote ${display}\n`);
  }

  // JSON is streamed section by section: one string of a large report exceeds V8's string limit.
  if (format === 'json') {
    try {
      await writeJson(comparison ?? result.report, io.stdout);
    } catch (error) {
      // A reader that stopped early (`| head`) is not a failure; a full disk is an I/O error.
      if ((error as NodeJS.ErrnoException).code === 'EPIPE') return 0;
      throw new IoError(`cannot write the report: ${(error as Error).message}`);
    }
  }
  else io.stdout.write(comparison ? formatComparisonTable(comparison) : formatTable(result.report, { scenario: scenario.file }));
  return 0;
}

/**
 * Read `--against OLD` as `svcpkg diff` reads its arguments. Returns the exit code when it cannot
 * be used: it does not compile (1; 2 when unusable).
 */
async function readAgainst(argument: string, config: ResolvedConfig, io: CommandIO): Promise<AgainstPackages | number> {
  const side = await readDiffInput(argument, { cwd: io.cwd, config });
  if (!side.manifest || side.diagnostics.some((d) => d.severity === 'error')) {
    io.stderr.write(`svcpkg: --against ${side.label} does not compile, so there is nothing to compare with:\n`);
    printDiagnostics(side.diagnostics, io, true, side.texts);
    return failureExitCode(side.diagnostics);
  }
  // readDiffInput reads a schema-checked manifest file or compiles one: a whole `Manifest`, typed
  // down to the part the diff reads.
  const manifest: EvaluatorManifest = side.manifest as unknown as Manifest;
  return { label: side.label, manifest };
}

/** Overrides the old packages ignore that the scenario's own do not: a warning each (the others were shown with the scenario). */
function printAgainstWarnings(scenario: Scenario, subscriptions: readonly Subscription[], against: AgainstPackages, result: RunResult, io: CommandIO): void {
  const own = new Set(createEvaluator(scenario.manifest, subscriptions).warnings.map((w) => `${w.subscription}\u0000${w.message}`));
  for (const w of result.againstWarnings ?? []) {
    if (own.has(`${w.subscription}\u0000${w.message}`)) continue;
    io.stderr.write(`svcpkg: warning: with --against ${against.label}, subscription \`${w.subscription}\`: ${w.message}\n`);
  }
}

/**
 * Whether the scenario's compiled manifest is older than the project's packages: the warning to
 * print, or undefined. Started before the run and awaited after it; a failure of the check itself
 * says nothing (it must never stop a simulation).
 */
function checkFreshness(scenario: Scenario, config: ResolvedConfig, io: CommandIO): Promise<string | undefined> {
  const file = scenario.manifestFile;
  if (file === undefined) return Promise.resolve(undefined);
  const project = { packages: config.packages, catalog: config.catalog, lockfile: config.lockfile, out: config.out, cwd: io.cwd, maxFileSize: config.maxFileSize, maxDepth: config.maxDepth };
  return manifestFreshness(file, scenario.manifest, project).then(
    (freshness) => freshnessWarning(freshness, file, project),
    () => undefined,
  );
}

/** Check that the HTML file's folder exists and is writable before running, as for `--decisions`. */
async function prepareOutput(file: string): Promise<string> {
  try {
    await access(path.dirname(file), constants.W_OK);
    return file;
  } catch (error) {
    throw new IoError(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/** A flag value from a fixed list. */
function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} takes one of ${allowed.join(', ')}; got \`${value}\``);
}

/** `--effective`: a date (00:00Z) or a date-time with a zone, as in scenarios. */
function effectiveDate(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const t = parseScenarioInstant(value);
  if (Number.isNaN(t)) throw new UsageError(`--effective takes a date (2026-07-01) or a date-time with a zone, got \`${value}\``);
  return t;
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
  return readFrameText(file);
}
