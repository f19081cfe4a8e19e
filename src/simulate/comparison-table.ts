// The comparison as text for people (`svcpkg simulate --against OLD`, the default format): totals
// old and new, then per subscription its charges and the features whose decisions change, with
// examples, then totals per package. A pure function of the comparison; on a terminal, coloured
// like validate's output, changes by what they mean (./change-meaning.ts), not by their sign.
// Names, codes and event ids come from YAML and event files: each is made printable before it is coloured.
import { palette, type Palette, type Style } from '../diagnostics/format/color.js';
import { printable } from '../diagnostics/format/printable.js';
import { DENIAL_REASONS, type ReportedLimit } from '../evaluate/index.js';
import type { Charges } from '../evaluate/index.js';
import { formatAmount } from '../evaluate/money.js';
import { CHANGE_KIND_MEANING, changeMeaning, type ComparedMetric, type Meaning } from './change-meaning.js';
import type { ChangeCounts, Compared, DecisionChange, SimulationComparison, SubscriptionComparison } from './comparison.js';
import { CHANGE_KINDS, type ChangeKind } from './decision-changes.js';
import { groupDigits, when } from './table.js';

/** Examples shown per row of changes (the JSON has more). */
const EXAMPLES_SHOWN = 3;

/** How each kind of change reads. */
export const CHANGE_WORDS: Record<ChangeKind, string> = {
  newly_denied: 'newly denied',
  newly_accepted: 'newly accepted',
  new_overage: 'new overage',
  overage_gone: 'overage gone',
  reason_changed: 'reason changed',
};

/** A signed difference: `+12`, `−3` (a real minus sign), or '' for none. */
function signed(n: number, format: (n: number) => string = groupDigits): string {
  if (n === 0) return '';
  return `${n > 0 ? '+' : '−'}${format(Math.abs(n))}`;
}

/** `484 → 464`, or `484` when both are the same. */
function pair<T>(value: Compared<T>, format: (v: T) => string): string {
  return value.old === value.new ? format(value.new) : `${format(value.old)} → ${format(value.new)}`;
}

/** A limit in words. */
function limitText(limit: ReportedLimit): string {
  if (limit === false) return 'not included';
  if (limit === true) return 'on';
  return typeof limit === 'number' ? groupDigits(limit) : printable(limit);
}

/** Charges as `79.60 EUR`: money always shows its currency (docs/revenue.md). */
function chargesText(charges: Charges): string {
  return formatAmount(charges.total, charges.currency);
}

/** A money formatter for one currency (`XXX`: none). */
function moneyIn(currency: string | null): (n: number) => string {
  return (n) => formatAmount(n, currency === 'XXX' ? null : currency);
}

/** How the new run's terms read: `old → new at 2026-08-01`, `old for good`, or '' for NEW throughout. */
function termsText(sub: SubscriptionComparison): string {
  const t = sub.terms;
  if (t.start === 'new') return '';
  if (t.kept_on_old) return 'old (its package is not in new)';
  return t.moved_at === null ? 'old for good' : `old → new at ${when(t.moved_at)}`;
}

/** `12 newly denied, 3 new overage` for the kinds that occurred. */
export function changeSummary(counts: ChangeCounts, p: Palette = palette(false)): string {
  const parts = CHANGE_KINDS.filter((k) => counts[k] > 0).map((k) => meaningStyle(CHANGE_KIND_MEANING[k], p)(`${groupDigits(counts[k])} ${CHANGE_WORDS[k]}`));
  return parts.join(', ');
}

/** Options of the comparison table. */
export interface ComparisonTableOptions {
  /** ANSI colour (default false): headings, changes green when better for the platform and red when worse. */
  color?: boolean;
}

/** The style of a change that means `meaning`. */
function meaningStyle(meaning: Meaning | undefined, p: Palette): Style {
  return meaning === 'good' ? p.success : meaning === 'bad' ? p.error : (text) => text;
}

/** ` (+12.00 EUR)` coloured by what a change of `metric` means, or '' for no change. */
function moneyChange(change: number, money: (n: number) => string, metric: ComparedMetric, p: Palette): string {
  return change === 0 ? '' : ` ${meaningStyle(changeMeaning(metric, change), p)(`(${signed(change, money)})`)}`;
}

