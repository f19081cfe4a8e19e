// `simulate --against OLD --migrate POLICY --effective DATE` (docs/simulation.md), through the built
// CLI: Meet Premium's price rises from 49.90 to 54.90. globex subscribes on Jan 15 with a 14-day
// trial, so its billing periods start Jan 29, Feb 28, Mar 29 and Apr 29 (the end is May 1).
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getValidator } from '../../src/schema/ajv.js';
import type { SimulationComparison } from '../../src/simulate/index.js';
import { againstFolder } from './against-fixture.js';
import { simulate } from './helpers.js';

let dir = '';
beforeAll(async () => {
  dir = await againstFolder();
  const premium = path.join(dir, 'proposed', 'meet', 'premium.yaml');
  const text = await readFile(premium, 'utf8');
  const raised = text.replace('price: 49.90', 'price: 54.90');
  if (raised === text) throw new Error('fixture: price 49.90 not found in meet/premium.yaml');
  await writeFile(premium, raised);
});

/** The comparison under a policy, checked against its schema. */
async function compare(...policy: string[]): Promise<SimulationComparison> {
  const { code, stdout, stderr } = await simulate(['proposed.yaml', '--against', 'current', '--format', 'json', '--quiet', ...policy], dir);
  expect(code, stderr).toBe(0);
  const comparison = JSON.parse(stdout) as SimulationComparison;
  const validate = getValidator('simulation-comparison');
  expect(validate(comparison), JSON.stringify(validate.errors)).toBe(true);
  return comparison;
}

const globex = (c: SimulationComparison) => c.subscriptions.find((s) => s.id === 'globex')!;

