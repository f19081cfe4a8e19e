// svcpkg's public library API.
export type { Diagnostic, Severity, Span, RelatedLocation, Summary } from './diagnostics/diagnostic.js';
export type { CodeDefinition } from './diagnostics/registry.js';
// Whether a diagnostic stops the run (the CLI exits 2): results carry no separate flag for it.
export { isFatal } from './diagnostics/collector.js';
export { ALL_CODES, lookupCode } from './codes.js';
export { checkRepo, checkFile, type RepoCheck, type RepoCheckOptions } from './check/index.js';
export { loadCatalog, loadBundledCatalog, BUNDLED_CATALOG_DIR, type Catalog, type CatalogLoad } from './catalog/index.js';
export { loadConfig, type ResolvedConfig } from './config/index.js';
export {
  compileProject,
  compileInMemory,
  explainPackage,
  readLockfile,
  planLockfile,
  renderManifestJson,
  renderManifestTs,
  COMPILE_CODES,
  type CompileOptions,
  type CompileResult,
  type EmitKind,
  type InMemoryCompile,
  type InMemoryCompileOptions,
  type ExplainOptions,
  type ExplainResult,
  type Explanation,
  type ExplainedValue,
  type Origin,
  type IdMinter,
  type PackageIds,
  type LockChange,
  type LockPlan,
} from './compile/index.js';
export { formatDiagnostics, type FormatName } from './diagnostics/format/index.js';
// The evaluator (docs/simulation.md): pure, no I/O, no clock. Report and event *formats* are the generated
// types below (`SimulationReport`, `UsageEvent`), which the evaluator's own types match.
export {
  createEvaluator,
  DEFAULT_DEDUPE_WINDOW_DAYS,
  DENIAL_REASONS,
  EvaluatorInputError,
  addInterval,
  windowAt,
  parseTimestamp,
  type Evaluator,
  type Decision,
  type DenialReason,
  type Level,
  type Outcome,
  type Window,
  type EvaluatorManifest,
  type Subscription,
} from './evaluate/index.js';
export { runScenario, loadScenario, buildComparison, SIMULATE_CODES, type RunOptions, type RunResult } from './simulate/index.js';
export { renderHtmlReport, type HtmlReportData } from './report/index.js';
export { diffManifests } from './diff/index.js';
export type { SeverityLevel, SeverityOverrides } from './diagnostics/severity-overrides.js';
export { codeUrl } from './diagnostics/url.js';

// The file formats, as generated from schemas/ (`npm run gen`). Named one by one: the generator's
// numbered helper aliases (`ReportCount1`, `Verdict1`…) are not API (test/diagnostics/public-api.test.ts).
export type { FeatureDefinition, FeatureSettings } from './generated/catalog-feature.js';
export type { SvcpkgConfig } from './generated/config.js';
export type { Lockfile, LockEntry } from './generated/lockfile.js';
export type {
  Manifest,
  ManifestCatalog,
  CatalogFeature,
  CatalogFeatureSettings,
  CatalogServiceType,
  CatalogProviderType,
  ResolvedPackage,
  ResolvedProvider,
  ResolvedFeature,
  OveragePrice,
  OverageTier,
  ResolvedNotificationPreference,
} from './generated/manifest.js';
export type { ProviderTypeDefinition } from './generated/provider-type.js';
export type { Scenario, ScenarioInstant, ScenarioSubscription, ScenarioCancel, ScenarioFeatureValues } from './generated/scenario.js';
export type {
  ServicePackage,
  FeatureValue,
  FeatureLongForm,
  ResetUnit,
  ScalarValue,
  MetadataValue,
  ProviderAttachment,
  NotificationPreference,
} from './generated/service-package.js';
export type { ServiceTypeDefinition } from './generated/service-type.js';
export type {
  SimulationComparison,
  ComparisonCount,
  ComparedPhase,
  ComparedLimitValue,
  ChangeKind,
  Verdict,
  ComparedRun,
  ComparedTotals,
  ComparedDenialsByReason,
  ChangeCounts,
  SubscriptionComparison,
  ComparedStatus,
  ChargesComparison,
  ComparedChargesSide,
  FeatureComparison,
  ComparedLimit,
  ComparedCount,
  ComparedAmount,
  DecisionChange,
  PackageComparison,
  CurrencyTotal,
  UnattributedChange,
} from './generated/simulation-comparison.js';
export type {
  SimulationReport,
  ReportCount,
  ReportInstant,
  ReportTotals,
  DenialsByReason,
  SubscriptionReport,
  PhaseReport,
  ChargesReport,
  NotificationReport,
  FeatureReport,
} from './generated/simulation-report.js';
export type { UsageEvent, UsageEventProperties } from './generated/usage-event.js';