/** Render the comparison as text. */
export function formatComparisonTable(comparison: SimulationComparison, options: ComparisonTableOptions = {}): string {
  const p = palette(options.color ?? false);
  const out: string[] = [];
  out.push(p.heading(`Comparison of ${printable(comparison.scenario)} until ${when(comparison.end)} (exclusive)`));
  out.push(`  ${p.dim('old')}  ${printable(comparison.old.packages)}`, `  ${p.dim('new')}  ${printable(comparison.new.packages)}`);
  const m = comparison.migration;
  if (m.policy !== 'all') out.push(`  ${p.dim('migration')}  ${m.policy} from ${when(m.effective!)}`);
  out.push('');
  out.push(...totalsTable(comparison, p));
  out.push('');
  const n = comparison.changes.events;
  out.push(n === 0 ? 'No decision changes.' : `${groupDigits(n)} decision${n === 1 ? ' changes' : 's change'}: ${changeSummary(comparison.changes, p)}`);
  for (const sub of comparison.subscriptions) out.push('', ...subscriptionBlock(sub, p));
  if (comparison.other_changes.length > 0) {
    out.push('', p.heading('Events that name no subscription or feature of the scenario'));
    out.push(...changeRows(comparison.other_changes.map((c) => ({ ...c, label: printable(`${c.subscription ?? '?'} ${c.feature ?? '?'}`) })), p));
  }
  out.push('', p.heading('Packages'), ...packagesTable(comparison, p));
  const revenue = revenueTable(comparison, p);
  if (revenue.length > 0) out.push('', p.heading('Revenue'), ...revenue);
  return out.join('\n') + '\n';
}

/** Old, new and change of the totals, with the reasons either run has. */
function totalsTable(comparison: SimulationComparison, p: Palette): string[] {
  const o = comparison.old.totals;
  const w = comparison.new.totals;
  const metrics: (ComparedMetric | undefined)[] = [undefined, 'events', 'accepted', 'overage', 'denied'];
  const changes = [0, w.events - o.events, w.accepted - o.accepted, w.overage - o.overage, w.denied - o.denied];
  const rows: string[][] = [
    ['', 'old', 'new', 'change'],
    ['events', groupDigits(o.events), groupDigits(w.events), signed(changes[1]!)],
    ['accepted', groupDigits(o.accepted), groupDigits(w.accepted), signed(changes[2]!)],
    ['overage', groupDigits(o.overage), groupDigits(w.overage), signed(changes[3]!)],
    ['denied', groupDigits(o.denied), groupDigits(w.denied), signed(changes[4]!)],
  ];
  for (const reason of DENIAL_REASONS) {
    const before = o.by_reason[reason];
    const after = w.by_reason[reason];
    if (before > 0 || after > 0) {
      rows.push([`  ${reason}`, groupDigits(before), groupDigits(after), signed(after - before)]);
      metrics.push(reason);
      changes.push(after - before);
    }
  }
  return columns(rows, '', undefined, (row, column) => {
    if (row === 0) return p.dim;
    const metric = metrics[row];
    return column === 3 && metric !== undefined ? meaningStyle(changeMeaning(metric, changes[row]!), p) : undefined;
  });
}

/** The lines of one subscription. */
function subscriptionBlock(sub: SubscriptionComparison, p: Palette): string[] {
  const lines = [`${p.heading(printable(sub.id))} · ${printable(sub.package)} · ${pair(sub.status_at_end, String)}`];
  const terms = termsText(sub);
  if (terms !== '') lines.push(`  ${p.dim('terms')}     ${terms}`);
  const c = sub.charges;
  const money = moneyIn(c.new.currency);
  const charges =
    c.change === null
      ? `${chargesText(c.old)} → ${chargesText(c.new)}`
      : c.old.total === c.new.total
        ? `${money(c.new.total)} (no change)`
        : `${money(c.old.total)} → ${money(c.new.total)}${moneyChange(c.change, money, 'charges', p)}`;
  lines.push(`  ${p.dim('charges')}   ${charges}`);
  if (sub.features.length === 0) {
    lines.push('  no decision changes');
    return lines;
  }
  for (const f of sub.features) {
    const facts = [`limit ${pair(f.limit, limitText)}`];
    for (const [name, value] of [
      ['accepted', f.accepted],
      ['overage', f.overage],
      ['denied', f.denied],
      ['peak', f.peak],
      ['overage amount', f.overage_amount],
    ] as const) {
      if (value.old !== value.new) facts.push(`${name} ${pair(value, groupDigits)}`);
    }
    if (f.overage_charge.old !== f.overage_charge.new) facts.push(`overage charge ${pair(f.overage_charge, money)}`);
    if (f.changes.length === 0) facts.push('no decision changes');
    lines.push(`  ${printable(f.code)}   ${facts.join(' · ')}`);
    lines.push(...changeRows(f.changes.map((change) => ({ ...change, label: '' })), p).map((line) => `  ${line}`));
  }
  return lines;
}

