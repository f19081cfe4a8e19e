// A dominated package costs at least as much as another of its service type and offers no more
// (docs/packages.md#rules-across-packages): nobody should buy it. Per-seat prices are compared with per-seat prices only, and
// fewer required seats or more allowed ones count as offering more (docs/revenue.md). Found with a sort-first skyline: after sorting by price and
// then by how much is offered, a package can only be dominated by one before it, and only the
// non-dominated packages seen so far need checking; identical offers are checked once.
import { defineCodes } from '../../diagnostics/registry.js';
import type { RepoRule } from '../context.js';
import { relatedAt } from '../context.js';
import { comparableGroup, describePrice, featureLevels, isFree, isOnSale, isPriced, offerOf, type Offer } from './offering.js';

export const CODES = defineCodes({
  dominatedPackage: {
    code: 'SP4006',
    severity: 'warning',
    title: 'Dominated package',
    description:
      'Another package of the same service type and currency costs no more (per day of billing cycle, and in signup fee) and offers at least as much of every feature (absent or `false` counts as 0, an unlimited `true` as infinite), and the two are not identical: nobody should buy this one. A free package is compared with every currency; per-seat prices only with per-seat prices (a lower `min_seats` and a higher `max_seats` offer more). Only packages a customer can buy (`status: active`, not retired) with a `price` are compared.',
    example:
      '# a.yaml\ncode: meet-basic\nservice_type: meet\nstatus: active\nprice: 25\ncurrency: EUR\nfeatures: { max_rooms: 5 }\n---\n# b.yaml\ncode: meet-standard\nservice_type: meet\nstatus: active\nprice: 20\ncurrency: EUR\nfeatures: { max_rooms: 10 }\n',
    fix: 'Lower its price or raise its limits so it offers something the other does not, or retire it.',
  },
});

/** A package's offer as a point to compare: cheaper and more is better. */
interface Point {
  readonly offer: Offer;
  /** Higher is better on each: the signup fee and `min_seats` negated, `max_seats`, then the feature levels in catalog order. */
  readonly coords: Float64Array;
  /** How many features are unlimited, and the sum of the others: a dominating point has at least as much of both. */
  readonly unlimited: number;
  readonly finite: number;
  /** Equal for identical offers. */
  readonly identity: string;
}

export const rule: RepoRule = {
  scope: 'repo',
  name: 'dominated',
  codes: Object.values(CODES),
  check({ packages, catalog, report }) {
    // Per service type: free packages, and paid ones per currency (a free package is compared with all).
    const groups = new Map<string, { free: Point[]; paid: Map<string, Point[]> }>();
    for (const p of packages) {
      if (!isOnSale(p) || !isPriced(p)) continue;
      const offer = offerOf(p);
      const levels = offer && featureLevels(p, catalog);
      if (!offer || !levels) continue;
      const key = comparableGroup(offer);
      const group = groups.get(key) ?? { free: [], paid: new Map<string, Point[]>() };
      groups.set(key, group);
      const point = pointOf(offer, levels);
      if (isFree(offer)) {
        group.free.push(point);
      } else {
        const currency = offer.currency ?? '';
        const paid = group.paid.get(currency);
        if (paid) paid.push(point);
        else group.paid.set(currency, [point]);
      }
    }

    const reportDominated = (worse: Point, better: Point): void => {
      report(
        worse.offer.checked,
        CODES.dominatedPackage,
        '/code',
        `\`${worse.offer.code}\` (${describePrice(worse.offer)}) is dominated by \`${better.offer.code}\` (${describePrice(better.offer)}): that package costs no more and offers at least as much of every feature; expected each package to offer something the others do not`,
        {
          related: [relatedAt(better.offer.checked, '/code', `\`${better.offer.code}\`: ${describePrice(better.offer)}, at least every feature`)],
          hint: 'lower its price or raise its limits, or retire it (`retired: true`, `hidden: true`)',
        },
      );
    };

    for (const group of groups.values()) {
      for (const [worse, better] of dominatedPoints(group.free)) reportDominated(worse, better);
      for (const paid of group.paid.values()) {
        // Free packages take part as possible dominators only: their own verdict came above.
        const isPaid = new Set(paid);
        for (const [worse, better] of dominatedPoints([...group.free, ...paid])) {
          if (isPaid.has(worse)) reportDominated(worse, better);
        }
      }
    }
  },
};

function pointOf(offer: Offer, levels: Float64Array): Point {
  const coords = new Float64Array(levels.length + 3);
  coords[0] = -offer.signupFee;
  coords[1] = -offer.minSeats;
  coords[2] = offer.maxSeats;
  coords.set(levels, 3);
  let unlimited = 0;
  let finite = 0;
  for (const level of levels) {
    if (level === Infinity) unlimited++;
    else finite += level;
  }
  return { offer, coords, unlimited, finite, identity: `${offer.pricePerDay}|${coords.join(',')}` };
}

/** Larger first, with +∞ (no `max_seats`) equal to itself rather than NaN. */
function descending(a: number, b: number): number {
  return a === b ? 0 : a > b ? -1 : 1;
}

/** How many coordinates the skyline is indexed on: enough to prune, few enough to keep inserts cheap. */
const INDEXED_COORDS = 3;

