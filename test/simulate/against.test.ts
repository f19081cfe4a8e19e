// `svcpkg simulate --against`: the demo scenario under the example packages with Meet Standard's
// max_participants lowered (proposed) against them as they are (current). The decisions that flip
// are checked three ways: against two separate runs diffed line by line, against a count derived
// by hand from the events file, and against golden outputs.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenario, runScenario } from '../../src/simulate/index.js';
import type { SimulationComparison } from '../../src/simulate/index.js';
import { getValidator } from '../../src/schema/ajv.js';
import { againstFolder } from './against-fixture.js';
import { REPO, simulate } from './helpers.js';

/** One event's verdict in a run. */
interface Verdict {
  transaction_id: string;
  subscription: string;
  feature: string;
  verdict: string;
}

/** Run a scenario on its own and keep each event's verdict, by line. */
async function verdicts(dir: string, file: string): Promise<Map<number, Verdict>> {
  const load = await loadScenario(file, { cwd: dir, catalogDir: path.join(REPO, 'catalog') });
  expect(load.scenario, JSON.stringify(load.diagnostics)).toBeDefined();
  const out = new Map<number, Verdict>();
  await runScenario(load.scenario!, {
    onDecision: (event, decision, line) => {
      out.set(line, {
        transaction_id: String(event?.transaction_id),
        subscription: String(event?.external_subscription_id),
        feature: String(event?.code),
        verdict: decision.decision === 'denied' ? decision.reason! : decision.decision,
      });
    },
  });
  return out;
}

let dir = '';
let comparison: SimulationComparison;
let printed = '';
beforeAll(async () => {
  dir = await againstFolder();
  const { code, stdout, stderr } = await simulate(['proposed.yaml', '--against', 'current', '--format', 'json', '--quiet'], dir);
  expect(code, stderr).toBe(0);
  comparison = JSON.parse(stdout) as SimulationComparison;
  printed = stdout;
});

