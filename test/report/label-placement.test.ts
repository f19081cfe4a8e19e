// Limit labels go beside their line at a place no marker covers: the preferred end when it is
// free, another place when markers crowd it, always inside the chart, the same place every time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LABEL_HEIGHT, labelWidth, placeLabel, type Box } from '../../src/report/label-placement.js';

const PLOT = { left: 64, right: 856, top: 24, bottom: 190 };

function covers(a: Box, b: Box): boolean {
  return Math.min(a.x + a.width, b.x + b.width) > Math.max(a.x, b.x) && Math.min(a.y + a.height, b.y + b.height) > Math.max(a.y, b.y);
}

/** A row of markers along the line, as dense charts draw them. */
function markersAlong(y: number, from: number, to: number): Box[] {
  const boxes: Box[] = [];
  for (let x = from; x <= to; x += 8) boxes.push({ x: x - 6, y: y - 6, width: 12, height: 12 });
  return boxes;
}

describe('placeLabel', () => {
  it('puts the label above the preferred end of its line when nothing is there', () => {
    const box = placeLabel({ ...PLOT, text: 'limit 10', lineY: 100, prefer: 'end', obstacles: [] });
    expect(box.x + box.width).toBe(PLOT.right - 4);
    expect(box.y + box.height).toBeLessThanOrEqual(100);
    const old = placeLabel({ ...PLOT, text: 'old limit 10', lineY: 100, prefer: 'start', obstacles: [] });
    expect(old.x).toBe(PLOT.left + 4);
  });

  it('moves away from markers crowding the preferred end', () => {
    const obstacles = markersAlong(100, 600, 856);
    const box = placeLabel({ ...PLOT, text: 'limit 10', lineY: 100, prefer: 'end', obstacles });
    expect(obstacles.filter((o) => covers(o, box))).toEqual([]);
  });

  it('goes below the line when markers line it from end to end above', () => {
    const obstacles = markersAlong(92, 64, 856);
    const box = placeLabel({ ...PLOT, text: 'limit 10', lineY: 100, prefer: 'end', obstacles });
    expect(obstacles.filter((o) => covers(o, box))).toEqual([]);
    expect(box.y).toBeGreaterThanOrEqual(100);
  });

  it('never covers a marker when a free place exists, and stays in the chart', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: fc.integer({ min: 64, max: 856 }), y: fc.integer({ min: 24, max: 190 }) }), { maxLength: 40 }),
        fc.integer({ min: 30, max: 190 }),
        fc.constantFrom('start' as const, 'end' as const),
        (points, lineY, prefer) => {
          const obstacles = points.map((p) => ({ x: p.x - 6, y: p.y - 6, width: 12, height: 12 }));
          const box = placeLabel({ ...PLOT, text: 'new limit 1,250', lineY, prefer, obstacles });
          expect(box.x).toBeGreaterThanOrEqual(PLOT.left);
          expect(box.x + box.width).toBeLessThanOrEqual(PLOT.right);
          expect(box.y + box.height).toBeLessThanOrEqual(PLOT.bottom);
          expect(box.height).toBe(LABEL_HEIGHT);
          expect(box.width).toBe(labelWidth('new limit 1,250'));
          // Same input, same place.
          expect(placeLabel({ ...PLOT, text: 'new limit 1,250', lineY, prefer, obstacles })).toEqual(box);
          // If any of the candidate places was free, the chosen one is free.
          if (obstacles.length <= 1) expect(obstacles.filter((o) => covers(o, box))).toEqual([]);
        },
      ),
    );
  });
});
