// `svcpkg simulate --jobs N` and `--partition K/N` + `svcpkg merge` through the built CLI, with
// real worker threads (docs/simulation.md#replay-on-every-core): the JSON report, the table, the
// HTML page and stderr are those of `--jobs 1`, on the demo and on a scenario of many
// subscriptions whose events span several read chunks and worker batches; a merge refuses
// reports it cannot join, with a located diagnostic and exit 2.
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runProcess } from '../helpers/cli.js';
import { againstFolder } from './against-fixture.js';

let dir: string;

/** A scenario of 40 subscriptions over the example packages, with ~12,000 events (some broken). */
async function writeMany(root: string): Promise<void> {
  const ids = Array.from({ length: 40 }, (_, i) => `customer-${String(i).padStart(2, '0')}`);
  const subscriptions = ids.map((id, i) => `  - { id: ${id}, package: ${i % 3 === 0 ? 'meet-premium' : 'meet-standard'}, starts_at: 2026-01-${String((i % 20) + 1).padStart(2, '0')} }`);
  await writeFile(path.join(root, 'many.yaml'), ['packages: current', 'subscriptions:', ...subscriptions, 'events: many.ndjson', ''].join('\n'));
  const lines: string[] = [];
  for (let n = 0; n < 12_000; n++) {
    const id = ids[(n * 7) % ids.length]!;
    const t = Date.parse('2026-01-01T00:00:00Z') / 1000 + n * 600;
    const code = ['max_rooms', 'max_participants', 'max_storage', 'max_recordings'][n % 4]!;
    const properties = { session: `s-${Math.floor(n / 50)}`, gb: (n % 5) + 0.25, account: `acc-${n % 3}`, operation_type: n % 17 === 0 ? 'remove' : 'add' };
    if (n % 997 === 0) lines.push('{"broken": ');
    else if (n % 499 === 0) lines.push(JSON.stringify({ transaction_id: `t-${n}`, external_subscription_id: 'nobody', code, timestamp: t }));
    lines.push(JSON.stringify({ transaction_id: `t-${n % 9000}`, external_subscription_id: id, code, timestamp: t - (n % 13 === 0 ? 7200 : 0), properties }));
  }
  await writeFile(path.join(root, 'many.ndjson'), lines.join('\n') + '\n');
}

beforeAll(async () => {
  dir = await againstFolder();
  await writeMany(dir);
}, 60_000);

describe('simulate --jobs N (built CLI, worker threads)', () => {
  for (const scenario of ['current.yaml', 'many.yaml']) {
    it(`${scenario}: the JSON report, table, page and stderr of --jobs 2 and 3 are those of --jobs 1`, async () => {
      const runs = [];
      for (const jobs of ['1', '2', '3']) {
        const json = await runProcess(['simulate', scenario, '--format', 'json', '--jobs', jobs], { cwd: dir });
        const table = await runProcess(['simulate', scenario, '--jobs', jobs, '--html', `page-${jobs}.html`], { cwd: dir });
        expect([json.code, table.code]).toEqual([0, 0]);
        runs.push({ json: json.stdout, stderr: json.stderr, table: table.stdout, page: await readFile(path.join(dir, `page-${jobs}.html`), 'utf8') });
      }
      expect(JSON.parse(runs[0]!.json).totals.events).toBeGreaterThan(1000);
      for (const run of runs.slice(1)) {
        expect(run.json).toBe(runs[0]!.json);
        expect(run.stderr).toBe(runs[0]!.stderr);
        expect(run.table).toBe(runs[0]!.table);
        expect(run.page).toBe(runs[0]!.page);
      }
    }, 120_000);
  }

  it('refuses a --jobs that is not a positive whole number (exit 2)', async () => {
    for (const bad of ['0', '-1', '1.5', 'many']) {
      const { code, stderr } = await runProcess(['simulate', 'current.yaml', '--jobs', bad], { cwd: dir });
      expect(code, bad).toBe(2);
      expect(stderr).toContain('--jobs takes a positive whole number');
    }
  }, 60_000);
});

/** Write the report of `--partition K/N` for each K to part-K.json (extra options for every one). */
async function partitions(scenario: string, n: number, extra: string[] = [], prefix = 'part'): Promise<string[]> {
  const names: string[] = [];
  for (let k = 1; k <= n; k++) {
    const { code, stdout, stderr } = await runProcess(['simulate', scenario, '--partition', `${k}/${n}`, ...extra], { cwd: dir });
    expect([code, stderr]).toEqual([0, expect.any(String)]);
    const name = `${prefix}-${k}.json`;
    await writeFile(path.join(dir, name), stdout);
    names.push(name);
  }
  return names;
}

