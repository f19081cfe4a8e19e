// One chart of the HTML report: a subscription's usage of one feature over time, as inline SVG.
// The limit is a labelled line, reset windows are shaded bands, overage events are triangles and
// denied ones crosses; with two runs the old one is dashed (or wide and pale) and hollow-marked,
// so nothing depends on colour alone. Pure: data in, SVG text out.
import type { ReportedLimit } from '../evaluate/index.js';
import type { ChartKind, FeatureHistory, UsageMarker } from '../simulate/usage-history.js';
import { attrs, coord, escapeHtml } from './html.js';
import type { RunRole } from './model.js';
import { LABEL_HEIGHT, placeLabel, type Box } from './label-placement.js';
import { dayLabel, formatNumber, instantLabel, timeTicks, usageTicks } from './scale.js';

/** Width of every chart's coordinate system; the page scales it to the column. */
export const CHART_WIDTH = 880;
/** Space around the plot: left holds the usage labels (and run names on strips). */
export const MARGIN = { left: 64, right: 24, top: 24, bottom: 30 } as const;
/** Height of a usage chart. */
const USAGE_HEIGHT = 220;
/** Height of one lane of a switch chart. */
const LANE_HEIGHT = 24;

/** One run's data on a chart. */
export interface ChartRun {
  /** Which run. */
  role: RunRole;
  /** Its history of this feature; undefined when it recorded no event for it. */
  history: FeatureHistory | undefined;
  /** Its limit for this subscription and feature. */
  limit: ReportedLimit;
}

/** What one chart shows. */
export interface UsageChartInput {
  /** Unique id for the chart's title and description elements. */
  id: string;
  /** Subscription id. */
  subscription: string;
  /** Feature code. */
  feature: string;
  /** How it is drawn. */
  kind: ChartKind;
  /** Unit of usage, for the axis. */
  unit?: string | null;
  /** Time range (ms). */
  start: number;
  /** Time range end (ms). */
  end: number;
  /** The scenario end (ms): marked when the range goes past it. */
  scenarioEnd: number;
  /** One run, or the old then the new. */
  runs: readonly ChartRun[];
  /** Accessible name. */
  title: string;
  /** Accessible description: what the chart shows, in words. */
  description: string;
}

