// The HTML report as a pure function: a self-contained, accessible page with a chart per
// subscription and feature that received events, each with its limit, built the same way every time.
import { describe, expect, it } from 'vitest';
import { renderHtmlReport, renderUsageChart } from '../../src/report/index.js';
import { timeTicks, usageTicks } from '../../src/report/scale.js';
import { ms } from '../evaluate/helpers.js';
import { reportData } from './helpers.js';

/** Every `<svg …>` opening tag with its attributes. */
function charts(html: string): Record<string, string>[] {
  return [...html.matchAll(/<svg class="chart[^"]*"([^>]*)>/g)].map((m) => Object.fromEntries([...m[1]!.matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])));
}

describe('renderHtmlReport', () => {
  const html = renderHtmlReport(reportData());

  it('is a complete page that loads nothing: no script, no external URL, no font', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<title>Simulation of scenario.yaml</title>');
    expect(html).toContain('<h1>');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|@font-face|https?:\/\//i);
    expect(html).not.toMatch(/\bsrc=/);
    // The only url() references are the page's own patterns.
    expect([...html.matchAll(/url\(([^)]*)\)/g)].map((m) => m[1])).toEqual(['#hatch-suspended', '#hatch-rejected']);
  });

  it('draws a chart per feature with events, each with its limit and accessible name', () => {
    const drawn = charts(html);
    expect(drawn.map((c) => c['data-feature'])).toEqual(['max_rooms', 'max_participants', 'recording', 'max_storage']);
    for (const chart of drawn) {
      expect(chart['data-subscription']).toBe('acme &lt;&amp;&gt;');
      expect(chart.role).toBe('img');
      const [titleId, descId] = chart['aria-labelledby']!.split(' ');
      expect(html).toContain(`<title id="${titleId}">`);
      expect(html).toContain(`<desc id="${descId}">`);
    }
    const limits = [...html.matchAll(/data-limit="([^"]*)"/g)].map((m) => m[1]);
    expect(limits).toEqual(['2', '3', 'on', 'unlimited']);
  });

  it('escapes what comes from input', () => {
    expect(html).not.toContain('acme <&>');
    expect(html).toContain('acme &lt;&amp;&gt;');
    expect(html).toContain('id="sub-acme_20__3c__26__3e_"');
  });

  it('marks denied events by shape and says what they were', () => {
    expect(html).toMatch(/<g class="marker denied new" data-decision="denied" data-reason="over_limit" data-run="new"><path d="[^"]+"><title>room-3 · 2026-01-01 03:00:00 UTC · denied: over_limit \(3 &gt; 2\)<\/title><\/path>/);
  });

  it('shades every other reset window and drops the usage to 0 when a window ends', () => {
    expect(html).toContain('data-window-start="2026-01-02T00:00:00.000Z"');
    const rooms = html.slice(html.indexOf('data-feature="max_rooms"'));
    const line = /<path class="usage new" data-run="new" d="([^"]+)"/.exec(rooms)![1]!;
    // Up to 2 on day one, back to 0 at midnight, up to 2 again on day two, back to 0 at its end.
    const heights = [...line.matchAll(/V([\d.]+)/g)].map((m) => Number(m[1]));
    const zero = Math.max(...heights);
    expect(heights).toHaveLength(6);
    expect(heights[0]).toBeGreaterThan(heights[1]!);
    expect(heights.slice(2)).toEqual([zero, heights[0], heights[1], zero]);
    expect(line.endsWith(`V${zero}H856`)).toBe(true);
  });

  it('gives the same bytes for the same data', () => {
    expect(renderHtmlReport(reportData())).toBe(html);
  });
});

describe('renderHtmlReport --against', () => {
  const html = renderHtmlReport(reportData({ against: true }));

  it('draws both runs on one chart, the old limit apart when it differs, with a legend', () => {
    const rooms = html.slice(html.indexOf('<svg class="chart chart-window" role="img"'), html.indexOf('</svg>', html.indexOf('data-feature="max_rooms"')));
    expect(rooms).toContain('data-run="old"');
    expect(rooms).toContain('data-run="new"');
    expect(html).toMatch(/<line class="limit old" data-limit="3" data-run="old"/);
    expect(html).toMatch(/<line class="limit new" data-limit="2" data-run="new"/);
    expect(html).toContain('<strong>old</strong>');
    expect(html).toContain('<strong>new</strong>');
  });

  it('lists the decisions that change and the change in charges', () => {
    expect(html).toContain('<h3>Decisions that change</h3>');
    expect(html).toMatch(/newly denied<\/td><td class="text">accepted → over_limit<\/td><td>2<\/td><td class="examples">room-3, room-27<\/td>/);
    expect(html).toMatch(/<th scope="row">change<\/th>.*?<strong>none<\/strong>/);
  });

  it('still draws one limit line when both runs share it', () => {
    const storage = html.slice(html.indexOf('data-feature="max_storage"'));
    expect(storage.slice(0, storage.indexOf('</svg>'))).toContain('data-limit="unlimited" data-run="both"');
  });
});

