// `svcpkg merge`: joining the partition reports of one run (docs/simulation.md#replay-on-every-core)
// into the report `simulate --format json` writes for the whole run. Reports of different runs
// (scenario, events, packages, settings, partition count), missing or repeated partitions, and
// sections that do not belong where they claim are refused with a diagnostic located in the
// report at fault; nothing is merged then.
import { diagnosticOf } from '../diagnostics/collector.js';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.js';
import { FILE_START } from '../diagnostics/diagnostic.js';
import type { SimulationReport } from '../evaluate/index.js';
import type { SimulationPartitionReport } from '../generated/simulation-partition.js';
import { checkValue } from '../schema/validate.js';
import { parseSource } from '../source/parse.js';
import { SIMULATE_CODES } from './codes.js';
import { mergePartitions } from './partition-merge.js';
import { PARTITION_FORMAT_VERSION, resultOf } from './partition-report.js';
import { partitionOf } from './partition-route.js';

/** A partition report file as read. */
export interface PartitionFile {
  /** Its path as shown. */
  file: string;
  /** Its text. */
  text: string;
}

/** The outcome of a merge. */
export interface JoinOutcome {
  /** The merged report, when nothing was refused. */
  report?: SimulationReport;
  /** The scenario as the reports show it (the table's title). */
  scenario?: string;
  /** Why the reports were refused. */
  diagnostics: Diagnostic[];
}

/** A report that passed its schema, with where it came from. */
interface Checked {
  input: PartitionFile;
  report: SimulationPartitionReport;
}

/** The `run` fields, in the order a mismatch is reported. */
const RUN_FIELDS = ['scenario_sha256', 'events_sha256', 'manifest_sha256', 'report_format_version', 'dedupe_window_days', 'input'] as const;

