// Progress of long simulations on a terminal: events, events/s and an ETA from the bytes read,
// redrawn at most every 100 ms, erased at the end; nothing at all when stderr is not a terminal.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProgress, loadScenario, ProgressLine, runScenario, type RunProgress } from '../../src/simulate/index.js';
import { againstFolder } from './against-fixture.js';
import { folder, ndjson, REPO, simulate } from './helpers.js';

const CLEAR = '\r\x1b[K';

describe('formatProgress', () => {
  it.each([
    [{ events: 0, done: undefined }, 0, 'svcpkg simulate: 0 events'],
    [{ events: 1, done: undefined }, 10, 'svcpkg simulate: 1 event'],
    [{ events: 1_500_000, done: undefined }, 3000, 'svcpkg simulate: 1,500,000 events · 500,000 events/s'],
    [{ events: 1_500_000, done: 0.25 }, 3000, 'svcpkg simulate: 1,500,000 events · 500,000 events/s · 25% · ETA 0:09'],
    [{ events: 10, done: 0.001 }, 4000, 'svcpkg simulate: 10 events · 3 events/s · 0% · ETA 1:06:36'],
  ])('%j after %i ms', (state, elapsed, text) => {
    expect(formatProgress(state, elapsed)).toBe(text);
  });
});

describe('ProgressLine', () => {
  it('redraws at most every 100 ms, cuts to the terminal width and erases itself', () => {
    let now = 1000;
    let written = '';
    const line = new ProgressLine({ write: (s: string) => (written += s), columns: 30 }, { now: () => now });
    line.update({ events: 0, done: 0 });
    now += 50;
    line.update({ events: 10, done: 0.1 });
    now += 60;
    line.update({ events: 20, done: 0.2 });
    line.clear();
    expect(written.split(CLEAR)).toEqual(['', 'svcpkg simulate: 0 events · 0', 'svcpkg simulate: 20 events · ', '']);
  });

  it('writes nothing to clear when it never drew', () => {
    let written = '';
    new ProgressLine({ write: (s: string) => (written += s) }).clear();
    expect(written).toBe('');
  });
});

describe('runScenario progress', () => {
  it('reports events and the share of the file read, reaching 100%', async () => {
    const events = Array.from({ length: 5000 }, (_, i) => ({ transaction_id: `t${i}`, external_subscription_id: 'acme', code: 'screen_sharing', timestamp: 1_767_600_000 + i }));
    const dir = await folder({
      'scenario.yaml': `packages: ${path.join(REPO, 'packages.d')}\nsubscriptions:\n  - { id: acme, package: meet-standard, starts_at: 2026-01-05 }\nevents: events.ndjson\n`,
    });
    await writeFile(path.join(dir, 'events.ndjson'), ndjson(events));
    const load = await loadScenario('scenario.yaml', { cwd: dir, catalogDir: path.join(REPO, 'catalog') });
    const seen: RunProgress[] = [];
    await runScenario(load.scenario!, { onProgress: (p) => seen.push(p) });
    expect(seen.slice(0, 4).map((p) => p.events)).toEqual([1024, 2048, 3072, 4096]);
    expect(seen[seen.length - 1]).toEqual({ events: 5000, done: 1 });
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.done!).toBeGreaterThanOrEqual(seen[i - 1]!.done!);
  });
});

describe('simulate on a terminal', () => {
  it('shows progress on a TTY stderr and erases it before the report', async () => {
    const dir = await againstFolder();
    const { code, stdout, stderr } = await simulate(['current.yaml', '--format', 'json'], dir, { tty: true });
    expect(code).toBe(0);
    expect(stderr).toContain(`${CLEAR}svcpkg simulate: 0 events · 0%`);
    // The last thing written about progress erases the line.
    const lastProgress = stderr.lastIndexOf('svcpkg simulate:');
    expect(stderr.indexOf(CLEAR, lastProgress)).toBeGreaterThan(lastProgress);
    expect(stdout).not.toContain('svcpkg simulate:');
    expect(JSON.parse(stdout).totals.events).toBe(1880);
  });

  it('is silent when stderr is not a terminal, or with --quiet', async () => {
    const dir = await againstFolder();
    const plain = await simulate(['current.yaml', '--format', 'json'], dir, { tty: false });
    expect(plain.stderr).not.toContain('svcpkg simulate:');
    expect(plain.stderr).not.toContain('\r');
    const quiet = await simulate(['current.yaml', '--format', 'json', '--quiet'], dir, { tty: true });
    expect(quiet.stderr).toBe('');
  });
});