describe('renderUsageChart', () => {
  it('draws an empty chart with its limit for a feature whose events had no valid instant', () => {
    const svg = renderUsageChart({
      id: 'c',
      subscription: 's',
      feature: 'max_rooms',
      kind: 'window',
      start: ms('2026-01-01'),
      end: ms('2026-02-01'),
      scenarioEnd: ms('2026-02-01'),
      runs: [{ role: 'new', history: undefined, limit: 10 }],
      title: 't',
      description: 'd',
    });
    expect(svg).toContain('data-limit="10"');
    expect(svg).not.toContain('class="usage');
  });
});

describe('axes', () => {
  it.each([
    [10, [0, 2, 4, 6, 8, 10]],
    [10.8, [0, 2.5, 5, 7.5, 10, 12.5]],
    [262, [0, 100, 200, 300]],
    [0, [0, 1]],
    [0.3, [0, 0.1, 0.2, 0.3]],
  ])('usage ticks up to %d', (max, ticks) => {
    expect(usageTicks(max)).toEqual(ticks);
  });

  it('labels months, weeks from Monday, days and hours', () => {
    expect(timeTicks(ms('2026-01-05'), ms('2026-05-01')).map((t) => t.label)).toEqual(['Feb 2026', 'Mar', 'Apr', 'May']);
    expect(timeTicks(ms('2026-02-01'), ms('2026-05-01')).map((t) => t.label)).toEqual(['Feb 2', 'Feb 16', 'Mar 2', 'Mar 16', 'Mar 30', 'Apr 13', 'Apr 27']);
    expect(timeTicks(ms('2026-02-01'), ms('2026-03-01'), 8).map((t) => t.label)).toEqual(['Feb 2', 'Feb 9', 'Feb 16', 'Feb 23']);
    expect(timeTicks(ms('2026-01-01'), ms('2026-01-04')).map((t) => t.label)).toEqual(['Jan 1 00:00', 'Jan 1 12:00', 'Jan 2 00:00', 'Jan 2 12:00', 'Jan 3 00:00', 'Jan 3 12:00', 'Jan 4 00:00']);
    expect(timeTicks(ms('2024-06-01'), ms('2027-01-01')).map((t) => t.label)).toEqual(['Jul 2024', 'Jan 2025', 'Jul', 'Jan 2026', 'Jul', 'Jan 2027']);
  });
});

describe('a million events', () => {
  it('gives a page of bounded size: series downsampled, markers merged', async () => {
    const { UsageHistoryRecorder } = await import('../../src/simulate/index.js');
    const { packages, SUBSCRIPTIONS } = await import('./helpers.js');
    const m = packages(1000, 3);
    const recorder = new UsageHistoryRecorder(m, ['acme <&>']);
    const start = ms('2026-01-01');
    const DAY = 86_400_000;
    const event = { transaction_id: 't', external_subscription_id: 'acme <&>', code: 'max_rooms' };
    for (let i = 0; i < 1_000_000; i++) {
      const t = start + i * 30_000;
      const windowStart = Math.floor((t - start) / DAY) * DAY + start;
      const usage = Math.floor((t - windowStart) / 90_000);
      const denied = usage > 900;
      recorder.record(event, {
        decision: denied ? 'denied' : 'accepted',
        reason: denied ? 'over_limit' : undefined,
        level: 'subscription',
        usage_after: denied ? 901 : usage,
        limit: 900,
        window: { start: windowStart, end: windowStart + DAY },
        at: t,
      });
    }
    const [history] = recorder.histories();
    expect(history!.points.length).toBeLessThanOrEqual(4 * 240);
    expect(history!.markers.length).toBeLessThanOrEqual(240);
    expect(history!.markers.reduce((n, marker) => n + marker.count, 0)).toBeGreaterThan(10_000);
    // Refusals happen every day: the markers still cover the whole year.
    expect(history!.markers[history!.markers.length - 1]!.t).toBeGreaterThan(start + 340 * DAY);
    const data = reportData();
    const html = renderHtmlReport({ ...data, run: { ...data.run, histories: [history!] }, starts: new Map([[SUBSCRIPTIONS[0]!.id, start]]) });
    expect(html.length).toBeLessThan(200_000);
    expect(html).toContain('one marker stands for several');
  });
});
