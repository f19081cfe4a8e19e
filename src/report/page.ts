// The HTML report of `svcpkg simulate --html FILE`: one self-contained page — inline CSS and SVG,
// no script, no font, no image, no request of any kind — with the totals, a legend, and per
// subscription its lifecycle, charges and usage charts. A pure function of the data: the same
// runs give the same bytes.
import type { FeatureHistory } from '../simulate/usage-history.js';
import { escapeHtml, fragmentId } from './html.js';
import { renderLegend } from './legend.js';
import type { FeatureInfo, HtmlReportData, ReportRun, RunRole } from './model.js';
import { instantLabel } from './scale.js';
import { STYLES } from './styles.js';
import { renderSubscriptionSection, type SubscriptionRun } from './subscription-section.js';
import { renderRevenue } from './revenue.js';
import { renderChanges, renderTotals } from './summary.js';

/** Hatching for the suspended and rejected phases, shared by every strip of the page. */
const PATTERNS =
  '<svg width="0" height="0" aria-hidden="true" focusable="false" style="position:absolute"><defs>' +
  '<pattern id="hatch-suspended" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#eaeef2"/><line x1="0" y1="0" x2="0" y2="6" stroke="#8c959f" stroke-width="2"/></pattern>' +
  '<pattern id="hatch-rejected" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)"><rect width="6" height="6" fill="#ffebe9"/><line x1="0" y1="0" x2="0" y2="6" stroke="#cf222e" stroke-width="1.5"/></pattern>' +
  '</defs></svg>';

/** Histories of one run, by subscription then feature. */
function indexHistories(histories: readonly FeatureHistory[]): Map<string, Map<string, FeatureHistory>> {
  const index = new Map<string, Map<string, FeatureHistory>>();
  for (const h of histories) {
    let features = index.get(h.subscription);
    if (features === undefined) index.set(h.subscription, (features = new Map()));
    features.set(h.feature, h);
  }
  return index;
}

/** Render the whole page. */
export function renderHtmlReport(data: HtmlReportData): string {
  const runs: { role: RunRole; run: ReportRun }[] = data.against ? [{ role: 'old', run: data.against }, { role: 'new', run: data.run }] : [{ role: 'new', run: data.run }];
  const two = runs.length > 1;
  const report = data.run.report;
  const end = Date.parse(report.end);
  const features = data.features ?? new Map<string, FeatureInfo>();
  const uncharted = new Set(data.uncharted ?? []);
  const indexes = runs.map(({ role, run }) => ({ role, report: run.report, histories: indexHistories(run.histories) }));
  const oldById = new Map((data.against?.report.subscriptions ?? []).map((s) => [s.id, s]));
  const title = `Simulation of ${data.scenario}${two ? ' — compared' : ''}`;

  let body = '<header>';
  body += `<h1>Simulation of <code>${escapeHtml(data.scenario)}</code></h1>`;
  body += `<p class="meta">Until ${escapeHtml(instantLabel(end))} (exclusive) · packages <code>${escapeHtml(data.run.packages)}</code>`;
  if (data.against) body += ` compared with <code>${escapeHtml(data.against.packages)}</code> (old)`;
  body += '</p></header><main>';

  body += '<section class="card" aria-labelledby="summary"><h2 id="summary">Summary</h2>';
  body += renderTotals(report.totals, data.against?.report.totals);
  if (data.comparison) body += '<h3>Decisions that change</h3>' + renderChanges(data.comparison);
  body += '</section>';
  if (data.revenue) body += renderRevenue(data.revenue);

  body += '<section class="card" aria-labelledby="legend"><h2 id="legend">Reading the charts</h2>';
  body += '<p class="muted">Each chart shows one subscription\'s use of one feature over time, on the same time axis as its lifecycle strip. Hover a marker for its transaction id. All times are UTC.</p>';
  body += renderLegend(
    runs.map((r) => r.role),
    Object.fromEntries(runs.map(({ role, run }) => [role, run.packages])),
  );
  body += '</section>';

  body += '<nav class="card" aria-labelledby="contents"><h2 id="contents">Subscriptions</h2><ul>';
  for (const sub of report.subscriptions) {
    // Two lines per cell, each cut with an ellipsis (the tooltip has it whole), so every cell of
    // the grid has the same height and the list reads in even rows at any width.
    const what = `${sub.package} · ${sub.status_at_end}`;
    body += `<li title="${escapeHtml(`${sub.id}: ${what}`)}"><a href="#${escapeHtml(fragmentId('sub', sub.id))}">${escapeHtml(sub.id)}</a><span class="muted">${escapeHtml(what)}</span></li>`;
  }
  body += '</ul></nav>';

  for (const sub of report.subscriptions) {
    const subscriptionRuns: SubscriptionRun[] = indexes.map(({ role, histories }) => ({
      role,
      report: role === 'old' ? (oldById.get(sub.id) ?? sub) : sub,
      histories: histories.get(sub.id) ?? new Map<string, FeatureHistory>(),
    }));
    const comparison = data.comparison?.subscriptions.find((s) => s.id === sub.id);
    body += renderSubscriptionSection({
      runs: subscriptionRuns,
      ...(comparison ? { comparison } : {}),
      startsAt: data.starts.get(sub.id),
      end,
      features,
      charted: !uncharted.has(sub.id),
    });
  }
  body += '</main>';
  body += `<footer>Written by <code>svcpkg simulate --html</code>. Self-contained: this page loads nothing else.</footer>`;

  return (
    '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    // Nothing to fetch, ever: the policy makes that explicit to the browser.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">\n` +
    `<title>${escapeHtml(title)}</title>\n<style>${STYLES}</style>\n</head>\n<body>\n${PATTERNS}\n${body}\n</body>\n</html>\n`
  );
}
