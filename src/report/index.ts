// The report stage: the HTML page of `svcpkg simulate --html` — pure functions from a
// simulation's reports and usage histories to a self-contained HTML string.
export { renderHtmlReport } from './page.js';
export type { FeatureInfo, HtmlReportData, ReportRun, RunRole } from './model.js';
export { renderUsageChart, type ChartRun, type UsageChartInput } from './usage-chart.js';
export { renderPhaseStrip, type PhaseStripInput } from './phase-strip.js';
export { featureInfos } from './feature-info.js';