describe('simulate --migrate', () => {
  it('all (the default) moves everyone for their whole life: 4 periods at 5.00 more', async () => {
    const c = await compare();
    expect(c.migration).toEqual({ policy: 'all', effective: null });
    expect(globex(c).terms).toEqual({ start: 'new', moved_at: null, kept_on_old: false });
    expect(globex(c).charges.change).toBe(20);
    // With --migrate all the comparison is exactly today's.
    expect(await compare('--migrate', 'all')).toEqual(c);
  });

  it('new keeps a subscription started before the date on OLD for good (grandfathered)', async () => {
    const c = await compare('--migrate', 'new', '--effective', '2026-01-10');
    // globex started Jan 15, after the date: it is on NEW. acme started Jan 5: on OLD for good.
    expect(globex(c).terms).toEqual({ start: 'new', moved_at: null, kept_on_old: false });
    expect(c.subscriptions.find((s) => s.id === 'acme')!.terms).toEqual({ start: 'old', moved_at: null, kept_on_old: false });
    const later = await compare('--migrate', 'new', '--effective', '2026-03-01');
    expect(globex(later).terms).toEqual({ start: 'old', moved_at: null, kept_on_old: false });
    expect(globex(later).charges.change).toBe(0);
  });

  it('renewal moves at the first billing period on or after the date', async () => {
    const c = await compare('--migrate', 'renewal', '--effective', '2026-03-01');
    expect(globex(c).terms).toEqual({ start: 'old', moved_at: '2026-03-29T00:00:00.000Z', kept_on_old: false });
    // Jan 29 and Feb 28 at 49.90, Mar 29 and Apr 29 at 54.90: 2 × 5.00 more.
    expect(globex(c).charges).toMatchObject({ new: { recurring: 209.6, total: 272.1 }, change: 10 });
    const revenue = c.packages.find((p) => p.package === 'meet-premium')!.revenue;
    expect(revenue).toEqual([
      {
        currency: 'EUR',
        old: { signup_fees: 25, recurring: 199.6, overage: 37.5, total: 262.1 },
        new: { signup_fees: 25, recurring: 209.6, overage: 37.5, total: 272.1 },
        change: { signup_fees: 0, recurring: 10, overage: 0, total: 10 },
      },
    ]);
    // initech's access ends on Mar 15 (cancelled at the end of its period): it never renews onto NEW.
    expect(c.subscriptions.find((s) => s.id === 'initech')!.terms).toEqual({ start: 'old', moved_at: null, kept_on_old: false });
    // A period starting on the date itself is the first one.
    expect(globex(await compare('--migrate', 'renewal', '--effective', '2026-03-29')).terms.moved_at).toBe('2026-03-29T00:00:00.000Z');
  });

  it('immediate moves at the date; the current period keeps its price', async () => {
    const c = await compare('--migrate', 'immediate', '--effective', '2026-03-30');
    expect(globex(c).terms).toEqual({ start: 'old', moved_at: '2026-03-30T00:00:00.000Z', kept_on_old: false });
    // Only the period from Apr 29 is charged at 54.90.
    expect(globex(c).charges.change).toBe(5);
  });

  it('shows the terms and the revenue in the table', async () => {
    const { stdout } = await simulate(['proposed.yaml', '--against', 'current', '--quiet', '--migrate', 'renewal', '--effective', '2026-03-01'], dir);
    expect(stdout).toContain('  migration  renewal from 2026-03-01\n');
    expect(stdout).toContain('globex · meet-premium · active\n  terms     old → new at 2026-03-29\n  charges   262.10 EUR → 272.10 EUR (+10.00 EUR)');
    expect(stdout).toMatch(/Revenue\n {2}package +recurring +overage +signup fees +total\n {2}meet-premium +199.60 EUR → 209.60 EUR \(\+10.00 EUR\)/);
  });

  it('draws the revenue per package and month of both runs in the HTML report', async () => {
    const { code } = await simulate(['proposed.yaml', '--against', 'current', '--quiet', '--migrate', 'renewal', '--effective', '2026-03-01', '--html', 'r.html'], dir);
    expect(code).toBe(0);
    const html = await readFile(path.join(dir, 'r.html'), 'utf8');
    const section = /<section class="card" aria-labelledby="revenue">.*?<\/section>/s.exec(html)?.[0] ?? '';
    // January: signup fee 25 + the Jan 29 period; February unchanged; March and April at the new price.
    const premium = /<tr><th scope="row">meet-premium<\/th>.*?<\/tr>/s.exec(section)?.[0] ?? '';
    expect(premium).toContain('<td>74.90 EUR</td><td>49.90 EUR</td><td class="up">62.65 EUR → 67.65 EUR<br><small>+5.00 EUR</small></td>');
    expect(premium).toContain('262.10 EUR → 272.10 EUR<br><small>+10.00 EUR</small>');
  });

  it('keeps subscriptions to a package that only OLD has on OLD, with an info', async () => {
    const premium = path.join(dir, 'proposed', 'meet', 'premium.yaml');
    const text = await readFile(premium, 'utf8');
    await rm(premium);
    try {
      const { code, stdout, stderr } = await simulate(['proposed.yaml', '--against', 'current', '--format', 'json', '--migrate', 'all'], dir);
      expect(code, stderr).toBe(0);
      expect(stderr).toContain('SP7017');
      const c = JSON.parse(stdout) as SimulationComparison;
      expect(globex(c).terms).toEqual({ start: 'old', moved_at: null, kept_on_old: true });
      expect(globex(c).charges.change).toBe(0);
    } finally {
      await writeFile(premium, text);
    }
  });

  it.each([
    [['--migrate', 'renewal'], '--migrate renewal needs --effective DATE'],
    [['--migrate', 'soon', '--effective', '2026-03-01'], '--migrate takes one of all, new, renewal, immediate'],
    [['--migrate', 'new', '--effective', '2026-02-30'], '--effective takes a date'],
    [['--migrate', 'all', '--effective', '2026-03-01'], '--effective has no effect with --migrate all'],
  ])('exits 2 for %j', async (options, message) => {
    const { code, stderr } = await simulate(['proposed.yaml', '--against', 'current', ...options], dir);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it('exits 2 for --migrate without --against', async () => {
    const { code, stderr } = await simulate(['proposed.yaml', '--migrate', 'new', '--effective', '2026-03-01'], dir);
    expect(code).toBe(2);
    expect(stderr).toContain('--migrate needs --against OLD');
  });
});
