// The top of the HTML report: totals of the run (or of both runs, side by side with the change),
// and with `--against` the table of decisions that change, per subscription and feature.
import { DENIAL_REASONS, type ReportTotals } from '../evaluate/index.js';
import { CHANGE_WORDS } from '../simulate/comparison-table.js';
import type { SimulationComparison } from '../simulate/comparison.js';
import type { ChangeKind } from '../simulate/decision-changes.js';
import { CHANGE_KIND_MEANING, changeMeaning, type ComparedMetric, type Meaning } from '../simulate/change-meaning.js';
import { escapeHtml, fragmentId } from './html.js';
import { formatNumber } from './scale.js';

/** Rows of the change table shown before pointing to the JSON comparison. */
const MAX_CHANGE_ROWS = 200;

/** A signed difference, or '' for none. */
export function signedNumber(n: number): string {
  return n === 0 ? '' : `${n > 0 ? '+' : '−'}${formatNumber(Math.abs(n))}`;
}

/** ` class="good"` (with a tooltip in words, so the meaning does not rest on colour alone), or ''. */
export function meaningAttributes(meaning: Meaning | undefined): string {
  if (meaning === undefined) return '';
  return ` class="${meaning}" title="${meaning === 'good' ? 'better' : 'worse'} for the platform"`;
}

/** A table cell holding a difference, coloured by what it means for `metric` (docs/simulation.md). */
function changeCell(metric: ComparedMetric, n: number): string {
  return `<td${meaningAttributes(changeMeaning(metric, n))}>${signedNumber(n)}</td>`;
}

/** The totals table of one run, or of two runs side by side. */
export function renderTotals(now: ReportTotals, old?: ReportTotals): string {
  const rows: [string, ComparedMetric, number, number | undefined, boolean][] = [
    ['Events', 'events', now.events, old?.events, false],
    ['Accepted', 'accepted', now.accepted, old?.accepted, false],
    ['Overage', 'overage', now.overage, old?.overage, false],
    ['Denied', 'denied', now.denied, old?.denied, false],
  ];
  for (const reason of DENIAL_REASONS) {
    if (now.by_reason[reason] > 0 || (old?.by_reason[reason] ?? 0) > 0) rows.push([reason, reason, now.by_reason[reason], old?.by_reason[reason], true]);
  }
  const head = old === undefined ? '<tr><th scope="col">Decisions</th><th scope="col">Events</th></tr>' : '<tr><th scope="col">Decisions</th><th scope="col">Old</th><th scope="col">New</th><th scope="col">Change</th></tr>';
  const body = rows
    .map(([name, metric, value, before, reason]) => {
      const cells = before === undefined ? `<td>${formatNumber(value)}</td>` : `<td>${formatNumber(before)}</td><td>${formatNumber(value)}</td>${changeCell(metric, value - before)}`;
      return `<tr${reason ? ' class="reason"' : ''} data-metric="${escapeHtml(metric)}"><th scope="row">${escapeHtml(name)}</th>${cells}</tr>`;
    })
    .join('');
  const key = old === undefined ? '' : '<p class="note-text">Changes in <span class="good">green</span> are better for the platform (fewer denials, more accepted, more revenue), in <span class="bad">red</span> worse; event and overage counts are not coloured.</p>';
  return `<table class="totals"><thead>${head}</thead><tbody>${body}</tbody></table>${key}`;
}

/** ` good` or ` bad` for a kind of decision change, or ''. */
function meaningClass(kind: ChangeKind): string {
  const meaning = CHANGE_KIND_MEANING[kind];
  return meaning === undefined ? '' : ` ${meaning}`;
}

/** The decisions that change, one row per subscription, feature and pair of verdicts. */
export function renderChanges(comparison: SimulationComparison): string {
  const rows: string[] = [];
  let total = 0;
  for (const sub of comparison.subscriptions) {
    for (const f of sub.features) {
      for (const c of f.changes) {
        total++;
        if (rows.length >= MAX_CHANGE_ROWS) continue;
        const more = c.count > c.examples.length ? ', …' : '';
        rows.push(
          `<tr><td class="text"><a href="#${escapeHtml(fragmentId('feature', `${sub.id}--${f.code}`))}">${escapeHtml(sub.id)}</a></td><td class="text"><code>${escapeHtml(f.code)}</code></td>` +
            `<td class="text${meaningClass(c.change)}">${CHANGE_WORDS[c.change]}</td><td class="text">${escapeHtml(c.old)} → ${escapeHtml(c.new)}</td><td>${formatNumber(c.count)}</td>` +
            `<td class="examples">${escapeHtml(c.examples.join(', ') + more)}</td></tr>`,
        );
      }
    }
  }
  for (const c of comparison.other_changes) {
    total++;
    if (rows.length >= MAX_CHANGE_ROWS) continue;
    rows.push(
      `<tr><td class="text">${escapeHtml(c.subscription ?? '(unknown)')}</td><td class="text">${escapeHtml(c.feature ?? '(unknown)')}</td><td class="text${meaningClass(c.change)}">${CHANGE_WORDS[c.change]}</td>` +
        `<td class="text">${escapeHtml(c.old)} → ${escapeHtml(c.new)}</td><td>${formatNumber(c.count)}</td><td class="examples">${escapeHtml(c.examples.join(', '))}</td></tr>`,
    );
  }
  if (total === 0) return '<p>No decision changes: every event gets the same decision under both package sets.</p>';
  const note = total > rows.length ? `<p class="note-text">${formatNumber(total - rows.length)} more rows in <code>--format json</code>.</p>` : '';
  return (
    '<table class="changes"><thead><tr><th scope="col">Subscription</th><th scope="col" class="text">Feature</th><th scope="col" class="text">Change</th>' +
    '<th scope="col" class="text">Old → new</th><th scope="col">Events</th><th scope="col" class="text">Examples</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table>${note}`
  );
}
