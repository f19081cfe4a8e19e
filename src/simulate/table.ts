// The report as text for people (the default output of `svcpkg simulate`): totals, then one block
// per subscription with its phases, charges, notifications and a table of the features that
// received events. A pure function of the report. Names and codes come from YAML: each is made printable.
import { printable } from '../diagnostics/format/printable.js';
import { DENIAL_REASONS } from '../evaluate/decision.js';
import { formatAmount } from '../evaluate/money.js';
import type { FeatureReport, SimulationReport, SubscriptionReport } from '../evaluate/report.js';

/** Options of the table. */
export interface TableOptions {
  /** The scenario file, for the title. */
  scenario?: string;
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
  const out: string[] = [];
  out.push(`Simulation${options.scenario ? ` of ${printable(options.scenario)}` : ''} until ${when(report.end)} (exclusive)`);
  const reasons = DENIAL_REASONS.filter((r) => t.by_reason[r] > 0).map((r) => `${r} ${groupDigits(t.by_reason[r])}`);
  out.push(
    `${groupDigits(t.events)} events: ${groupDigits(t.accepted)} accepted, ${groupDigits(t.overage)} overage, ${groupDigits(t.denied)} denied${reasons.length > 0 ? ` (${reasons.join(', ')})` : ''}`,
  );
  const revenue = Object.entries(t.revenue).map(
    ([currency, r]) =>
      `${formatAmount(r.total, currency)} (recurring ${formatAmount(r.recurring, currency)}, overage ${formatAmount(r.overage, currency)}, signup fees ${formatAmount(r.signup_fees, currency)})`,
  );
  if (revenue.length > 0) out.push(`revenue: ${revenue.join('; ')}`);
  for (const sub of report.subscriptions) out.push('', ...subscriptionBlock(sub));
  return out.join('\n') + '\n';
}

/** The lines of one subscription. */
function subscriptionBlock(sub: SubscriptionReport): string[] {
  const status = sub.status_at_end + (sub.rejected_reason ? ` (${printable(sub.rejected_reason)})` : '') + (sub.oversold ? ', oversold' : '');
  const lines = [`${printable(sub.id)} · ${printable(sub.package)} · ${status}`];
  if (sub.phases.length > 0) {
    lines.push(`  phases    ${sub.phases.map((p) => `${p.phase} ${when(p.start)} → ${when(p.end)}`).join(', ')}`);
  }
  const c = sub.charges;
  // Money always shows its currency, to the currency's minor unit (docs/revenue.md).
  const m = (amount: number): string => formatAmount(amount, c.currency);
  const seats = c.seats > 1 ? ` × ${c.seats} seats` : '';
  lines.push(
    `  charges   ${m(c.total)}` +
      (c.total > 0
        ? ` = ${c.periods} period${c.periods === 1 ? '' : 's'}${seats} (${m(c.recurring)}) + signup fee ${m(c.signup_fee)}` +
          (c.overage > 0 ? ` + overage ${m(c.overage)}` : '')
        : '') +
      (c.unbilled_overage > 0 ? `; unbilled overage ${m(c.unbilled_overage)}` : ''),
  );
  for (const n of sub.notifications) {
    const what = [n.event, n.feature, n.threshold === undefined ? undefined : `${n.threshold}%`].filter(Boolean).join(' ');
    lines.push(`  notice    ${when(n.at)} ${printable(what)} (${printable(n.channels.join(', '))})`);
  }
  const used = sub.features.filter((f) => f.accepted + f.overage + f.denied > 0);
  if (used.length > 0) lines.push(...featureTable(used, c.overage > 0 ? c.currency : undefined));
  const idle = sub.features.filter((f) => f.accepted + f.overage + f.denied === 0).map((f) => printable(f.code));
  if (idle.length > 0) lines.push(`  ${idle.length} other feature${idle.length === 1 ? '' : 's'} without events: ${idle.join(', ')}`);
  return lines;
}

/**
 * Right-aligned columns of the features that received events; with `currency` (the subscription
 * was charged overage), an `overage charge` column too.
 */
function featureTable(features: readonly FeatureReport[], currency?: string | null): string[] {
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
  const render = (cells: string[]): string =>
    '  ' + cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd();
  return [render(header), ...rows.map(render)];
}
