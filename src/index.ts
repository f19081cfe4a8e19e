// svcpkg's public library API.
export type { Diagnostic, Severity, Span, RelatedLocation, Summary } from './diagnostics/diagnostic.js';
export type { CodeDefinition } from './diagnostics/registry.js';
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
// The evaluator (SPEC §8): pure, no I/O, no clock. Report and event *formats* are the generated
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
export type * from './generated/index.js';