/** Maps instants and usage to coordinates. */
interface Frame {
  x(t: number): number;
  y(v: number): number;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Render one chart. */
export function renderUsageChart(input: UsageChartInput): string {
  return input.kind === 'switch' ? switchChart(input) : usageChart(input);
}

/** A limit's value for `data-limit`. */
function limitValue(limit: ReportedLimit): string {
  if (limit === true) return 'on';
  if (limit === false) return 'not-included';
  return String(limit);
}

/** A limit in words for labels. */
export function limitWords(limit: ReportedLimit): string {
  if (limit === true) return 'on';
  if (limit === false) return 'not included';
  return limit === 'unlimited' ? 'unlimited' : formatNumber(limit);
}

/** The opening of a chart's SVG with its accessible name and description. */
function open(input: UsageChartInput, height: number): string {
  return (
    `<svg${attrs({
      class: `chart chart-${input.kind}`,
      role: 'img',
      viewBox: `0 0 ${CHART_WIDTH} ${height}`,
      'aria-labelledby': `${input.id}-title ${input.id}-desc`,
      'data-subscription': input.subscription,
      'data-feature': input.feature,
      'data-kind': input.kind,
    })}>` +
    `<title id="${escapeHtml(input.id)}-title">${escapeHtml(input.title)}</title>` +
    `<desc id="${escapeHtml(input.id)}-desc">${escapeHtml(input.description)}</desc>`
  );
}

/** The x scale of a chart. */
function xScale(input: UsageChartInput): (t: number) => number {
  const span = Math.max(1, input.end - input.start);
  const width = CHART_WIDTH - MARGIN.left - MARGIN.right;
  return (t: number) => MARGIN.left + ((Math.min(Math.max(t, input.start), input.end) - input.start) / span) * width;
}

/** Time ticks with their labels under the plot, and vertical grid lines. */
function timeAxis(input: UsageChartInput, frame: Frame): string {
  let out = `<g class="axis x-axis">`;
  out += `<line class="axis-line" x1="${frame.left}" x2="${frame.right}" y1="${coord(frame.bottom)}" y2="${coord(frame.bottom)}"/>`;
  const ticks = timeTicks(input.start, input.end);
  // Name the first day when the first tick is far from it (a range starting mid-month).
  if (ticks.length === 0 || frame.x(ticks[0]!.t) - frame.left > 70) {
    out += `<text class="tick" x="${frame.left}" y="${coord(frame.bottom + 18)}" text-anchor="start">${escapeHtml(dayLabel(input.start))}</text>`;
  }
  for (const tick of ticks) {
    const x = coord(frame.x(tick.t));
    out += `<line class="grid" x1="${x}" x2="${x}" y1="${coord(frame.top)}" y2="${coord(frame.bottom)}"/>`;
    out += `<text class="tick" x="${x}" y="${coord(frame.bottom + 18)}" text-anchor="middle">${escapeHtml(tick.label)}</text>`;
  }
  return out + '</g>';
}

/** The scenario end, when the range goes past it (events after an explicit end). */
function endLine(input: UsageChartInput, frame: Frame): string {
  if (input.end <= input.scenarioEnd) return '';
  const x = coord(frame.x(input.scenarioEnd));
  return (
    `<line class="scenario-end" x1="${x}" x2="${x}" y1="${coord(frame.top)}" y2="${coord(frame.bottom)}"/>` +
    `<text class="note" x="${x}" y="${coord(frame.top - 4)}" text-anchor="middle">scenario end</text>`
  );
}

/** A usage chart: windows or uses, the limit, the usage, the markers. */
function usageChart(input: UsageChartInput): string {
  const height = USAGE_HEIGHT;
  const top = MARGIN.top;
  const bottom = height - MARGIN.bottom;
  const numericLimits = input.runs.map((r) => r.limit).filter((l): l is number => typeof l === 'number');
  let highest = Math.max(0, ...numericLimits);
  for (const run of input.runs) {
    for (const p of run.history?.points ?? []) if (p.v > highest) highest = p.v;
    for (const m of run.history?.markers ?? []) if (m.v !== null && m.v > highest) highest = m.v;
  }
  const ticks = usageTicks(highest > 0 ? highest * 1.08 : 1);
  const yMax = ticks[ticks.length - 1]!;
  const frame: Frame = {
    x: xScale(input),
    y: (v: number) => bottom - (Math.max(0, v) / yMax) * (bottom - top),
    top,
    bottom,
    left: MARGIN.left,
    right: CHART_WIDTH - MARGIN.right,
  };

  let out = open(input, height);
  out += windowBands(input, frame);
  out += `<g class="axis y-axis">`;
  for (const tick of ticks) {
    const y = coord(frame.y(tick));
    out += `<line class="grid" x1="${frame.left}" x2="${frame.right}" y1="${y}" y2="${y}"/>`;
    out += `<text class="tick" x="${frame.left - 8}" y="${y}" dy="0.32em" text-anchor="end">${escapeHtml(formatNumber(tick))}</text>`;
  }
  if (input.unit) {
    out += `<text class="unit" x="${frame.left}" y="${coord(top - 10)}" text-anchor="middle">${escapeHtml(input.unit)}</text>`;
  }
  out += '</g>';
  out += timeAxis(input, frame);
  out += endLine(input, frame);
  for (const run of input.runs) {
    if (run.history === undefined) continue;
    out += input.kind === 'window' ? stepLine(run.role, run.history, input, frame) : useStems(run.role, run.history, frame);
  }
  // Markers first, limit labels last: a label is drawn over the markers, at a place they leave free.
  const placed = input.runs.map((run) => ({ role: run.role, groups: placeMarkers(run.history?.markers ?? [], frame) }));
  out += limitLines(input, frame);
  for (const { role, groups } of placed) out += renderMarkers(role, groups, input);
  out += limitLabels(input, frame, placed.flatMap((p) => markerBoxes(p.groups)));
  return out + '</svg>';
}

/** Most reset windows drawn on a chart (about 6 px each): more would only be noise. */
export const MAX_DRAWN_WINDOWS = Math.floor((CHART_WIDTH - MARGIN.left - MARGIN.right) / 6);

/** Reset windows: every other one shaded, a line where each starts. */
function windowBands(input: UsageChartInput, frame: Frame): string {
  const source = [...input.runs].reverse().find((r) => (r.history?.windows.length ?? 0) > 0)?.history;
  if (source === undefined || input.kind !== 'window') return '';
  const shown = source.windows.filter((w) => w.end > input.start && w.start < input.end);
  if (shown.length > MAX_DRAWN_WINDOWS) return '';
  let out = '<g class="windows">';
  source.windows.forEach((w, i) => {
    if (w.end <= input.start || w.start >= input.end) return;
    const x1 = frame.x(w.start);
    const x2 = frame.x(Number.isFinite(w.end) ? w.end : input.end);
    if (i % 2 === 1) {
      out += `<rect class="window-band" x="${coord(x1)}" y="${coord(frame.top)}" width="${coord(Math.max(0, x2 - x1))}" height="${coord(frame.bottom - frame.top)}"/>`;
    }
    if (w.start > input.start) {
      out += `<line class="window-start"${attrs({ 'data-window-start': new Date(w.start).toISOString() })} x1="${coord(x1)}" x2="${coord(x1)}" y1="${coord(frame.top)}" y2="${coord(frame.bottom)}"/>`;
    }
  });
  return out + '</g>';
}

/** The usage of a consumable as a step line that drops to 0 when its window ends. */
function stepLine(role: RunRole, history: FeatureHistory, input: UsageChartInput, frame: Frame): string {
  // Nothing applied, nothing to draw: a line at 0 would claim a usage the run never measured.
  if (history.points.length === 0) return '';
  const y0 = coord(frame.y(0));
  let d = `M${coord(frame.x(input.start))},${y0}`;
  let current = 0;
  let windowEnd = Infinity;
  for (const p of history.points) {
    if (windowEnd <= p.t && current !== 0) {
      d += `H${coord(frame.x(windowEnd))}V${y0}`;
      current = 0;
    }
    d += `H${coord(frame.x(p.t))}`;
    if (p.v !== current) d += `V${coord(frame.y(p.v))}`;
    current = p.v;
    windowEnd = p.windowEnd;
  }
  if (windowEnd < input.end && current !== 0) d += `H${coord(frame.x(windowEnd))}V${y0}`;
  d += `H${coord(frame.x(input.end))}`;
  return `<path${attrs({ class: `usage ${role}`, 'data-run': role })} d="${d}"/>`;
}

/** Per-use usage as stems: the highest use in each pixel column. */
function useStems(role: RunRole, history: FeatureHistory, frame: Frame): string {
  const y0 = coord(frame.y(0));
  const highest = new Map<number, { x: number; v: number }>();
  for (const p of history.points) {
    const x = frame.x(p.t);
    const column = Math.round(x);
    const seen = highest.get(column);
    if (seen === undefined || p.v > seen.v) highest.set(column, { x: seen?.x ?? x, v: p.v });
  }
  let d = '';
  for (const { x, v } of highest.values()) d += `M${coord(x)},${y0}V${coord(frame.y(v))}`;
  return d === '' ? '' : `<path${attrs({ class: `usage uses ${role}`, 'data-run': role })} d="${d}"/>`;
}

/** The limits shown: one when both runs have the same, else one per run. */
function shownLimits(input: UsageChartInput): { role: RunRole | 'both'; limit: ReportedLimit; prefix: string }[] {
  const runs = input.runs;
  const same = runs.length === 2 && runs[0]!.limit === runs[1]!.limit;
  const shown = same ? [{ role: 'both' as const, limit: runs[1]!.limit }] : runs.map((r) => ({ role: r.role, limit: r.limit }));
  return shown.map(({ role, limit }) => ({ role, limit, prefix: role === 'old' ? 'old limit' : runs.length === 2 && role === 'new' ? 'new limit' : 'limit' }));
}

/** Limit lines, under the markers; their labels come last (`limitLabels`). */
function limitLines(input: UsageChartInput, frame: Frame): string {
  let out = '<g class="limits">';
  for (const { role, limit, prefix } of shownLimits(input)) {
    if (typeof limit !== 'number') continue;
    const y = coord(frame.y(limit));
    out += `<line${attrs({ class: `limit ${role}`, 'data-limit': limitValue(limit), 'data-run': role })} x1="${frame.left}" x2="${frame.right}" y1="${y}" y2="${y}"><title>${escapeHtml(`${prefix} ${formatNumber(limit)}`)}</title></line>`;
  }
  return out + '</g>';
}

/**
 * The limits' labels, drawn over everything else on a white box, each at a place beside its line
 * that no marker or earlier label covers; a limit that is not a number is a label alone, near the
 * top. `data-limit-label` names the run, for tests and for the browser check.
 */
function limitLabels(input: UsageChartInput, frame: Frame, markers: readonly Box[]): string {
  const obstacles: Box[] = [...markers];
  let out = '<g class="limit-labels">';
  let texts = 0;
  for (const { role, limit, prefix } of shownLimits(input)) {
    const numeric = typeof limit === 'number';
    const text = numeric ? `${prefix} ${formatNumber(limit)}` : `${prefix}: ${limitWords(limit)}`;
    // A label alone sits in a row of its own under the top edge, as if its line were there.
    const lineY = numeric ? frame.y(limit) : frame.top + LABEL_HEIGHT + 2 + texts++ * (LABEL_HEIGHT + 2);
    const box = placeLabel({ text, lineY, left: frame.left, right: frame.right, top: frame.top, bottom: frame.bottom, prefer: role === 'old' ? 'start' : 'end', obstacles });
    obstacles.push(box);
    const label = numeric
      ? attrs({ class: `limit-label ${role}` })
      : attrs({ class: `limit-label limit-text ${role}`, 'data-limit': limitValue(limit), 'data-run': role });
    out +=
      `<g${attrs({ class: `limit-tag ${role}`, 'data-limit-label': role })}>` +
      `<rect x="${coord(box.x)}" y="${coord(box.y)}" width="${coord(box.width)}" height="${coord(box.height)}" rx="3"/>` +
      `<text${label} x="${coord(box.x + box.width / 2)}" y="${coord(box.y + box.height / 2)}" dy="0.35em" text-anchor="middle">${escapeHtml(text)}</text></g>`;
  }
  return out + '</g>';
}

/** Markers closer than this (px) would cover one another: they are drawn as one. */
const MARKER_GRID = 5;
/** Half the size of a marker's drawing, for what it covers. */
const MARKER_HALF = 6;

/** A marker where it is drawn, standing for `count` events. */
interface PlacedMarker {
  m: UsageMarker;
  x: number;
  y: number;
  count: number;
}

/**
 * Markers by decision and reason, at their places; markers that would cover one another are
 * merged into one that says how many it stands for.
 */
function placeMarkers(list: readonly UsageMarker[], frame: Frame, laneY?: number): Map<string, Map<string, PlacedMarker>> {
  const groups = new Map<string, Map<string, PlacedMarker>>();
  for (const m of list) {
    const x = frame.x(m.t);
    const y = laneY ?? (m.v === null ? frame.bottom : frame.y(m.v));
    const group = `${m.decision} ${m.reason ?? ''}`;
    let placed = groups.get(group);
    if (placed === undefined) groups.set(group, (placed = new Map()));
    const key = `${Math.round(x / MARKER_GRID)},${Math.round(y / MARKER_GRID)}`;
    const same = placed.get(key);
    if (same !== undefined) same.count += m.count;
    else placed.set(key, { m, x, y, count: m.count });
  }
  return groups;
}

/** What the placed markers cover. */
function markerBoxes(groups: ReadonlyMap<string, ReadonlyMap<string, PlacedMarker>>): Box[] {
  const boxes: Box[] = [];
  for (const placed of groups.values()) {
    for (const { x, y } of placed.values()) boxes.push({ x: x - MARKER_HALF, y: y - MARKER_HALF, width: 2 * MARKER_HALF, height: 2 * MARKER_HALF });
  }
  return boxes;
}

/**
 * Overage triangles and denied crosses, each with its event in a tooltip, grouped by decision and
 * reason (the group carries the class and data attributes).
 */
function renderMarkers(role: RunRole, groups: ReadonlyMap<string, ReadonlyMap<string, PlacedMarker>>, input: UsageChartInput): string {
  let out = '';
  for (const placed of groups.values()) {
    const first = placed.values().next().value!.m;
    out += `<g${attrs({ class: `marker ${first.decision} ${role}`, 'data-decision': first.decision, 'data-reason': first.reason, 'data-run': role })}>`;
    for (const { m, x, y, count } of placed.values()) {
      const d =
        m.decision === 'overage'
          ? `M${coord(x)},${coord(y - 6)}l5.5,10h-11z`
          : `M${coord(x - 4.5)},${coord(y - 4.5)}l9,9m0,-9l-9,9`;
      out += `<path d="${d}"><title>${escapeHtml(markerText(m, role, input) + (count > 1 ? ` (and ${formatNumber(count - 1)} more like it around here)` : ''))}</title></path>`;
    }
    out += '</g>';
  }
  return out;
}

/** A marker's tooltip: `acme-00512 · 2026-03-02 16:04:10 UTC · denied: over_limit (51 > 50, account)`. */
function markerText(m: UsageMarker, role: RunRole, input: UsageChartInput): string {
  const what = m.decision === 'overage' ? 'overage' : `denied: ${m.reason ?? 'invalid'}`;
  const limit = typeof m.limit === 'number' && m.v !== null ? ` (${formatNumber(m.v)} > ${formatNumber(m.limit)}${m.level && m.level !== 'subscription' ? `, ${m.level} limit` : ''})` : '';
  const run = input.runs.length > 1 ? `${role} packages · ` : '';
  return `${run}${m.transaction_id ?? '(no transaction id)'} · ${instantLabel(m.t)} · ${what}${limit}`;
}

/** A switch (no quota): one lane per run, a tick for applied events, crosses for denied ones. */
function switchChart(input: UsageChartInput): string {
  const lanes = input.runs.length;
  const top = MARGIN.top;
  const bottom = top + lanes * LANE_HEIGHT + 6;
  const height = bottom + MARGIN.bottom;
  const frame: Frame = { x: xScale(input), y: () => bottom, top, bottom, left: MARGIN.left, right: CHART_WIDTH - MARGIN.right };
  let out = open(input, height);
  out += timeAxis(input, frame);
  out += endLine(input, frame);
  input.runs.forEach((run, i) => {
    const mid = top + 3 + i * LANE_HEIGHT + LANE_HEIGHT / 2;
    if (lanes > 1) out += `<text class="lane-label" x="${frame.left - 8}" y="${coord(mid)}" dy="0.32em" text-anchor="end">${run.role}</text>`;
    out += `<line class="lane" x1="${frame.left}" x2="${frame.right}" y1="${coord(mid)}" y2="${coord(mid)}"/>`;
    let d = '';
    for (const p of run.history?.points ?? []) d += `M${coord(frame.x(p.t))},${coord(mid - 7)}V${coord(mid + 7)}`;
    if (d !== '') out += `<path${attrs({ class: `usage ticks ${run.role}`, 'data-run': run.role })} d="${d}"/>`;
    out += renderMarkers(run.role, placeMarkers(run.history?.markers ?? [], frame, mid), input);
  });
  // The switch's value, labelled (and a data-limit for tests), above the lanes.
  const same = lanes === 2 && input.runs[0]!.limit === input.runs[1]!.limit;
  const shown = same || lanes === 1 ? [{ role: lanes === 1 ? input.runs[0]!.role : ('both' as const), limit: input.runs[lanes - 1]!.limit }] : input.runs;
  const text = shown.map((r) => `${lanes > 1 && !same ? `${r.role}: ` : ''}${limitWords(r.limit)}`).join(' · ');
  out += `<text${attrs({ class: 'limit-label limit-text', 'data-limit': shown.map((r) => limitValue(r.limit)).join(' '), 'data-run': shown.map((r) => r.role).join(' ') })} x="${frame.right - 4}" y="${coord(top - 4)}" text-anchor="end">${escapeHtml(`switch: ${text}`)}</text>`;
  return out + '</svg>';
}