/** Join partition reports; see the module comment. Never throws for bad input. */
export function joinPartitionReports(files: readonly PartitionFile[]): JoinOutcome {
  const locator = new Locator();
  const diagnostics: Diagnostic[] = [];
  const problem = (code: keyof typeof SIMULATE_CODES, input: PartitionFile, pointer: string, message: string, hint: string, related?: { input: PartitionFile; pointer: string; message: string }): void => {
    diagnostics.push(
      diagnosticOf(SIMULATE_CODES[code], { ...locator.locate(input, pointer), file: input.file, path: pointer }, message, {
        hint,
        ...(related ? { related: [{ ...locator.locate(related.input, related.pointer), file: related.input.file, message: related.message }] } : {}),
      }),
    );
  };

  const checked: Checked[] = [];
  for (const input of files) {
    let value: unknown;
    try {
      value = JSON.parse(input.text);
    } catch (error) {
      problem('notPartitionReport', input, '', `not JSON (${error instanceof Error ? error.message : String(error)})`, 'give the output of `svcpkg simulate SCENARIO --partition K/N`');
      continue;
    }
    const version = (value as { format_version?: unknown } | null)?.format_version;
    if (typeof value !== 'object' || value === null || Array.isArray(value) || typeof (value as { partition?: unknown }).partition !== 'number') {
      problem('notPartitionReport', input, '', 'not a partition report (it has no `partition`)', 'give the output of `svcpkg simulate SCENARIO --partition K/N`, not of `--format json`');
      continue;
    }
    if (version !== PARTITION_FORMAT_VERSION) {
      problem('notPartitionReport', input, '/format_version', `a partition report of format_version ${JSON.stringify(version ?? null)}; this svcpkg reads ${PARTITION_FORMAT_VERSION}`, 'write every partition report with the same svcpkg as merges them');
      continue;
    }
    const problems = checkValue('simulation-partition', value);
    if (problems.length > 0) {
      const first = problems[0]!;
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : '';
      problem('notPartitionReport', input, first.pointer, `not a valid partition report: ${first.pointer || '/'}: ${first.message}${more}`, 'write it again with `svcpkg simulate SCENARIO --partition K/N`');
      continue;
    }
    checked.push({ input, report: value as SimulationPartitionReport });
  }
  if (diagnostics.length > 0 || checked.length === 0) return { diagnostics };

  // Every report must come from the same run as the first.
  const first = checked[0]!;
  const same = (other: Checked, pointer: string, what: string, hint: string, differs: boolean): boolean => {
    if (!differs) return true;
    problem('partitionMismatch', other.input, pointer, `a partition of another run: its ${what} differs from ${first.input.file}'s`, hint, {
      input: first.input,
      pointer,
      message: `the ${what} of the first report`,
    });
    return false;
  };
  for (const other of checked.slice(1)) {
    const ok =
      same(other, '/partitions', 'number of partitions', 'give the reports of one `--partition K/N` run, with the same N', other.report.partitions !== first.report.partitions) &&
      RUN_FIELDS.every((field) =>
        same(other, `/run/${field}`, runFieldName(field), 'replay every partition from the same scenario, events, packages and options', other.report.run[field] !== first.report.run[field]),
      ) &&
      same(other, '/end', 'end', 'replay every partition from the same scenario and events', other.report.end !== first.report.end) &&
      same(other, '/subscription_count', 'number of subscriptions', 'replay every partition from the same scenario', other.report.subscription_count !== first.report.subscription_count);
    void ok;
  }
  if (diagnostics.length > 0) return { diagnostics };

  // Each partition once.
  const count = first.report.partitions;
  const byNumber = new Map<number, Checked>();
  for (const c of checked) {
    const earlier = byNumber.get(c.report.partition);
    if (c.report.partition > count) {
      problem('partitionMismatch', c.input, '/partition', `partition ${c.report.partition} of ${count} does not exist`, 'give the reports of one `--partition K/N` run');
    } else if (earlier) {
      problem('partitionDuplicate', c.input, '/partition', `partition ${c.report.partition} of ${count} is given twice`, 'give each partition report once', {
        input: earlier.input,
        pointer: '/partition',
        message: 'given here first',
      });
    } else byNumber.set(c.report.partition, c);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((k) => !byNumber.has(k));
  if (missing.length > 0 && diagnostics.length === 0) {
    const list = missing.length === 1 ? `partition ${missing[0]}` : `partitions ${missing.join(', ')}`;
    problem('partitionMissing', first.input, '/partitions', `${list} of ${count} ${missing.length === 1 ? 'is' : 'are'} missing: a merge needs every partition of the run`, `run \`svcpkg simulate SCENARIO --partition ${missing[0]}/${count}\` and give its report too`);
  }
  if (diagnostics.length > 0) return { diagnostics };

  // Every section where the routing puts it, every subscription once.
  const total = first.report.subscription_count;
  const ids: (string | undefined)[] = new Array(total);
  const owner: Checked[] = new Array(total);
  const local: number[] = new Array(total);
  for (const c of byNumber.values()) {
    const { indexes, subscriptions } = c.report;
    if (indexes.length !== subscriptions.length) {
      problem('partitionInconsistent', c.input, '/indexes', `${indexes.length} indexes for ${subscriptions.length} subscription sections`, 'write the report again: it was changed since');
      continue;
    }
    indexes.forEach((index, i) => {
      const id = (subscriptions[i] as { id?: unknown }).id;
      const pointer = `/subscriptions/${i}`;
      if (index >= total || ids[index] !== undefined) {
        problem('partitionInconsistent', c.input, `/indexes/${i}`, `subscription position ${index} is ${index >= total ? `beyond the scenario's ${total}` : 'given twice'}`, 'write the report again: it was changed since');
      } else if (typeof id !== 'string' || partitionOf(id, count) !== c.report.partition - 1) {
        problem('partitionInconsistent', c.input, pointer, `subscription ${JSON.stringify(id)} does not belong to partition ${c.report.partition} of ${count}`, 'write the report again: it was changed since');
      } else {
        ids[index] = id;
        owner[index] = c;
        local[index] = i;
      }
    });
  }
  const absent = ids.findIndex((id) => id === undefined);
  if (absent !== -1 && diagnostics.length === 0) {
    problem('partitionInconsistent', first.input, '/subscription_count', `no partition holds the subscription at position ${absent} of ${total}`, 'write the reports again: one was changed since');
  }
  if (diagnostics.length > 0) return { diagnostics };

  const merged = mergePartitions(ids as string[], Date.parse(first.report.end), [...byNumber.values()].map((c) => resultOf(c.report)));
  // The sections are copied as written: they must make a valid report.
  const problems = checkValue('simulation-report', merged.report);
  for (const p of problems.slice(0, 10)) {
    const match = /^\/subscriptions\/(\d+)(.*)$/.exec(p.pointer);
    const at = match ? Number(match[1]) : undefined;
    const c = at !== undefined ? owner[at]! : first;
    const pointer = at !== undefined ? `/subscriptions/${local[at]}${match![2]}` : '';
    problem('partitionInconsistent', c.input, pointer, `the merged report would not be valid: ${p.pointer || '/'}: ${p.message}`, 'write the report again: it was changed since');
  }
  if (diagnostics.length > 0) return { diagnostics };
  return { report: merged.report, scenario: first.report.scenario, diagnostics };
}

/** How a mismatch names a `run` field. */
function runFieldName(field: (typeof RUN_FIELDS)[number]): string {
  switch (field) {
    case 'scenario_sha256':
      return 'scenario file';
    case 'events_sha256':
      return 'events file';
    case 'manifest_sha256':
      return 'packages';
    case 'report_format_version':
      return 'report format version';
    case 'dedupe_window_days':
      return '--dedupe-window';
    case 'input':
      return '--input';
  }
}

/** Positions of JSON pointers in report files, parsed (with positions) only when a diagnostic needs one. */
class Locator {
  private readonly parsed = new Map<PartitionFile, ((pointer: string) => Span) | undefined>();

  locate(input: PartitionFile, pointer: string): Span {
    if (!this.parsed.has(input)) {
      let locate: ((pointer: string) => Span) | undefined;
      try {
        // JSON is YAML: the YAML parser keeps node positions.
        const doc = parseSource(input.file, input.text).documents[0];
        locate = doc ? (p) => doc.locate(p) : undefined;
      } catch {
        locate = undefined;
      }
      this.parsed.set(input, locate);
    }
    const locate = this.parsed.get(input);
    // A problem with the whole file points at its start, not at all of it.
    if (locate === undefined || pointer === '') return FILE_START;
    try {
      return locate(pointer);
    } catch {
      return FILE_START;
    }
  }
}
