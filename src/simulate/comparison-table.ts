// The comparison as text for people (`svcpkg simulate --against OLD`, the default format): totals
// old and new, then per subscription its charges and the features whose decisions change, with
// examples, then totals per package. A pure function of the comparison. Names, codes and event ids
// come from YAML and event files: each is made printable.
import { printable } from '../diagnostics/format/printable.js';
import { DENIAL_REASONS, type ReportedLimit } from '../evaluate/index.js';
import type { Charges } from '../evaluate/index.js';
import type { ChangeCounts, Compared, DecisionChange, SimulationComparison, SubscriptionComparison } from './comparison.js';
import { CHANGE_KINDS, type ChangeKind } from './decision-changes.js';
import { formatAmount } from '../evaluate/money.js';
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
export function changeSummary(counts: ChangeCounts): string {
  const parts = CHANGE_KINDS.filter((k) => counts[k] > 0).map((k) => `${groupDigits(counts[k])} ${CHANGE_WORDS[k]}`);
  return parts.join(', ');
}

/** Render the comparison as text. */
export function formatComparisonTable(comparison: SimulationComparison): string {
  const out: string[] = [];
  out.push(`Comparison of ${printable(comparison.scenario)} until ${when(comparison.end)} (exclusive)`);
  out.push(`  old  ${printable(comparison.old.packages)}`, `  new  ${printable(comparison.new.packages)}`);
  const m = comparison.migration;
  if (m.policy !== 'all') out.push(`  migration  ${m.policy} from ${when(m.effective!)}`);
  out.push('');
  out.push(...totalsTable(comparison));
  out.push('');
  const n = comparison.changes.events;
  out.push(n === 0 ? 'No decision changes.' : `${groupDigits(n)} decision${n === 1 ? ' changes' : 's change'}: ${changeSummary(comparison.changes)}`);
  for (const sub of comparison.subscriptions) out.push('', ...subscriptionBlock(sub));
  if (comparison.other_changes.length > 0) {
    out.push('', 'Events that name no subscription or feature of the scenario');
    out.push(...changeRows(comparison.other_changes.map((c) => ({ ...c, label: printable(`${c.subscription ?? '?'} ${c.feature ?? '?'}`) }))));
  }
  out.push('', 'Packages', ...packagesTable(comparison));
  const revenue = revenueTable(comparison);
  if (revenue.length > 0) out.push('', 'Revenue', ...revenue);
  return out.join('\n') + '\n';
}

/** Old, new and change of the totals, with the reasons either run has. */
function totalsTable(comparison: SimulationComparison): string[] {
  const o = comparison.old.totals;
  const w = comparison.new.totals;
  const rows: string[][] = [
    ['', 'old', 'new', 'change'],
    ['events', groupDigits(o.events), groupDigits(w.events), signed(w.events - o.events)],
    ['accepted', groupDigits(o.accepted), groupDigits(w.accepted), signed(w.accepted - o.accepted)],
    ['overage', groupDigits(o.overage), groupDigits(w.overage), signed(w.overage - o.overage)],
    ['denied', groupDigits(o.denied), groupDigits(w.denied), signed(w.denied - o.denied)],
  ];
  for (const reason of DENIAL_REASONS) {
    const before = o.by_reason[reason];
    const after = w.by_reason[reason];
    if (before > 0 || after > 0) rows.push([`  ${reason}`, groupDigits(before), groupDigits(after), signed(after - before)]);
  }
  return columns(rows, '');
}

/** The lines of one subscription. */
function subscriptionBlock(sub: SubscriptionComparison): string[] {
  const lines = [`${printable(sub.id)} · ${printable(sub.package)} · ${pair(sub.status_at_end, String)}`];
  const terms = termsText(sub);
  if (terms !== '') lines.push(`  terms     ${terms}`);
  const c = sub.charges;
  const money = moneyIn(c.new.currency);
  const charges =
    c.change === null
      ? `${chargesText(c.old)} → ${chargesText(c.new)}`
      : c.old.total === c.new.total
        ? `${money(c.new.total)} (no change)`
        : `${money(c.old.total)} → ${money(c.new.total)} (${signed(c.change, money)})`;
  lines.push(`  charges   ${charges}`);
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
    lines.push(...changeRows(f.changes.map((change) => ({ ...change, label: '' }))).map((line) => `  ${line}`));
  }
  return lines;
}

/** Aligned rows of changed decisions: kind, old → new, count, examples. */
function changeRows(changes: readonly (DecisionChange & { label: string })[]): string[] {
  const rows = changes.map((c) => {
    const shown = c.examples.slice(0, EXAMPLES_SHOWN);
    const more = c.count > shown.length ? (shown.length > 0 ? ', …' : '…') : '';
    return [c.label, CHANGE_WORDS[c.change], `${c.old} → ${c.new}`, groupDigits(c.count), printable(shown.join(', ')) + more];
  });
  const hasLabels = changes.some((c) => c.label !== '');
  return columns(hasLabels ? rows : rows.map((r) => r.slice(1)), '  ', hasLabels ? [false, false, false, true, false] : [false, false, true, false]);
}

/** Totals per package. */
function packagesTable(comparison: SimulationComparison): string[] {
  const rows: string[][] = [['package', 'subscriptions', 'charges', 'accepted', 'overage', 'denied', 'changed decisions']];
  for (const pkg of comparison.packages) {
    const charges =
      pkg.charges.length === 0
        ? '–'
        : pkg.charges.map((t) => `${pair(t, moneyIn(t.currency))}${t.change === 0 ? '' : ` (${signed(t.change, moneyIn(t.currency))})`}`).join(', ');
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
  return columns(rows, '  ', [false, true, false, true, true, true, true]);
}

/** Revenue per package and currency, part by part: old → new (change). */
function revenueTable(comparison: SimulationComparison): string[] {
  const rows: string[][] = [['package', 'recurring', 'overage', 'signup fees', 'total']];
  for (const pkg of comparison.packages) {
    for (const r of pkg.revenue) {
      const money = moneyIn(r.currency);
      const part = (key: 'recurring' | 'overage' | 'signup_fees' | 'total'): string =>
        `${pair({ old: r.old[key], new: r.new[key] }, money)}${r.change[key] === 0 ? '' : ` (${signed(r.change[key], money)})`}`;
      rows.push([pkg.package, part('recurring'), part('overage'), part('signup_fees'), part('total')]);
    }
  }
  return rows.length === 1 ? [] : columns(rows, '  ');
}

/** Lay rows out in columns: the first left-aligned, the others right-aligned unless `right` says otherwise. */
function columns(rows: readonly string[][], indent: string, right?: readonly boolean[]): string[] {
  const count = Math.max(0, ...rows.map((r) => r.length));
  const widths = Array.from({ length: count }, (_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
  const alignRight = (i: number): boolean => right?.[i] ?? i > 0;
  return rows.map(
    (row) =>
      indent +
      row
        .map((cell, i) => {
          const pad = ' '.repeat(widths[i]! - [...cell].length);
          return alignRight(i) ? pad + cell : cell + pad;
        })
        .join('  ')
        .trimEnd(),
  );
}
