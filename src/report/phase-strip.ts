// The lifecycle strip of a subscription in the HTML report: its phases (trial, active, grace,
// suspended, rejected) as labelled segments on the same time axis as its usage charts, one lane
// per run. Labels and hatching make the phases readable without colour.
import type { PhaseReport } from '../evaluate/index.js';
import { attrs, coord, escapeHtml } from './html.js';
import type { RunRole } from './model.js';
import { instantLabel } from './scale.js';
import { CHART_WIDTH, MARGIN } from './usage-chart.js';

/** Height of one lane. */
const LANE = 22;

/** What the strip shows. */
export interface PhaseStripInput {
  /** Unique id for the title element. */
  id: string;
  /** Subscription id. */
  subscription: string;
  /** Time range (ms), the same as the subscription's charts. */
  start: number;
  /** Time range end (ms). */
  end: number;
  /** One run's phases, or the old then the new. */
  runs: readonly { role: RunRole; phases: readonly PhaseReport[] }[];
}

/** Render the strip; an empty string when no run has a phase (a subscription not started yet). */
export function renderPhaseStrip(input: PhaseStripInput): string {
  if (input.runs.every((r) => r.phases.length === 0)) return '';
  const lanes = input.runs.length;
  const height = lanes * (LANE + 4) + 4;
  const left = MARGIN.left;
  const width = CHART_WIDTH - MARGIN.left - MARGIN.right;
  const span = Math.max(1, input.end - input.start);
  const x = (t: number) => left + ((Math.min(Math.max(t, input.start), input.end) - input.start) / span) * width;
  const words = input.runs
    .map((r) => `${lanes > 1 ? `${r.role}: ` : ''}${r.phases.map((p) => `${p.phase} from ${instantLabel(Date.parse(p.start))} to ${instantLabel(Date.parse(p.end))}`).join(', ') || 'no phases'}`)
    .join('; ');
  let out = `<svg${attrs({
    class: 'phase-strip',
    role: 'img',
    viewBox: `0 0 ${CHART_WIDTH} ${height}`,
    'aria-labelledby': `${input.id}-title`,
    'data-subscription': input.subscription,
  })}><title id="${escapeHtml(input.id)}-title">${escapeHtml(`Lifecycle of ${input.subscription}: ${words}`)}</title>`;
  input.runs.forEach((run, i) => {
    const y = 4 + i * (LANE + 4);
    if (lanes > 1) out += `<text class="lane-label" x="${left - 8}" y="${coord(y + LANE / 2)}" dy="0.32em" text-anchor="end">${run.role}</text>`;
    for (const phase of run.phases) {
      const x1 = x(Date.parse(phase.start));
      const x2 = x(Date.parse(phase.end));
      const w = Math.max(0, x2 - x1);
      if (w <= 0) continue;
      const title = `${phase.phase}: ${instantLabel(Date.parse(phase.start))} to ${instantLabel(Date.parse(phase.end))}`;
      out += `<g${attrs({ class: `phase phase-${phase.phase}`, 'data-phase': phase.phase, 'data-run': run.role })}><title>${escapeHtml(title)}</title>`;
      out += `<rect x="${coord(x1)}" y="${y}" width="${coord(w)}" height="${LANE}"/>`;
      // A label only where it fits (about 6.5 px per character at 11 px).
      if (w >= phase.phase.length * 6.5 + 8) out += `<text x="${coord(x1 + w / 2)}" y="${coord(y + LANE / 2)}" dy="0.32em" text-anchor="middle">${phase.phase}</text>`;
      out += '</g>';
    }
  });
  return out + '</svg>';
}
