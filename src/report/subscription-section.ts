// One subscription in the HTML report: its status, lifecycle strip, charges, notifications, and a
// usage chart for every feature that received events (both runs on one chart with `--against`).
import type { Charges, FeatureReport, SubscriptionReport } from '../evaluate/index.js';
import type { SubscriptionComparison } from '../simulate/comparison.js';
import { changeSummary } from '../simulate/comparison-table.js';
import { formatAmount, formatMinor, numberToMinor } from '../evaluate/money.js';
import type { ChartKind, FeatureHistory } from '../simulate/usage-history.js';
import { changeMeaning } from '../simulate/change-meaning.js';
import { escapeHtml, fragmentId } from './html.js';
import type { FeatureInfo, RunRole } from './model.js';
import { renderPhaseStrip } from './phase-strip.js';
import { formatNumber, instantLabel } from './scale.js';
import { meaningAttributes } from './summary.js';
import { limitWords, MAX_DRAWN_WINDOWS, renderUsageChart, type ChartRun } from './usage-chart.js';

/** One run's view of the subscription. */
export interface SubscriptionRun {
  /** Which run. */
  role: RunRole;
  /** Its report of the subscription. */
  report: SubscriptionReport;
  /** Its histories of this subscription, by feature. */
  histories: ReadonlyMap<string, FeatureHistory>;
}

/** What the section shows. */
export interface SubscriptionSectionInput {
  /** One run, or the old then the new. */
  runs: readonly SubscriptionRun[];
  /** The comparison of this subscription, with two runs. */
  comparison?: SubscriptionComparison;
  /** When it starts (ms). */
  startsAt: number | undefined;
  /** The scenario end (ms). */
  end: number;
  /** Names, units and kinds of features. */
  features: ReadonlyMap<string, FeatureInfo>;
  /** Whether usage was recorded for it (false beyond the chart cap). */
  charted: boolean;
}

/** The features to chart: every feature with events in either run, in the new report's order. */
function featuresWithEvents(runs: readonly SubscriptionRun[]): string[] {
  const codes: string[] = [];
  for (const run of [...runs].reverse()) {
    for (const f of run.report.features) {
      if (f.accepted + f.overage + f.denied > 0 && !codes.includes(f.code)) codes.push(f.code);
    }
  }
  return codes;
}

/** Render the section. */
export function renderSubscriptionSection(input: SubscriptionSectionInput): string {
  const current = input.runs[input.runs.length - 1]!;
  const sub = current.report;
  const two = input.runs.length > 1;
  const id = fragmentId('sub', sub.id);
  const status = two && input.runs[0]!.report.status_at_end !== sub.status_at_end ? `${input.runs[0]!.report.status_at_end} → ${sub.status_at_end}` : sub.status_at_end;
  const extra = [sub.rejected_reason ? `rejected: ${sub.rejected_reason}` : '', sub.oversold ? 'oversold' : ''].filter(Boolean).join(', ');

  // One time axis for the strip and every chart: from the start (or an earlier event) to the end.
  let start = input.startsAt ?? Infinity;
  let end = input.end;
  for (const run of input.runs) {
    for (const h of run.histories.values()) {
      if (h.first !== undefined && h.first < start) start = h.first;
      if (h.last !== undefined && h.last >= end) end = h.last + 1;
    }
  }
  if (!Number.isFinite(start)) start = end - 86_400_000;
  if (end <= start) end = start + 86_400_000;

  let out = `<section class="card subscription" id="${escapeHtml(id)}" aria-labelledby="${escapeHtml(id)}-h" data-subscription="${escapeHtml(sub.id)}">`;
  out += `<h2 id="${escapeHtml(id)}-h">${escapeHtml(sub.id)}<span class="sub-meta"><code>${escapeHtml(sub.package)}</code> · <span class="status">${escapeHtml(status)}</span>${extra ? ` · ${escapeHtml(extra)}` : ''}</span></h2>`;
  if (input.comparison) {
    const n = input.comparison.changes.events;
    out += `<p>${n === 0 ? 'No decision changes.' : `${formatNumber(n)} decision${n === 1 ? ' changes' : 's change'}: ${escapeHtml(changeSummary(input.comparison.changes))}.`}</p>`;
  }

  out += '<h3>Lifecycle</h3>';
  const strip = renderPhaseStrip({ id: `${id}-phases`, subscription: sub.id, start, end, runs: input.runs.map((r) => ({ role: r.role, phases: r.report.phases })) });
  out += strip;
  out += `<p class="muted">${input.runs
    .map((r) => `${two ? `<strong>${r.role}</strong>: ` : ''}${r.report.phases.length === 0 ? 'not started before the end' : escapeHtml(r.report.phases.map((p) => `${p.phase} ${instantLabel(Date.parse(p.start))} → ${instantLabel(Date.parse(p.end))}`).join(' · '))}`)
    .join('<br>')}</p>`;

  out += '<h3>Charges</h3>' + chargesTable(input.runs, input.comparison);
  const notices = current.report.notifications;
  if (notices.length > 0) {
    out += `<details><summary>${formatNumber(notices.length)} notification${notices.length === 1 ? '' : 's'}${two ? ' (new packages)' : ''}</summary><ul>`;
    for (const n of notices) {
      out += `<li>${escapeHtml(instantLabel(Date.parse(n.at)))} · ${escapeHtml(n.event)}${n.feature ? ` <code>${escapeHtml(n.feature)}</code>` : ''}${n.threshold !== undefined ? ` ${n.threshold}%` : ''} (${escapeHtml(n.channels.join(', '))})</li>`;
    }
    out += '</ul></details>';
  }

  out += '<h3>Usage</h3>';
  const codes = featuresWithEvents(input.runs);
  if (!input.charted) {
    out += '<p class="muted">Not charted: the report charts the first subscriptions of the scenario only.</p>';
  } else if (codes.length === 0) {
    out += '<p class="muted">No events.</p>';
  }
  if (input.charted) {
    for (const code of codes) out += featureFigure(input, code, start, end);
  }
  const idle = current.report.features.filter((f) => !codes.includes(f.code)).map((f) => f.code);
  if (idle.length > 0) out += `<p class="muted">Without events: ${idle.map((c) => `<code>${escapeHtml(c)}</code>`).join(', ')}.</p>`;
  return out + '</section>';
}

