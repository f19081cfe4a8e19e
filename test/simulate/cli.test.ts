// `svcpkg simulate` end to end (in-process): the demo scenario, output formats, the decisions
// file, input forms, and exit codes.
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileInMemory } from '../../src/compile/in-memory.js';
import type { SimulationReport } from '../../src/evaluate/index.js';
import { getValidator } from '../../src/schema/ajv.js';
import { folder, ndjson, REPO, simulate } from './helpers.js';

/** The demo scenario, pointed at the packages folder (compiled in memory) and the demo events. */
async function demoFolder(): Promise<string> {
  const yaml = (await readFile(path.join(REPO, 'scenarios/demo.yaml'), 'utf8'))
    .replace('manifest: ../out/manifest.json', `packages: ${path.join(REPO, 'packages.d')}`)
    .replace('events: demo-events.ndjson', `events: ${path.join(REPO, 'scenarios/demo-events.ndjson')}`);
  return folder({ 'demo.yaml': yaml });
}

let manifestJson = '';
beforeAll(async () => {
  const compiled = await compileInMemory({ paths: [path.join(REPO, 'packages.d')], catalogDir: path.join(REPO, 'catalog'), cwd: REPO });
  expect(compiled.manifest).toBeDefined();
  manifestJson = JSON.stringify(compiled.manifest);
});

/** A folder with a compiled manifest and a scenario over `meet-standard`. */
async function scenarioFolder(scenario: string, files: Record<string, string | Uint8Array> = {}): Promise<string> {
  return folder({ 'out/manifest.json': manifestJson, 'scenario.yaml': scenario, ...files });
}

const BASIC = `manifest: out/manifest.json
subscriptions:
  - id: acme
    package: meet-standard
    starts_at: 2026-01-05
events: events.ndjson
`;

const event = (id: string, timestamp: string, code = 'max_rooms', properties?: Record<string, unknown>) => ({
  transaction_id: id,
  external_subscription_id: 'acme',
  code,
  timestamp,
  ...(properties ? { properties } : {}),
});

