// The legend of the HTML report: each mark of the charts with a small drawing and its meaning in
// words. With two runs it also says which line is which.
import { escapeHtml } from './html.js';
import type { RunRole } from './model.js';

/** A legend entry: a small drawing (44 × 18) and its meaning. */
function entry(drawing: string, text: string): string {
  return `<li><svg viewBox="0 0 44 18" aria-hidden="true" focusable="false">${drawing}</svg><span>${text}</span></li>`;
}

/** The legend; `roles` are the runs shown (one, or old and new). */
export function renderLegend(roles: readonly RunRole[], packages: Readonly<Partial<Record<RunRole, string>>>): string {
  const two = roles.length > 1;
  const items: string[] = [];
  if (two) {
    items.push(entry('<path class="usage new" d="M2,9H42"/>', `<strong>new</strong> (thin solid line): the scenario's packages, ${escapeHtml(packages.new ?? '')}`));
    items.push(entry('<path class="usage old" d="M2,9H42"/><path class="usage new" d="M2,9H20"/>', `<strong>old</strong> (wide pale band under it; where the runs agree the line sits on the band): ${escapeHtml(packages.old ?? '')}`));
  } else {
    items.push(entry('<path class="usage new" d="M2,15H14V9H28V4H42"/>', 'usage of a consumable feature in its reset window'));
  }
  items.push(entry('<path class="usage uses new" d="M8,16V6M20,16V3M32,16V9"/>', 'highest usage of any one use (a meeting, a recording) at that time'));
  items.push(entry('<line class="limit" x1="2" x2="42" y1="9" y2="9"/>', two ? 'the limit (dashed: the old limit, when it differs)' : 'the limit, labelled with its value'));
  items.push(entry('<rect class="window-band" x="2" y="1" width="20" height="16"/><line class="window-start" x1="22" x2="22" y1="1" y2="17"/>', 'reset windows: usage starts again from 0 at each dashed line; every other window is shaded'));
  items.push(entry('<path class="marker overage new" d="M22,3L27.5,13L16.5,13Z"/>', '▲ overage: applied above the limit and billed'));
  items.push(entry('<path class="marker denied new" d="M17.5,4.5L26.5,13.5M26.5,4.5L17.5,13.5"/>', '✕ denied: at the usage it would have reached, or on the axis when it never counted (inactive, duplicate…)'));
  if (two) items.push(entry('<path class="marker overage old" d="M12,3L17.5,13L6.5,13Z"/><path class="marker denied old" d="M27.5,4.5L36.5,13.5M36.5,4.5L27.5,13.5"/>', 'hollow or brown markers: the old packages'));
  items.push(entry('<rect class="legend-phase" x="2" y="3" width="40" height="12" fill="#aceebb"/>', 'lifecycle strip: trial, active, grace, suspended (hatched), rejected (hatched), labelled'));
  return `<ul class="legend">${items.join('')}</ul>`;
}