/** The money columns of the charges table: header, and the part of the charges it shows. */
const CHARGE_COLUMNS = [
  ['Signup fee', 'signup_fee'],
  ['Recurring', 'recurring'],
  ['Overage', 'overage'],
  ['Unbilled overage', 'unbilled_overage'],
  ['Total', 'total'],
] as const;

/** A part of the charges that holds money. */
type ChargePart = (typeof CHARGE_COLUMNS)[number][1];

/**
 * Charges of one run, or of both with the change: every amount with its currency (docs/revenue.md),
 * overage beside the recurring price, and unbilled overage only when a run has some. With two runs
 * in one currency, the change of each part is exact (minor units) and coloured by what it means.
 */
function chargesTable(runs: readonly SubscriptionRun[], comparison: SubscriptionComparison | undefined): string {
  const unbilled = runs.some((r) => r.report.charges.unbilled_overage > 0);
  const parts = CHARGE_COLUMNS.filter(([, part]) => unbilled || part !== 'unbilled_overage');
  const periods = (c: Charges): string => `${formatNumber(c.periods)}${c.seats > 1 ? ` × ${formatNumber(c.seats)} seats` : ''}`;
  const amount = (c: Charges, part: ChargePart): string => {
    const text = escapeHtml(formatAmount(c[part], c.currency));
    return part === 'total' ? `<strong>${text}</strong>` : text;
  };
  const row = (label: string, c: Charges) =>
    `<tr data-run="${escapeHtml(label)}"><th scope="row">${escapeHtml(label)}</th><td>${periods(c)}</td>` +
    parts.map(([, part]) => `<td data-charge="${part}">${amount(c, part)}</td>`).join('') +
    '</tr>';
  let body = runs.map((r) => row(runs.length > 1 ? r.role : 'charged', r.report.charges)).join('');
  if (comparison) {
    const { old, new: now } = comparison.charges;
    if (comparison.charges.change === null) {
      body += `<tr data-run="change"><th scope="row">change</th><td class="text" colspan="${parts.length}">the currency changed</td><td>–</td></tr>`;
    } else {
      const cells = parts.map(([, part]) => {
        // Exact difference in minor units: the report's amounts are decimals of the currency.
        const change = numberToMinor(now[part], now.currency) - numberToMinor(old[part], old.currency);
        const text = change === 0n ? 'none' : `${change > 0n ? '+' : '−'}${formatMinor(change < 0n ? -change : change, now.currency)}`;
        // Unbilled overage is not revenue yet: its change is shown, not judged.
        const meaning = part === 'unbilled_overage' || change === 0n ? undefined : changeMeaning('charges', change > 0n ? 1 : -1);
        const shown = escapeHtml(text);
        return `<td data-charge="${part}"${meaningAttributes(meaning)}>${part === 'total' ? `<strong>${shown}</strong>` : shown}</td>`;
      });
      body += `<tr data-run="change"><th scope="row">change</th><td></td>${cells.join('')}</tr>`;
    }
  }
  return (
    '<table class="charges"><thead><tr><th scope="col"></th><th scope="col">Periods</th>' +
    parts.map(([header]) => `<th scope="col">${header}</th>`).join('') +
    `</tr></thead><tbody>${body}</tbody></table>`
  );
}

