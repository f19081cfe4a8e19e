// The report as text for people (the default output of `svcpkg simulate`): totals, then one block
// per subscription with its phases, charges, notifications and a table of the features that
// received events. A pure function of the report; on a terminal, coloured like validate's output
// (the same palette, the same NO_COLOR/FORCE_COLOR rules, decided by the caller). Names and codes
// come from YAML: each is made printable before it is coloured, so only our own escapes reach the terminal.
import { palette, type Palette } from '../diagnostics/format/color.js';
import { printable } from '../diagnostics/format/printable.js';
import { DENIAL_REASONS } from '../evaluate/decision.js';
import { formatAmount } from '../evaluate/money.js';
import type { FeatureReport, SimulationReport, SubscriptionReport } from '../evaluate/report.js';

/** Options of the table. */
export interface TableOptions {
  /** The scenario file, for the title. */
  scenario?: string;
  /** ANSI colour (default false): headings, refusals red, overage yellow, labels dim. */
  color?: boolean;
}

/** `12345` → `12,345`; decimals kept as they are. */
export function groupDigits(n: number): string {
  const [whole = '', fraction] = String(n).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** Money with 2 decimals, or up to 4 when the amount has them (prices may have 4). */
export function money(amount: number): string {
  const [whole = '0', fraction = ''] = amount.toFixed(4).split('.');
  return `${groupDigits(Number(whole))}.${fraction.replace(/0{1,2}$/, '')}`;
}

/** The date part of an ISO instant, with the time when it is not midnight. */
export function when(iso: string): string {
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
}

/** Render the report as text. */
export function formatTable(report: SimulationReport, options: TableOptions = {}): string {
  const t = report.totals;
  const p = palette(options.color ?? false);
  const out: string[] = [];
  out.push(p.heading(`Simulation${options.scenario ? ` of ${printable(options.scenario)}` : ''} until ${when(report.end)} (exclusive)`));
  const reasons = DENIAL_REASONS.filter((r) => t.by_reason[r] > 0).map((r) => `${r} ${groupDigits(t.by_reason[r])}`);
  out.push(
    `${groupDigits(t.events)} events: ${p.success(`${groupDigits(t.accepted)} accepted`)}, ${nonZero(t.overage, `${groupDigits(t.overage)} overage`, p.warning)}, ` +
      `${nonZero(t.denied, `${groupDigits(t.denied)} denied`, p.error)}${reasons.length > 0 ? ` ${p.dim(`(${reasons.join(', ')})`)}` : ''}`,
  );
  const revenue = Object.entries(t.revenue).map(
    ([currency, r]) =>
      `${formatAmount(r.total, currency)} ${p.dim(`(recurring ${formatAmount(r.recurring, currency)}, overage ${formatAmount(r.overage, currency)}, signup fees ${formatAmount(r.signup_fees, currency)})`)}`,
  );
  if (revenue.length > 0) out.push(`${p.dim('revenue:')} ${revenue.join('; ')}`);
  for (const sub of report.subscriptions) out.push('', ...subscriptionBlock(sub, p));
  return out.join('\n') + '\n';
}

/** `text` in `style` when `n` is not 0: a zero count needs no attention. */
function nonZero(n: number, text: string, style: (text: string) => string): string {
  return n === 0 ? text : style(text);
}

/** How a subscription's status at the end is shown: refusals red, grace and suspension yellow. */
function statusStyle(sub: SubscriptionReport, p: Palette): (text: string) => string {
  if (sub.status_at_end === 'rejected') return p.error;
  if (sub.status_at_end === 'suspended' || sub.status_at_end === 'grace' || sub.oversold) return p.warning;
  return (text) => text;
}

/** The lines of one subscription. */
function subscriptionBlock(sub: SubscriptionReport, p: Palette): string[] {
  const status = sub.status_at_end + (sub.rejected_reason ? ` (${printable(sub.rejected_reason)})` : '') + (sub.oversold ? ', oversold' : '');
  const lines = [`${p.heading(printable(sub.id))} · ${printable(sub.package)} · ${statusStyle(sub, p)(status)}`];
  if (sub.phases.length > 0) {
    lines.push(`  ${p.dim('phases')}    ${sub.phases.map((ph) => `${ph.phase} ${when(ph.start)} → ${when(ph.end)}`).join(', ')}`);
  }
  const c = sub.charges;
  // Money always shows its currency, to the currency's minor unit (docs/revenue.md).
  const m = (amount: number): string => formatAmount(amount, c.currency);
  const seats = c.seats > 1 ? ` × ${c.seats} seats` : '';
  lines.push(
    `  ${p.dim('charges')}   ${m(c.total)}` +
      (c.total > 0
        ? ` = ${c.periods} period${c.periods === 1 ? '' : 's'}${seats} (${m(c.recurring)}) + signup fee ${m(c.signup_fee)}` +
          (c.overage > 0 ? ` + ${p.warning(`overage ${m(c.overage)}`)}` : '')
        : '') +
      // Unbilled overage is money the run could not charge yet: worth a look, like overage.
      (c.unbilled_overage > 0 ? `; ${p.warning(`unbilled overage ${m(c.unbilled_overage)}`)}` : ''),
  );
  for (const n of sub.notifications) {
    const what = [n.event, n.feature, n.threshold === undefined ? undefined : `${n.threshold}%`].filter(Boolean).join(' ');
    lines.push(`  ${p.dim('notice')}    ${when(n.at)} ${printable(what)} (${printable(n.channels.join(', '))})`);
  }
  const used = sub.features.filter((f) => f.accepted + f.overage + f.denied > 0);
  if (used.length > 0) lines.push(...featureTable(used, p, c.overage > 0 ? c.currency : undefined));
  const idle = sub.features.filter((f) => f.accepted + f.overage + f.denied === 0).map((f) => printable(f.code));
  if (idle.length > 0) lines.push(`  ${p.dim(`${idle.length} other feature${idle.length === 1 ? '' : 's'} without events: ${idle.join(', ')}`)}`);
  return lines;
}

/**
 * Right-aligned columns of the features that received events; with `currency` (the subscription
 * was charged overage), an `overage charge` column too. Coloured after padding, so colour never
 * shifts a column.
 */
function featureTable(features: readonly FeatureReport[], p: Palette, currency?: string | null): string[] {
  const priced = currency !== undefined;
  const header = ['feature', 'limit', 'usage', 'peak', 'accepted', 'overage', 'denied', 'overage amount', ...(priced ? ['overage charge'] : [])];
  const rows = features.map((f) => [
    printable(f.code),
    f.limit === false ? 'not included' : f.limit === true ? 'on' : typeof f.limit === 'number' ? groupDigits(f.limit) : printable(f.limit),
    f.usage === null ? '–' : groupDigits(f.usage),
    groupDigits(f.peak),
    groupDigits(f.accepted),
    groupDigits(f.overage),
    groupDigits(f.denied),
    groupDigits(f.overage_amount),
    ...(priced ? [formatAmount(f.overage_charge, currency)] : []),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const pad = (cells: string[]): string[] => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)));
  // Which cells call for attention: overage and its money (yellow) and refusals (red), by column.
  const styles: ((f: FeatureReport) => ((text: string) => string) | undefined)[] = [
    () => undefined,
    (f) => (f.limit === false ? p.dim : undefined),
    () => undefined,
    () => undefined,
    () => undefined,
    (f) => (f.overage > 0 ? p.warning : undefined),
    (f) => (f.denied > 0 ? p.error : undefined),
    (f) => (f.overage_amount > 0 ? p.warning : undefined),
    (f) => (f.overage_charge > 0 ? p.warning : undefined),
  ];
  const head = '  ' + p.dim(pad(header).join('  ').trimEnd());
  const body = rows.map((cells, r) => {
    // Only the text is coloured, not the padding before it (every column but the first is right-aligned).
    const padded = pad(cells);
    const styled = cells.map((cell, i) => {
      const style = styles[i]!(features[r]!);
      if (i === 0 || style === undefined) return padded[i]!;
      return ' '.repeat(widths[i]! - cell.length) + style(cell);
    });
    return '  ' + styled.join('  ').trimEnd();
  });
  return [head, ...body];
}
