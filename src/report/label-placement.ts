// Where a limit line's label goes on a chart: beside its line, at the first of a few places that
// no marker and no other label covers. Dense overage or denied markers sit right on the limit
// line, so a label at a fixed place vanished under them (issue 12); see docs/simulation.md.

/** A rectangle in the chart's coordinates. */
export interface Box {
  /** Left edge. */
  x: number;
  /** Top edge. */
  y: number;
  /** Width. */
  width: number;
  /** Height. */
  height: number;
}

/** What a label must fit in and avoid. */
export interface LabelRequest {
  /** The label's text. */
  text: string;
  /** The y of the line it names. */
  lineY: number;
  /** The plot's edges. */
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Which end of the line to try first: the old run's label starts left, the new one's right. */
  prefer: 'start' | 'end';
  /** What the label must not cover: markers, labels placed before it. */
  obstacles: readonly Box[];
}

/** Height of a label's box, for 11 px text with its padding. */
export const LABEL_HEIGHT = 15;
/** Space between the label's box and its line. */
const GAP = 2;
/** Horizontal padding inside the box. */
const PAD = 3;

/**
 * Width of a label's box. No font metrics without a browser: 6.6 px a character is the widest
 * bold 11 px system-ui average we measured in Chromium, so the box errs on the large side.
 */
export function labelWidth(text: string): number {
  return Math.ceil([...text].length * 6.6) + 2 * PAD;
}

/** Area of the overlap of two boxes. */
function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * The label's box: above the line then below it, at the preferred end, then the other end, then
 * at quarters in between; the first place nothing covers wins, else the least covered one. Pure and
 * deterministic: the same chart gets the same place.
 */
export function placeLabel(request: LabelRequest): Box {
  const width = labelWidth(request.text);
  const inset = 4;
  const ends = [request.right - inset - width, request.left + inset];
  if (request.prefer === 'start') ends.reverse();
  const span = request.right - request.left - width;
  const xs = [...ends, request.left + span * 0.75, request.left + span * 0.5, request.left + span * 0.25];
  const above = request.lineY - GAP - LABEL_HEIGHT;
  const below = request.lineY + GAP;
  // A label may use the chart's top margin but never leave the plot at the bottom (the time axis).
  const ys = [above, below].filter((y) => y >= request.top - 20 && y + LABEL_HEIGHT <= request.bottom);
  if (ys.length === 0) ys.push(Math.max(request.top - 20, Math.min(above, request.bottom - LABEL_HEIGHT)));
  let best: Box | undefined;
  let bestCovered = Infinity;
  for (const x of xs) {
    for (const y of ys) {
      const box = { x, y, width, height: LABEL_HEIGHT };
      let covered = 0;
      for (const o of request.obstacles) covered += overlap(box, o);
      if (covered === 0) return box;
      if (covered < bestCovered) {
        best = box;
        bestCovered = covered;
      }
    }
  }
  return best!;
}