/** The report entry of a feature, or an empty one. */
function featureOf(report: SubscriptionReport, code: string): FeatureReport {
  return report.features.find((f) => f.code === code) ?? { code, limit: false, usage: null, peak: 0, accepted: 0, overage: 0, denied: 0, overage_amount: 0, overage_charge: 0 };
}

/** `484 → 464`, or `484`. */
function pairText(values: readonly number[]): string {
  return values.length > 1 && values[0] !== values[1] ? `${formatNumber(values[0]!)} → ${formatNumber(values[1]!)}` : formatNumber(values[values.length - 1]!);
}

/** A feature's heading, chart and caption. */
function featureFigure(input: SubscriptionSectionInput, code: string, start: number, end: number): string {
  const runs = input.runs;
  const sub = runs[runs.length - 1]!.report;
  const info = input.features.get(code) ?? {};
  const reports = runs.map((r) => featureOf(r.report, code));
  const histories = runs.map((r) => r.histories.get(code));
  const kind: ChartKind = [...histories].reverse().find((h) => h !== undefined)?.kind ?? info.kind ?? (typeof reports[reports.length - 1]!.limit === 'boolean' ? 'switch' : 'window');
  const chartRuns: ChartRun[] = runs.map((r, i) => ({ role: r.role, history: histories[i], limit: reports[i]!.limit }));
  const limits = reports.map((f) => f.limit);
  const limitText = limits.length > 1 && limits[0] !== limits[1] ? `${limitWords(limits[0]!)} → ${limitWords(limits[1]!)}` : limitWords(limits[limits.length - 1]!);
  const facts = [
    `${kind === 'switch' ? 'Switch' : 'Limit'} ${limitText}`,
    ...(kind === 'switch' ? [] : [`peak ${pairText(reports.map((f) => f.peak))}${kind === 'use' ? ' in one use' : ''}`]),
    `${pairText(reports.map((f) => f.accepted))} accepted`,
    `${pairText(reports.map((f) => f.overage))} overage`,
    `${pairText(reports.map((f) => f.denied))} denied`,
  ];
  if (reports.some((f) => f.overage_amount > 0)) facts.push(`overage amount ${pairText(reports.map((f) => f.overage_amount))}`);
  const changes = input.comparison?.features.find((f) => f.code === code)?.changes ?? [];
  const changed = changes.reduce((n, c) => n + c.count, 0);
  if (runs.length > 1) facts.push(changed === 0 ? 'no decision changes' : `${formatNumber(changed)} decision${changed === 1 ? ' changes' : 's change'}`);
  const notes: string[] = [];
  if (histories.some((h) => h?.markersMerged)) notes.push('where overage or denied events are dense, one marker stands for several');
  if (histories.every((h) => h === undefined || h.first === undefined)) notes.push('no event with a valid timestamp to draw');
  const windows = Math.max(...histories.map((h) => (h?.windows.length ?? 0) + (h?.windowsDropped ?? 0)));
  if (kind === 'window' && windows > MAX_DRAWN_WINDOWS) notes.push(`usage reset ${formatNumber(windows)} times, too often to mark each window`);

  const figureId = fragmentId('feature', `${sub.id}--${code}`);
  const what = kind === 'window' ? 'usage over time in its reset windows' : kind === 'use' ? 'highest usage of a single use over time' : 'events over time';
  const chart = renderUsageChart({
    id: `${figureId}-chart`,
    subscription: sub.id,
    feature: code,
    kind,
    unit: info.unit ?? null,
    start,
    end,
    scenarioEnd: input.end,
    runs: chartRuns,
    title: `${code} of ${sub.id}: ${what}${runs.length > 1 ? ', old and new packages' : ''}`,
    description: `${facts.join(', ')}.${notes.length > 0 ? ` ${notes.join('; ')}.` : ''}`,
  });
  return (
    `<figure class="feature" id="${escapeHtml(figureId)}" data-subscription="${escapeHtml(sub.id)}" data-feature="${escapeHtml(code)}">` +
    `<h4><code>${escapeHtml(code)}</code>${info.name ? `<span class="feature-name">${escapeHtml(info.name)}${info.unit ? `, ${escapeHtml(info.unit)}` : ''}</span>` : ''}</h4>` +
    chart +
    `<figcaption>${escapeHtml(facts.join(' · '))}${notes.length > 0 ? ` · ${escapeHtml(notes.join('; '))}` : ''}</figcaption></figure>`
  );
}
