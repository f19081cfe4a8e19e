// The HTML report in a real browser (Debian's Chromium driven by playwright-core): the page opens
// from a file without a single request or console error, has a chart with its limit for every
// subscription and feature that received events, and a screenshot lands in test-output/.
// Without /usr/bin/chromium the test fails in CI and is skipped locally.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { SimulationReport } from '../../src/evaluate/index.js';
import { againstFolder } from '../simulate/against-fixture.js';
import { REPO, simulate } from '../simulate/helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const inCI = Boolean(process.env.CI);
if (!available && !inCI) console.warn(`test/report/browser.test.ts: skipped — ${CHROMIUM} is missing (apt-get install chromium); CI fails instead`);

/** What a page did while it loaded. */
interface PageVisit {
  requests: string[];
  errors: string[];
  charts: { subscription: string; feature: string; limits: number; named: boolean }[];
}

describe.skipIf(!available && !inCI)('the HTML report in Chromium', () => {
  let browser: Browser | undefined;
  let dir = '';

  beforeAll(async () => {
    if (!available) throw new Error(`${CHROMIUM} is missing: the HTML report cannot be checked in a browser (CI installs the \`chromium\` package in .ci/run)`);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    });
    dir = await againstFolder();
    await mkdir(path.join(REPO, 'test-output'), { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Open a report file, record every request and error, read its charts, take a screenshot. */
  async function visit(file: string, screenshot: string): Promise<PageVisit> {
    const page = await browser!.newPage({ viewport: { width: 1100, height: 900 } });
    const url = pathToFileURL(file).href;
    const visited: PageVisit = { requests: [], errors: [], charts: [] };
    page.on('request', (request) => {
      const target = request.url();
      if (target === url || target === 'about:blank' || target.startsWith('data:')) return;
      visited.requests.push(target);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') visited.errors.push(message.text());
    });
    page.on('pageerror', (error) => visited.errors.push(error.message));
    await page.goto(url, { waitUntil: 'load' });
    visited.charts = await page.$$eval('svg.chart', (svgs) =>
      svgs.map((svg) => {
        // The accessible name: the elements aria-labelledby points to exist and hold text.
        const ids = (svg.getAttribute('aria-labelledby') ?? '').split(' ').filter(Boolean);
        const named = svg.getAttribute('role') === 'img' && ids.length > 0 && ids.every((id) => (document.getElementById(id)?.textContent ?? '').trim() !== '');
        return {
          subscription: svg.getAttribute('data-subscription') ?? '',
          feature: svg.getAttribute('data-feature') ?? '',
          limits: svg.querySelectorAll('[data-limit]').length,
          named,
        };
      }),
    );
    await page.screenshot({ path: path.join(REPO, 'test-output', screenshot), fullPage: true });
    await page.close();
    return visited;
  }

  /** Every subscription and feature of a report that received events. */
  function withEvents(report: SimulationReport): string[] {
    return report.subscriptions.flatMap((s) => s.features.filter((f) => f.accepted + f.overage + f.denied > 0).map((f) => `${s.id} ${f.code}`));
  }

  it('draws every subscription and feature with events, loading nothing', async () => {
    const run = await simulate(['current.yaml', '--html', 'report.html', '--format', 'json', '--quiet'], dir);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as SimulationReport;
    const visited = await visit(path.join(dir, 'report.html'), 'simulate-report.png');
    expect(visited.requests).toEqual([]);
    expect(visited.errors).toEqual([]);
    expect(visited.charts.map((c) => `${c.subscription} ${c.feature}`).sort()).toEqual(withEvents(report).sort());
    for (const chart of visited.charts) {
      expect(chart.limits, `${chart.subscription} ${chart.feature}: no [data-limit]`).toBeGreaterThan(0);
      expect(chart.named, `${chart.subscription} ${chart.feature}: no accessible name`).toBe(true);
    }
  });

  it('draws both runs with --against, loading nothing', async () => {
    const run = await simulate(['proposed.yaml', '--against', 'current', '--html', 'against.html', '--quiet'], dir);
    expect(run.code, run.stderr).toBe(0);
    const own = JSON.parse((await simulate(['proposed.yaml', '--format', 'json', '--quiet'], dir)).stdout) as SimulationReport;
    const old = JSON.parse((await simulate(['current.yaml', '--format', 'json', '--quiet'], dir)).stdout) as SimulationReport;
    const visited = await visit(path.join(dir, 'against.html'), 'simulate-report-against.png');
    expect(visited.requests).toEqual([]);
    expect(visited.errors).toEqual([]);
    const expected = [...new Set([...withEvents(own), ...withEvents(old)])].sort();
    expect(visited.charts.map((c) => `${c.subscription} ${c.feature}`).sort()).toEqual(expected);
    for (const chart of visited.charts) expect(chart.limits, `${chart.subscription} ${chart.feature}`).toBeGreaterThan(0);
  });
});