describe('simulate --partition K/N and svcpkg merge (built CLI)', () => {
  it('partitions 1/3, 2/3, 3/3 merged are the report and table of one run, byte for byte', async () => {
    for (const scenario of ['current.yaml', 'many.yaml']) {
      const names = await partitions(scenario, 3, [], scenario.replace('.yaml', ''));
      const whole = await runProcess(['simulate', scenario, '--format', 'json', '--jobs', '1'], { cwd: dir });
      const wholeTable = await runProcess(['simulate', scenario, '--jobs', '1'], { cwd: dir });
      const merged = await runProcess(['merge', ...names.reverse(), '--format', 'json'], { cwd: dir });
      const mergedTable = await runProcess(['merge', ...names], { cwd: dir });
      expect([merged.code, merged.stderr]).toEqual([0, '']);
      expect(merged.stdout).toBe(whole.stdout);
      expect(mergedTable.stdout).toBe(wholeTable.stdout);
    }
  }, 180_000);

  it('merges the partitions of a packages folder without a lockfile (ids minted afresh by every job)', async () => {
    await rename(path.join(dir, 'svcpkg.lock.json'), path.join(dir, 'lock.saved'));
    try {
      const names = await partitions('current.yaml', 2, [], 'nolock');
      const whole = await runProcess(['simulate', 'current.yaml', '--format', 'json'], { cwd: dir });
      const merged = await runProcess(['merge', ...names, '--format', 'json'], { cwd: dir });
      expect([merged.code, merged.stderr]).toEqual([0, '']);
      expect(merged.stdout).toBe(whole.stdout);
    } finally {
      await rename(path.join(dir, 'lock.saved'), path.join(dir, 'svcpkg.lock.json'));
    }
  }, 120_000);

  it('refuses reports it cannot join, located, with exit 2', async () => {
    const names = await partitions('many.yaml', 3);
    const [one, two, three] = names as [string, string, string];
    const other = await partitions('many.yaml', 3, ['--dedupe-window', '7'], 'other');
    const whole = await runProcess(['simulate', 'many.yaml', '--format', 'json'], { cwd: dir });
    await writeFile(path.join(dir, 'whole.json'), whole.stdout);
    const edited = (await readFile(path.join(dir, two), 'utf8')).replace(/"indexes": \[\n\s*(\d+),\n\s*(\d+)/, (_m, a: string) => `"indexes": [\n    ${a},\n    ${a}`);
    await writeFile(path.join(dir, 'edited.json'), edited);
    const cases: [string[], string, RegExp][] = [
      [[one, 'whole.json', three], 'SP7018', /whole\.json:1:1: error SP7018 not a partition report/],
      [[one, other[1]!, three], 'SP7019', /other-2\.json:\d+:\d+: error SP7019 a partition of another run: its --dedupe-window differs/],
      [[one, three], 'SP7020', /part-1\.json:\d+:\d+: error SP7020 partition 2 of 3 is missing/],
      [[one, two, two, three], 'SP7021', /part-2\.json:3:\d+: error SP7021 partition 2 of 3 is given twice/],
      [[one, 'edited.json', three], 'SP7022', /edited\.json:\d+:\d+: error SP7022 subscription position \d+ is given twice/],
    ];
    for (const [inputs, code, message] of cases) {
      const result = await runProcess(['merge', ...inputs, '--format', 'json'], { cwd: dir });
      expect([result.code, result.stdout], code).toEqual([2, '']);
      expect(result.stderr, code).toMatch(message);
    }
  }, 180_000);

  it('refuses a --partition that is not K/N with 1 ≤ K ≤ N, or with options a partition report cannot carry (exit 2)', async () => {
    for (const args of [['--partition', '0/3'], ['--partition', '4/3'], ['--partition', '2'], ['--partition', '1/2', '--jobs', '2'], ['--partition', '1/2', '--format', 'table']]) {
      const { code, stderr } = await runProcess(['simulate', 'current.yaml', ...args], { cwd: dir });
      expect(code, args.join(' ')).toBe(2);
      expect(stderr, args.join(' ')).toContain('--partition');
    }
  }, 60_000);
});