describe('simulate --against', () => {
  it('prints a comparison valid against its schema', () => {
    const validate = getValidator('simulation-comparison');
    expect(validate(comparison), JSON.stringify(validate.errors)).toBe(true);
    expect(comparison.old.packages).toBe('current');
    expect(comparison.new.packages).toBe('proposed');
  });

  it('finds exactly the decisions two separate runs disagree on', async () => {
    const [before, after] = [await verdicts(dir, 'current.yaml'), await verdicts(dir, 'proposed.yaml')];
    expect(after.size).toBe(before.size);
    // Group the lines whose verdict differs by subscription, feature and pair of verdicts.
    const expected = new Map<string, { count: number; ids: string[] }>();
    for (const [line, old] of before) {
      const now = after.get(line)!;
      if (old.verdict === now.verdict) continue;
      const key = `${old.subscription} ${old.feature} ${old.verdict}>${now.verdict}`;
      const group = expected.get(key) ?? { count: 0, ids: [] };
      group.count++;
      group.ids.push(old.transaction_id);
      expected.set(key, group);
    }
    const actual = new Map<string, { count: number; ids: string[] }>();
    for (const sub of comparison.subscriptions) {
      for (const f of sub.features) {
        for (const c of f.changes) actual.set(`${sub.id} ${f.code} ${c.old}>${c.new}`, { count: c.count, ids: c.examples });
      }
    }
    expect(comparison.other_changes).toEqual([]);
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [key, group] of expected) {
      expect(actual.get(key)!.count, key).toBe(group.count);
      expect(actual.get(key)!.ids, key).toEqual(group.ids.slice(0, 5));
    }
    expect(comparison.changes.events).toBe([...expected.values()].reduce((n, g) => n + g.count, 0));
  });

  it('matches a count worked out by hand from the events: the all-hands meeting of acme', async () => {
    // acme's all-hands (session acme-eng-3-202603021600) has 52 joins and 50 leaves. Under 50,
    // joins 51–52 are refused and every leave is accepted. Under 40, joins 41–50 are refused too
    // (newly denied, over_limit), and as only 40 are in, leaves 41–50 would take the count below
    // zero (newly denied, invalid).
    const lines = (await readFile(path.join(REPO, 'scenarios', 'demo-events.ndjson'), 'utf8')).trim().split('\n');
    const session = lines
      .map((l) => JSON.parse(l) as { transaction_id: string; code: string; properties?: { session?: string; operation_type?: string } })
      .filter((e) => e.code === 'max_participants' && e.properties?.session === 'acme-eng-3-202603021600');
    const joins = session.filter((e) => e.properties?.operation_type !== 'remove').map((e) => e.transaction_id);
    const leaves = session.filter((e) => e.properties?.operation_type === 'remove').map((e) => e.transaction_id);
    expect([joins.length, leaves.length]).toEqual([52, 50]);

    const acme = comparison.subscriptions.find((s) => s.id === 'acme')!;
    const participants = acme.features.find((f) => f.code === 'max_participants')!;
    expect(participants.limit).toEqual({ old: 50, new: 40 });
    expect(participants.changes).toEqual([
      { change: 'newly_denied', old: 'accepted', new: 'invalid', count: 10, examples: leaves.slice(40, 45) },
      { change: 'newly_denied', old: 'accepted', new: 'over_limit', count: 10, examples: joins.slice(40, 45) },
    ]);
    expect(participants.denied).toEqual({ old: 2, new: 22 });
    expect(participants.peak).toEqual({ old: 50, new: 40 });
    // The other meetings stay under 40; initech's limit changes, its decisions do not.
    expect(acme.features.map((f) => f.code)).toEqual(['max_participants']);
    const initech = comparison.subscriptions.find((s) => s.id === 'initech')!;
    expect(initech.features).toEqual([expect.objectContaining({ code: 'max_participants', limit: { old: 50, new: 40 }, changes: [] })]);
    expect(comparison.changes).toEqual({ events: 20, newly_denied: 20, newly_accepted: 0, new_overage: 0, overage_gone: 0, reason_changed: 0 });
    // A quota is not a price: charges stay; the package total counts the 20 events moved.
    expect(acme.charges).toMatchObject({ change: 0 });
    expect(comparison.packages.find((p) => p.package === 'meet-standard')).toMatchObject({
      subscriptions: 2,
      accepted: { old: 726, new: 706 },
      denied: { old: 36, new: 56 },
      charges: [{ currency: 'EUR', old: 99.5, new: 99.5, change: 0 }],
    });
  });

  it('prints the same comparison as golden JSON and table', async () => {
    // The printed bytes themselves (streamed section by section), not a re-serialisation of them.
    await expect(printed).toMatchFileSnapshot('__snapshots__/against.json');
    const table = await simulate(['proposed.yaml', '--against', 'current', '--quiet'], dir);
    expect(table.code).toBe(0);
    await expect(table.stdout).toMatchFileSnapshot('__snapshots__/against.txt');
  });

  it('reports a change in price per subscription and package', async () => {
    const { writeFile } = await import('node:fs/promises');
    const premium = path.join(dir, 'proposed', 'meet', 'premium.yaml');
    const original = await readFile(premium, 'utf8');
    await writeFile(premium, original.replace('price: 49.90', 'price: 54.90'));
    try {
      const { code, stdout } = await simulate(['proposed.yaml', '--against', 'current', '--format', 'json', '--quiet'], dir);
      expect(code).toBe(0);
      const result = JSON.parse(stdout) as SimulationComparison;
      const globex = result.subscriptions.find((s) => s.id === 'globex')!;
      // Four periods at 5.00 more.
      expect(globex.charges).toMatchObject({ old: { total: 262.1 }, new: { total: 282.1 }, change: 20 });
      expect(globex.features).toEqual([]);
      expect(result.packages.find((p) => p.package === 'meet-premium')!.charges).toEqual([{ currency: 'EUR', old: 262.1, new: 282.1, change: 20 }]);
      const table = await simulate(['proposed.yaml', '--against', 'current', '--quiet'], dir);
      expect(table.stdout).toContain('globex · meet-premium · active\n  charges   262.10 EUR → 282.10 EUR (+20.00 EUR)\n  no decision changes');
      expect(result.packages.find((p) => p.package === 'meet-premium')!.revenue).toEqual([
        { currency: 'EUR', old: { signup_fees: 25, recurring: 199.6, overage: 37.5, total: 262.1 }, new: { signup_fees: 25, recurring: 219.6, overage: 37.5, total: 282.1 }, change: { signup_fees: 0, recurring: 20, overage: 0, total: 20 } },
      ]);
    } finally {
      await writeFile(premium, original);
    }
  });

  it('reads OLD as a compiled manifest too, and refuses one that lacks a package', async () => {
    const { compileInMemory } = await import('../../src/compile/in-memory.js');
    const { writeFile } = await import('node:fs/promises');
    const compiled = await compileInMemory({ paths: [path.join(dir, 'current')], catalogDir: path.join(REPO, 'catalog'), cwd: dir });
    await writeFile(path.join(dir, 'current.json'), JSON.stringify(compiled.manifest));
    const viaManifest = await simulate(['proposed.yaml', '--against', 'current.json', '--format', 'json', '--quiet'], dir);
    expect(viaManifest.code).toBe(0);
    expect((JSON.parse(viaManifest.stdout) as SimulationComparison).changes.events).toBe(20);

    const without = { ...compiled.manifest!, packages: compiled.manifest!.packages.filter((p) => p.code !== 'webinar-basic') };
    await writeFile(path.join(dir, 'partial.json'), JSON.stringify(without));
    const partial = await simulate(['proposed.yaml', '--against', 'partial.json', '--quiet'], dir);
    expect(partial.code).toBe(1);
    expect(partial.stdout).toBe('');
    expect(partial.stderr).toContain('subscription `umbrella` uses `webinar-basic`');
  });

  it('fails on an OLD that is no file, folder or revision (2) and on one that does not compile (1)', async () => {
    const missing = await simulate(['proposed.yaml', '--against', 'no-such-thing'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('`no-such-thing` is neither a file, a folder nor a git revision');
    const { mkdir, writeFile } = await import('node:fs/promises');
    await mkdir(path.join(dir, 'broken'), { recursive: true });
    await writeFile(path.join(dir, 'broken', 'p.yaml'), 'code: x\nname: X\nservice_type: meet\nfeatures: { max_roomz: 1 }\n');
    const broken = await simulate(['proposed.yaml', '--against', 'broken', '--quiet'], dir);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('--against broken does not compile');
  });
});
