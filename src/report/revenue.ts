// The HTML report's revenue view (docs/revenue.md): money charged per package and calendar month
// (UTC), by currency, with a total column; with `--against`, each cell shows the old run, the new
// run and the change. A pure function of the runs' charge lines.
import type { ChargeLine } from '../evaluate/ledger.js';
import { formatMinor } from '../evaluate/money.js';
import { escapeHtml } from './html.js';

/** The charge lines of one run. */
export interface RevenueRun {
  /** `old` (the `--against` packages) or `new`. */
  role: 'old' | 'new';
  /** Its charge lines. */
  lines: readonly ChargeLine[];
}

/** `2026-03` of an instant. */
function monthOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

/** Sums by row key (package and currency), then month. */
type Sums = Map<string, Map<string, bigint>>;

/** A row key: package and currency, kept apart by a character neither can hold. */
function rowKey(line: ChargeLine): string {
  return `${line.package}\u0000${line.currency ?? ''}`;
}

/** Add a run's lines up. */
function sum(lines: readonly ChargeLine[], months: Set<string>, rows: Set<string>): Sums {
  const sums: Sums = new Map();
  for (const line of lines) {
    const key = rowKey(line);
    const month = monthOf(line.at);
    months.add(month);
    rows.add(key);
    let byMonth = sums.get(key);
    if (byMonth === undefined) sums.set(key, (byMonth = new Map()));
    byMonth.set(month, (byMonth.get(month) ?? 0n) + line.minor);
  }
  return sums;
}

/** One cell: the amount, or `old → new` with the change when the runs differ. */
function cell(values: readonly (bigint | undefined)[], currency: string | null): string {
  const shown = values.map((v) => v ?? 0n);
  if (shown.length === 1 || shown[0] === shown[1]) {
    const v = shown[shown.length - 1]!;
    return v === 0n ? '<td class="muted">–</td>' : `<td>${escapeHtml(formatMinor(v, currency))}</td>`;
  }
  const change = shown[1]! - shown[0]!;
  const sign = change > 0n ? '+' : '−';
  return (
    `<td class="${change > 0n ? 'up' : 'down'}">${escapeHtml(formatMinor(shown[0]!, currency))} → ${escapeHtml(formatMinor(shown[1]!, currency))}` +
    `<br><small>${sign}${escapeHtml(formatMinor(change < 0n ? -change : change, currency))}</small></td>`
  );
}

/** The revenue section: a table of packages by month; '' when no run charged anything. */
export function renderRevenue(runs: readonly RevenueRun[]): string {
  const months = new Set<string>();
  const rows = new Set<string>();
  const sums = runs.map((run) => sum(run.lines, months, rows));
  if (rows.size === 0) return '';
  const monthList = [...months].sort();
  const head =
    '<tr><th scope="col">Package</th><th scope="col" class="text">Currency</th>' +
    monthList.map((m) => `<th scope="col">${escapeHtml(m)}</th>`).join('') +
    '<th scope="col">Total</th></tr>';
  let body = '';
  for (const key of [...rows].sort()) {
    const [pkg = '', code = ''] = key.split('\u0000');
    const currency = code === '' ? null : code;
    const cells = monthList.map((m) => cell(sums.map((s) => s.get(key)?.get(m)), currency));
    const totals = sums.map((s) => [...(s.get(key)?.values() ?? [])].reduce((a, b) => a + b, 0n));
    body += `<tr><th scope="row">${escapeHtml(pkg)}</th><td class="text">${escapeHtml(code || '–')}</td>${cells.join('')}${cell(totals, currency).replace('<td', '<td style="font-weight:600"')}</tr>`;
  }
  const note =
    runs.length > 1
      ? '<p class="muted">Money charged per package and month (UTC), by the month each charge falls due: the old packages → the terms the migration gives, and the change.</p>'
      : '<p class="muted">Money charged per package and month (UTC), by the month each charge falls due: signup fees, recurring prices and overage. Unbilled overage is not included.</p>';
  return (
    '<section class="card" aria-labelledby="revenue"><h2 id="revenue">Revenue</h2>' +
    note +
    `<table class="totals revenue"><thead>${head}</thead><tbody>${body}</tbody></table></section>`
  );
}
