// The simulate stage (docs/simulation.md): scenarios, event streams and reports around the evaluator.
export { SIMULATE_CODES } from './codes.js';
export { DecisionsWriter, decisionLine } from './decisions-file.js';
export { EVENT_FORMS, fromCloudEvent, type EventForm } from './event-form.js';
export { nextDayStart, parseScenarioInstant } from './instant.js';
export { loadScenario, type ScenarioLoad, type ScenarioLoadOptions } from './load-scenario.js';
export { forEachLine, openTextFile, readTextChunks, MAX_LINE_LENGTH, type LineHandler, type TextFileReader } from './ndjson.js';
export { packagesMissingFrom, runScenario, type RunOptions, type RunProgress, type RunResult } from './run.js';
export { runSimulation, type AgainstPackages, type PageData, type PageRun, type SimulationOptions, type SimulationOutcome } from './simulation.js';
export type { EventSource, Scenario } from './scenario.js';
export { formatTable, groupDigits, type TableOptions } from './table.js';
export { CHANGE_KINDS, DecisionChanges, VERDICTS, changeKind, verdictOf, type ChangeGroup, type ChangeKind, type Verdict } from './decision-changes.js';
export { buildComparison, COMPARISON_FORMAT_VERSION } from './comparison.js';
export type {
  ChangeCounts,
  ChargesComparison,
  ComparedRun,
  Compared,
  ComparisonInput,
  CurrencyRevenue,
  CurrencyTotal,
  MigrationPolicy,
  DecisionChange,
  FeatureComparison,
  PackageComparison,
  SimulationComparison,
  SubscriptionComparison,
  SubscriptionTerms,
  UnattributedChange,
} from './comparison.js';
export { formatComparisonTable } from './comparison-table.js';
export { ExtremaBins, type UsagePoint } from './extrema-bins.js';
export { UsageHistoryRecorder, featureKinds, type ChartKind, type FeatureHistory, type ResetWindow, type UsageHistoryOptions, type UsageMarker } from './usage-history.js';
export { ProgressLine, formatProgress, type ProgressLineOptions, type ProgressOutput, type ProgressState } from './progress.js';
