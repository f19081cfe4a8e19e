// What the HTML report is drawn from: the runs of a scenario (one, or two with `--against`), each
// with its report and the usage histories recorded while it ran.
import type { SimulationReport } from '../evaluate/index.js';
import type { SimulationComparison } from '../simulate/comparison.js';
import type { ChartKind, FeatureHistory } from '../simulate/usage-history.js';
import type { RevenueRun } from './revenue.js';

/** Which run: the scenario's own packages (`new`), or the ones given with `--against` (`old`). */
export type RunRole = 'old' | 'new';

/** One run of the scenario. */
export interface ReportRun {
  /** Where its packages come from, as shown to people. */
  packages: string;
  /** Its report. */
  report: SimulationReport;
  /** Its usage histories, per subscription and feature. */
  histories: readonly FeatureHistory[];
}

/** What the page says about a feature: its name and unit for headings and axes, how it is drawn. */
export interface FeatureInfo {
  /** Name from the catalog, e.g. `Max Storage`. */
  name?: string;
  /** Unit, e.g. `GB`; null or absent when it counts things. */
  unit?: string | null;
  /** How it is drawn (used when no run recorded a history for it). */
  kind?: ChartKind;
}

/** Everything the page shows. */
export interface HtmlReportData {
  /** The scenario file as shown to people. */
  scenario: string;
  /** The run under the scenario's packages. */
  run: ReportRun;
  /** With `--against`: the run under the other packages. */
  against?: ReportRun;
  /** With `--against`: the comparison of the two runs. */
  comparison?: SimulationComparison;
  /** When each subscription starts (ms), for the time axes. */
  starts: ReadonlyMap<string, number>;
  /** Names and units of features, by code. */
  features?: ReadonlyMap<string, FeatureInfo>;
  /** Subscriptions that were not charted (beyond the chart cap). */
  uncharted?: readonly string[];
  /** Charge lines of each run, old first, for the revenue view (src/report/revenue.ts). */
  revenue?: readonly RevenueRun[];
}
