// Report data for renderer tests: a small scenario replayed through the evaluator with a usage
// history recorder, under one or two package sets.
import { createEvaluator, type EvaluatorManifest, type UsageEvent } from '../../src/evaluate/index.js';
import type { HtmlReportData, ReportRun } from '../../src/report/index.js';
import { buildComparison, DecisionChanges, featureKinds, UsageHistoryRecorder } from '../../src/simulate/index.js';
import { manifest, ms, pkg } from '../evaluate/helpers.js';

/** Packages with the given max_rooms (daily windows) and max_participants. */
export function packages(rooms: number, participants: number): EvaluatorManifest {
  return manifest(
    pkg('basic', {
      price: 10,
      currency: 'EUR',
      features: { max_rooms: { value: rooms, periodicity_type: 'daily', periodicity: 1 }, max_participants: participants, recording: true, max_storage: true },
    }),
  );
}

export const SUBSCRIPTIONS = [{ id: 'acme <&>', package: 'basic', starts_at: ms('2026-01-01') }];

const at = (hours: number) => new Date(ms('2026-01-01') + hours * 3_600_000).toISOString();

/** Rooms on two days (the second day over the limit of 2), a meeting of 4, recordings, storage. */
export const EVENTS: UsageEvent[] = [
  ...[1, 2, 3].map((h) => ({ transaction_id: `room-${h}`, external_subscription_id: 'acme <&>', code: 'max_rooms', timestamp: at(h) })),
  ...[25, 26, 27, 28].map((h) => ({ transaction_id: `room-${h}`, external_subscription_id: 'acme <&>', code: 'max_rooms', timestamp: at(h) })),
  ...[1, 2, 3, 4].map((i) => ({ transaction_id: `p-${i}`, external_subscription_id: 'acme <&>', code: 'max_participants', timestamp: at(30 + i / 60), properties: { session: 's1' } })),
  { transaction_id: 'rec-1', external_subscription_id: 'acme <&>', code: 'recording', timestamp: at(31) },
  { transaction_id: 'gb-1', external_subscription_id: 'acme <&>', code: 'max_storage', timestamp: at(32), properties: { gb: 1.5 } },
];

/** One run of the events under `m`. */
function replay(m: EvaluatorManifest, label: string, end: number): { run: ReportRun; decisions: ReturnType<ReturnType<typeof createEvaluator>['record']>[] } {
  const evaluator = createEvaluator(m, SUBSCRIPTIONS);
  const recorder = new UsageHistoryRecorder(m, SUBSCRIPTIONS.map((s) => s.id));
  const decisions = EVENTS.map((event) => {
    const decision = evaluator.record(event);
    recorder.record(event, decision);
    return decision;
  });
  return { run: { packages: label, report: evaluator.report(end), histories: recorder.histories() }, decisions };
}

/** The page data of one run, or of two with the comparison. */
export function reportData(options: { against?: boolean } = {}): HtmlReportData {
  const end = ms('2026-01-04');
  const now = packages(2, 3);
  const current = replay(now, 'proposed', end);
  const base: HtmlReportData = {
    scenario: 'scenario.yaml',
    run: current.run,
    starts: new Map(SUBSCRIPTIONS.map((s) => [s.id, s.starts_at])),
    features: new Map([
      ['max_rooms', { name: 'Max Rooms' }],
      ['max_storage', { name: 'Max Storage', unit: 'GB' }],
    ]),
  };
  if (!options.against) return base;
  const old = packages(3, 10);
  const previous = replay(old, 'current', end);
  const changes = new DecisionChanges(new Set(SUBSCRIPTIONS.map((s) => s.id)), new Set(featureKinds(now).keys()));
  EVENTS.forEach((event, i) => changes.record(event, previous.decisions[i]!, current.decisions[i]!));
  const comparison = buildComparison({ scenario: 'scenario.yaml', old: { packages: 'current', report: previous.run.report }, new: { packages: 'proposed', report: current.run.report }, changes: changes.list() });
  return { ...base, against: previous.run, comparison };
}