/** Aligned rows of changed decisions: kind, old → new, count, examples. */
function changeRows(changes: readonly (DecisionChange & { label: string })[], p: Palette): string[] {
  const rows = changes.map((c) => {
    const shown = c.examples.slice(0, EXAMPLES_SHOWN);
    const more = c.count > shown.length ? (shown.length > 0 ? ', …' : '…') : '';
    return [c.label, CHANGE_WORDS[c.change], `${c.old} → ${c.new}`, groupDigits(c.count), printable(shown.join(', ')) + more];
  });
  const hasLabels = changes.some((c) => c.label !== '');
  const kindColumn = hasLabels ? 1 : 0;
  return columns(hasLabels ? rows : rows.map((r) => r.slice(1)), '  ', hasLabels ? [false, false, false, true, false] : [false, false, true, false], (row, column) =>
    column === kindColumn ? meaningStyle(CHANGE_KIND_MEANING[changes[row]!.change], p) : undefined,
  );
}

/** Totals per package. */
function packagesTable(comparison: SimulationComparison, p: Palette): string[] {
  const rows: string[][] = [['package', 'subscriptions', 'charges', 'accepted', 'overage', 'denied', 'changed decisions']];
  for (const pkg of comparison.packages) {
    const charges =
      pkg.charges.length === 0 ? '–' : pkg.charges.map((t) => `${pair(t, moneyIn(t.currency))}${moneyChange(t.change, moneyIn(t.currency), 'charges', p)}`).join(', ');
    rows.push([
      printable(pkg.package),
      groupDigits(pkg.subscriptions),
      charges,
      pair(pkg.accepted, groupDigits),
      pair(pkg.overage, groupDigits),
      pair(pkg.denied, groupDigits),
      groupDigits(pkg.changes.events),
    ]);
  }
  return columns(rows, '  ', [false, true, false, true, true, true, true], (row) => (row === 0 ? p.dim : undefined));
}

/** Revenue per package and currency, part by part: old → new (change), the change coloured by meaning. */
function revenueTable(comparison: SimulationComparison, p: Palette): string[] {
  const rows: string[][] = [['package', 'recurring', 'overage', 'signup fees', 'total']];
  for (const pkg of comparison.packages) {
    for (const r of pkg.revenue) {
      const money = moneyIn(r.currency);
      const part = (key: 'recurring' | 'overage' | 'signup_fees' | 'total'): string =>
        `${pair({ old: r.old[key], new: r.new[key] }, money)}${moneyChange(r.change[key], money, 'revenue', p)}`;
      rows.push([printable(pkg.package), part('recurring'), part('overage'), part('signup_fees'), part('total')]);
    }
  }
  return rows.length === 1 ? [] : columns(rows, '  ', undefined, (row) => (row === 0 ? p.dim : undefined));
}

// Our own SGR sequences only: text from YAML went through printable(), which shows ESC as a stand-in.
// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m/g;

/** The width a cell takes on screen: code points, without the colour a cell may already carry. */
function visibleWidth(cell: string): number {
  return [...cell.replace(SGR, '')].length;
}

/**
 * Lay rows out in columns: the first left-aligned, the others right-aligned unless `right` says
 * otherwise. `style` colours a cell's text after its width is measured, and a cell may carry its
 * own colour (a money change), so colour never shifts a column; trailing spaces are trimmed as
 * without colour.
 */
function columns(rows: readonly string[][], indent: string, right?: readonly boolean[], style?: (row: number, column: number) => Style | undefined): string[] {
  const count = Math.max(0, ...rows.map((r) => r.length));
  const widths = Array.from({ length: count }, (_, i) => Math.max(...rows.map((r) => visibleWidth(r[i] ?? ''))));
  const alignRight = (i: number): boolean => right?.[i] ?? i > 0;
  return rows.map((row, r) => {
    const cells = row.map((cell, i): [string, string, string] => {
      const pad = ' '.repeat(widths[i]! - visibleWidth(cell));
      return alignRight(i) ? [pad, cell, ''] : ['', cell, pad];
    });
    // Padding after the last non-empty cell is what trimEnd removed before colour existed.
    let last = cells.length - 1;
    while (last >= 0 && cells[last]![1] === '') last--;
    const line = cells
      .slice(0, last + 1)
      .map(([before, cell, after], i) => {
        const styled = cell === '' ? cell : (style?.(r, i)?.(cell) ?? cell);
        return before + styled + (i === last ? '' : after);
      })
      .join('  ');
    return indent + line.trimEnd();
  });
}
