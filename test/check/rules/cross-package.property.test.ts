// The fast cross-package rules (sorted passes, skyline) agree with the spec's definitions applied
// pair by pair (SPEC §2.4).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRepo } from '../helpers.js';

interface Spec {
  tier: number;
  price: number;
  signup: number;
  currency: 'EUR' | 'USD';
  unit: 'month' | 'year';
  rooms: number | boolean | undefined;
  recording: boolean | undefined;
}

const DAYS = { month: 30.436875, year: 365.2425 };

const spec = fc.record<Spec>({
  tier: fc.integer({ min: 1, max: 3 }),
  price: fc.constantFrom(0, 10, 20, 120),
  signup: fc.constantFrom(0, 5),
  currency: fc.constantFrom('EUR', 'USD'),
  unit: fc.constantFrom('month', 'year'),
  rooms: fc.constantFrom(undefined, false, 1, 5, true),
  recording: fc.constantFrom(undefined, false, true),
});

function yamlOf(s: Spec, i: number): string {
  const features = [
    s.rooms === undefined ? '' : `max_rooms: ${String(s.rooms)}`,
    s.recording === undefined ? '' : `recording: ${String(s.recording)}`,
  ].filter(Boolean);
  return [
    `code: pkg-${i}`,
    `name: Package ${i}`,
    'service_type: meet',
    'status: active',
    'providers: [{ type: bbb }]',
    `tier: ${s.tier}`,
    `price: ${s.price}`,
    `signup_fee: ${s.signup}`,
    `currency: ${s.currency}`,
    `periodicity_type: ${s.unit}`,
    `features: { ${features.join(', ')} }`,
    '',
  ].join('\n');
}

const perDay = (s: Spec) => s.price / DAYS[s.unit];
const free = (s: Spec) => s.price === 0 && s.signup === 0;
const comparable = (a: Spec, b: Spec) => a.currency === b.currency || free(a) || free(b);
const levels = (s: Spec) => [s.rooms === true ? Infinity : typeof s.rooms === 'number' ? s.rooms : 0, s.recording === true ? 1 : 0];

function dominates(a: Spec, b: Spec): boolean {
  if (!comparable(a, b) || perDay(a) > perDay(b) || a.signup > b.signup) return false;
  const la = levels(a);
  const lb = levels(b);
  if (la.some((v, i) => v < (lb[i] ?? 0))) return false;
  return perDay(a) < perDay(b) || a.signup < b.signup || la.some((v, i) => v > (lb[i] ?? 0));
}

function flagged(specs: Spec[], code: string): string[] {
  const files = Object.fromEntries(specs.map((s, i) => [`p${i}.yaml`, yamlOf(s, i)]));
  return [...new Set(checkRepo(files).filter((d) => d.code === code).map((d) => d.file))].sort();
}

describe('cross-package rules against their pairwise definitions', () => {
  it('dominated: flags exactly the packages some other package dominates', () => {
    fc.assert(
      fc.property(fc.array(spec, { maxLength: 10 }), (specs) => {
        const expected = specs.flatMap((s, i) => (specs.some((o, j) => j !== i && dominates(o, s)) ? [`p${i}.yaml`] : [])).sort();
        expect(flagged(specs, 'SP4006')).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('tier-price: flags exactly the packages cheaper per day than some lower tier', () => {
    fc.assert(
      fc.property(fc.array(spec, { maxLength: 10 }), (specs) => {
        const expected = specs
          .flatMap((s, i) => (specs.some((o) => o.tier < s.tier && comparable(o, s) && perDay(s) < perDay(o)) ? [`p${i}.yaml`] : []))
          .sort();
        expect(flagged(specs, 'SP4005')).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});