/** Each dominated point with one point that dominates it. */
function dominatedPoints(points: readonly Point[]): [Point, Point][] {
  // A dominating point sorts no later than the point it dominates; equal keys mean identical offers.
  const sorted = [...points].sort(
    (a, b) =>
      a.offer.pricePerDay - b.offer.pricePerDay ||
      b.coords[0]! - a.coords[0]! ||
      b.coords[1]! - a.coords[1]! ||
      descending(a.coords[2]!, b.coords[2]!) ||
      b.unlimited - a.unlimited ||
      b.finite - a.finite,
  );
  const skyline = new Skyline(mostVaried(points, INDEXED_COORDS), points[0]?.coords.length ?? 0);
  const verdicts = new Map<string, Point | null>();
  const out: [Point, Point][] = [];
  for (const point of sorted) {
    let better = verdicts.get(point.identity);
    if (better === undefined) {
      better = skyline.dominatorOf(point) ?? null;
      verdicts.set(point.identity, better);
      if (better === null) skyline.add(point);
    }
    if (better) out.push([point, better]);
  }
  return out;
}

/**
 * The points not dominated so far. A dominator has every coordinate at least the point's, so:
 * a point that leads on any coordinate is not dominated (the common case in a well-tiered
 * catalog, checked against running maxima); otherwise only the shortest run of candidates on one
 * indexed coordinate needs checking. The indexes are sorted lists, rebuilt when a lookup needs them
 * by merging in the points added since (at most about √n of them, scanned directly meanwhile).
 */
class Skyline {
  private readonly all: Point[] = [];
  private readonly max: Float64Array;
  /** Per indexed coordinate: positions in `all` of the first `built` points, by ascending value. */
  private byCoord: number[][];
  private built = 0;

  constructor(private readonly indexed: readonly number[], width: number) {
    this.max = new Float64Array(width).fill(-Infinity);
    this.byCoord = indexed.map(() => []);
  }

  add(point: Point): void {
    this.all.push(point);
    point.coords.forEach((value, c) => {
      if (value > this.max[c]!) this.max[c] = value;
    });
  }

  dominatorOf(point: Point): Point | undefined {
    for (let c = 0; c < point.coords.length; c++) {
      if (point.coords[c]! > this.max[c]!) return undefined; // it leads on this coordinate
    }
    if (this.all.length - this.built > 16 + Math.sqrt(this.all.length)) this.rebuild();
    // The shortest sorted run of points at least as good on one indexed coordinate.
    let run: readonly number[] | undefined;
    let from = 0;
    this.indexed.forEach((coord, k) => {
      const positions = this.byCoord[k]!;
      const at = this.lowerBound(positions, coord, point.coords[coord]!);
      if (run === undefined || positions.length - at < run.length - from) {
        run = positions;
        from = at;
      }
    });
    if (run === undefined) return this.all.find((candidate) => dominates(candidate, point)); // nothing varies enough to index
    for (let i = from; i < run.length; i++) {
      const candidate = this.all[run[i]!]!;
      if (dominates(candidate, point)) return candidate;
    }
    for (let i = this.built; i < this.all.length; i++) {
      const candidate = this.all[i]!;
      if (dominates(candidate, point)) return candidate;
    }
    return undefined;
  }

  private rebuild(): void {
    const fresh = Array.from({ length: this.all.length - this.built }, (_, i) => this.built + i);
    this.byCoord = this.indexed.map((coord, k) => {
      const valueAt = (i: number) => this.all[i]!.coords[coord]!;
      const incoming = [...fresh].sort((a, b) => valueAt(a) - valueAt(b));
      const existing = this.byCoord[k]!;
      const merged: number[] = [];
      let i = 0;
      let j = 0;
      while (i < existing.length || j < incoming.length) {
        if (j >= incoming.length || (i < existing.length && valueAt(existing[i]!) <= valueAt(incoming[j]!))) merged.push(existing[i++]!);
        else merged.push(incoming[j++]!);
      }
      return merged;
    });
    this.built = this.all.length;
  }

  /** The first place in `positions` whose point has at least `value` at `coord`. */
  private lowerBound(positions: readonly number[], coord: number, value: number): number {
    let low = 0;
    let high = positions.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.all[positions[mid]!]!.coords[coord]! < value) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

/** The coordinates with the most distinct values among the points (those that vary at all), at most `count`. */
function mostVaried(points: readonly Point[], count: number): number[] {
  const width = points[0]?.coords.length ?? 0;
  const distinct: [coord: number, values: number][] = [];
  for (let c = 0; c < width; c++) {
    const values = new Set(points.map((p) => p.coords[c]));
    if (values.size > 1) distinct.push([c, values.size]);
  }
  return distinct
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, count)
    .map(([c]) => c);
}

/** Whether `a` is at least as good as `b` on every count and better on one. */
function dominates(a: Point, b: Point): boolean {
  if (a.offer.pricePerDay > b.offer.pricePerDay) return false;
  let strictly = a.offer.pricePerDay < b.offer.pricePerDay;
  for (let i = 0; i < a.coords.length; i++) {
    const mine = a.coords[i]!;
    const theirs = b.coords[i]!;
    if (mine < theirs) return false;
    if (mine > theirs) strictly = true;
  }
  return strictly;
}