describe('the demo scenario', () => {
  it('replays four months: overage, denials, a trial, a cancel and a rejection', async () => {
    const dir = await demoFolder();
    const { code, stdout, stderr } = await simulate(['demo.yaml', '--format', 'json'], dir);
    expect(code).toBe(0);
    expect(stderr).toContain('SP7014'); // webinar-basic is inactive: an info, not an error
    const report = JSON.parse(stdout) as SimulationReport;
    const validate = getValidator('simulation-report');
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);

    expect(report.totals).toEqual({
      events: 1880,
      accepted: 1813,
      overage: 24,
      denied: 43,
      by_reason: { invalid: 1, duplicate: 3, out_of_order: 1, unknown_subscription: 1, unknown_feature: 1, inactive: 23, not_included: 1, over_limit: 12 },
      // 79.60 (acme) + 262.10 (globex) + 19.90 (initech): signup fee 25, 299.10 recurring, 37.50 overage (meet-premium's prices).
      revenue: { EUR: { signup_fees: 25, recurring: 299.1, overage: 37.5, total: 361.6 } },
    });
    const [acme, globex, initech, umbrella] = report.subscriptions;
    // 14-day trial from Jan 5, then periods from Jan 19, Feb 19, Mar 19, Apr 19 at 19.90.
    expect(acme).toMatchObject({ status_at_end: 'active', charges: { currency: 'EUR', periods: 4, total: 79.6 } });
    // sales-5 (account cap 4) and the first eng-7 (subscription cap 10) are refused.
    expect(acme!.features.find((f) => f.code === 'max_rooms')).toMatchObject({ limit: 10, usage: 10, peak: 10, accepted: 12, denied: 2 });
    // Premium: signup fee 25 + 4 × 49.90; the 262-person meeting goes 12 over as overage.
    expect(globex).toMatchObject({ status_at_end: 'active', charges: { periods: 4, total: 262.1 } });
    expect(globex!.features.find((f) => f.code === 'max_participants')).toMatchObject({ limit: 250, peak: 262, overage: 12, overage_amount: 12 });
    // Cancelled on Mar 10: access to the end of the period (Mar 15), grace to Mar 22, then suspended.
    expect(initech!.phases.map((p) => p.phase)).toEqual(['trial', 'active', 'grace', 'suspended']);
    expect(initech).toMatchObject({ status_at_end: 'suspended', charges: { periods: 1, total: 19.9 } });
    expect(umbrella).toMatchObject({ status_at_end: 'rejected', rejected_reason: 'not_subscribable', charges: { currency: 'USD', total: 0 } });
  });

  it('prints a table by default', async () => {
    const { code, stdout } = await simulate(['demo.yaml'], await demoFolder());
    expect(code).toBe(0);
    expect(stdout).toContain('Simulation of demo.yaml until 2026-05-01 (exclusive)');
    expect(stdout).toContain('1,880 events: 1,813 accepted, 24 overage, 43 denied');
    expect(stdout).toMatch(/globex · meet-premium · active\n {2}phases {4}trial 2026-01-15 → 2026-01-29, active 2026-01-29 → 2026-05-01\n {2}charges {3}262.10 EUR = 4 periods \(199.60 EUR\) \+ signup fee 25.00 EUR \+ overage 37.50 EUR/);
    expect(stdout).toMatch(/ {2}max_participants +250 +– +262 +\d+ +12 +0 +12/);
  });

  it('writes one decision per event with --decisions, atomically', async () => {
    const dir = await demoFolder();
    const { code } = await simulate(['demo.yaml', '--decisions', 'out/decisions.ndjson', '--quiet'], dir).catch(() => ({ code: -1 }));
    // out/ does not exist: the temporary file cannot be created, an I/O failure.
    expect(code).toBe(2);
    const ok = await simulate(['demo.yaml', '--decisions', 'decisions.ndjson', '--quiet'], dir);
    expect(ok.code).toBe(0);
    const lines = (await readFile(path.join(dir, 'decisions.ndjson'), 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(1880);
    expect(JSON.parse(lines[0]!)).toEqual({
      line: 1,
      transaction_id: 'acme-00001',
      external_subscription_id: 'acme',
      code: 'max_accounts',
      timestamp: '2026-01-05T09:00:00.000Z',
      decision: 'accepted',
      level: 'subscription',
      usage_before: 0,
      usage_after: 1,
      limit: 5,
      window: { start: '2026-01-05T00:00:00.000Z', end: null },
    });
    // Each overage decision carries its units: globex's 262-person meeting goes 12 over, one by one.
    const overage = lines.map((l) => JSON.parse(l) as { decision: string; code: string; overage_units?: number }).filter((d) => d.decision === 'overage');
    expect(overage.filter((d) => d.code === 'max_participants').map((d) => d.overage_units)).toEqual(Array.from({ length: 12 }, () => 1));
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('inputs', () => {
  it('turns bad lines into invalid decisions, skips blank lines, accepts CRLF', async () => {
    const text = [JSON.stringify(event('a', '2026-01-06T00:00:00Z')), '', '{"not json', '42', 'null', '   ', JSON.stringify(event('b', '2026-01-06T01:00:00Z'))].join('\r\n');
    const dir = await scenarioFolder(BASIC, { 'events.ndjson': text });
    const { code, stdout } = await simulate(['scenario.yaml', '--format', 'json', '--decisions', 'd.ndjson'], dir);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).totals).toMatchObject({ events: 5, accepted: 2, denied: 3, by_reason: { invalid: 3 } });
    const lines = (await readFile(path.join(dir, 'd.ndjson'), 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l) as { line: number; decision: string });
    expect(lines.map((l) => [l.line, l.decision])).toEqual([
      [1, 'accepted'],
      [3, 'denied'],
      [4, 'denied'],
      [5, 'denied'],
      [7, 'accepted'],
    ]);
  });

  it('reads gzip files', async () => {
    const dir = await scenarioFolder(BASIC.replace('events.ndjson', 'events.ndjson.gz'), { 'events.ndjson.gz': gzipSync(ndjson([event('a', '2026-01-06T00:00:00Z')])) });
    const { code, stdout } = await simulate(['scenario.yaml', '--format', 'json'], dir);
    expect([code, JSON.parse(stdout).totals.accepted]).toEqual([0, 1]);
  });

  it('reads CloudEvents with --input cloudevents', async () => {
    const cloud = { specversion: '1.0', id: 'c1', source: 'meet', subject: 'acme', type: 'max_storage', time: '2026-01-06T00:00:00Z', data: { gb: 2.5 } };
    const dir = await scenarioFolder(BASIC, { 'events.ndjson': ndjson([cloud, { ...cloud, id: 'c1' }]) });
    const { stdout } = await simulate(['scenario.yaml', '--format', 'json', '--input', 'cloudevents'], dir);
    const report = JSON.parse(stdout) as SimulationReport;
    expect(report.totals.by_reason.duplicate).toBe(1);
    expect(report.subscriptions[0]!.features.find((f) => f.code === 'max_storage')!.usage).toBe(2.5);
  });

  it('reads inline events and honours --dedupe-window', async () => {
    const scenario = BASIC.replace(
      'events: events.ndjson',
      `events:
  - { transaction_id: x, external_subscription_id: acme, code: max_rooms, timestamp: "2026-01-06T00:00:00Z" }
  - { transaction_id: x, external_subscription_id: acme, code: max_rooms, timestamp: "2026-01-09T00:00:00Z" }`,
    );
    const dir = await scenarioFolder(scenario);
    const run = async (...flags: string[]) => (JSON.parse((await simulate(['scenario.yaml', '--format', 'json', ...flags], dir)).stdout) as SimulationReport).totals;
    expect((await run()).by_reason.duplicate).toBe(1);
    expect((await run('--dedupe-window', '2')).by_reason.duplicate).toBe(0);
  });

  it('ends the day after the last event by default, and warns about events after an explicit end', async () => {
    const events = { 'events.ndjson': ndjson([event('a', '2026-01-06T10:00:00Z'), event('b', '2026-03-06T10:00:00Z')]) };
    const byDefault = await simulate(['scenario.yaml', '--format', 'json'], await scenarioFolder(BASIC, events));
    expect(JSON.parse(byDefault.stdout).end).toBe('2026-03-07T00:00:00.000Z');
    const early = await simulate(['scenario.yaml', '--format', 'json'], await scenarioFolder(`end: 2026-02-01\n${BASIC}`, events));
    expect(early.code).toBe(0);
    expect(early.stderr).toMatch(/scenario.yaml:1:6: warning SP7013 1 event is at or after the scenario end/);
    const quiet = await simulate(['scenario.yaml', '--format', 'json', '--quiet'], await scenarioFolder(`end: 2026-02-01\n${BASIC}`, events));
    expect(quiet.stderr).toBe('');
  });
});

describe('exit codes', () => {
  it('1 for scenario errors, located, with a hint', async () => {
    const dir = await scenarioFolder(BASIC.replace('package: meet-standard', 'package: meet-standart'), { 'events.ndjson': '' });
    const { code, stdout, stderr } = await simulate(['scenario.yaml'], dir);
    expect([code, stdout]).toEqual([1, '']);
    expect(stderr).toContain('scenario.yaml:4:14: error SP7001 unknown package `meet-standart`');
    expect(stderr).toContain('did you mean `meet-standard`?');
  });

  it('2 when the manifest or the events file cannot be read', async () => {
    const noManifest = await folder({ 'scenario.yaml': BASIC, 'events.ndjson': '' });
    const a = await simulate(['scenario.yaml'], noManifest);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/scenario.yaml:1:11: error SP7011 cannot read the manifest out\/manifest.json \(ENOENT\)/);
    const noEvents = await scenarioFolder(BASIC);
    const b = await simulate(['scenario.yaml'], noEvents);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/scenario.yaml:6:9: error SP7012 cannot read the events file events.ndjson/);
    const noScenario = await simulate(['missing.yaml'], noEvents);
    expect(noScenario.code).toBe(2);
  });

  it('1 for a manifest that is not one', async () => {
    const dir = await folder({ 'out/manifest.json': '{"format_version": 1}', 'scenario.yaml': BASIC, 'events.ndjson': '' });
    const { code, stderr } = await simulate(['scenario.yaml'], dir);
    expect(code).toBe(1);
    expect(stderr).toContain('SP7011 this is not a svcpkg manifest of this version');
  });

  it.each([
    [[]],
    [['a.yaml', 'b.yaml']],
    [['scenario.yaml', '--format', 'html']],
    [['scenario.yaml', '--input', 'kafka']],
    [['scenario.yaml', '--dedupe-window', '-1']],
    [['scenario.yaml', '--dedupe-window', 'soon']],
    [['scenario.yaml', '--nope']],
  ])('2 for usage errors: %j', async (args) => {
    const dir = await scenarioFolder(BASIC, { 'events.ndjson': '' });
    expect((await simulate(args, dir)).code).toBe(2);
  });

  it('0 with --help', async () => {
    const { code, stdout } = await simulate(['--help'], REPO);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: svcpkg simulate SCENARIO');
  });

  it('leaves no decisions file when the events cannot be read', async () => {
    const dir = await scenarioFolder(BASIC.replace('events.ndjson', 'events.ndjson.gz'), { 'events.ndjson.gz': 'not gzip at all' });
    const { code } = await simulate(['scenario.yaml', '--decisions', 'd.ndjson'], dir);
    expect(code).toBe(2);
    expect(existsSync(path.join(dir, 'd.ndjson'))).toBe(false);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('the shipped scenario', () => {
  it('is valid against its schema and names the example packages', async () => {
    const dir = await folder({ 'out/manifest.json': manifestJson });
    await writeFile(path.join(dir, 'demo.yaml'), (await readFile(path.join(REPO, 'scenarios/demo.yaml'), 'utf8')).replace('events: demo-events.ndjson', `events: ${path.join(REPO, 'scenarios/demo-events.ndjson')}`).replace('../out/', 'out/'));
    const { code, stderr } = await simulate(['demo.yaml', '--format', 'json'], dir);
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/error|warning/);
  });
});
