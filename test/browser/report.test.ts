// The demo's HTML report, alone and with `--against`, in a real browser (Debian's Chromium driven
// by playwright-core, headless, offline), checked where users look: the page loads nothing and logs
// no error, every subscription and feature with events has a named chart with its limit, each
// subscription's charges show overage and currencies, every limit label is on top and readable (nothing covers its centre, no marker overlaps it), the comparison is coloured by
// meaning (fewer denials green, more red), and the subscription list is a grid of equal cells at
// common widths. The pictures come from scripts/screenshots.mjs, the script that makes the
// README's; here they go to a temporary folder. Skipped with a message only when
// /usr/bin/chromium is missing outside CI; under CI a missing browser fails.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, LAST_CHART, launchChromium, screenshot, writeDemoReports } from '../../scripts/screenshots.mjs';
import type { SimulationReport } from '../../src/evaluate/index.js';
import { runProcess } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

const available = existsSync(CHROMIUM);
const inCI = Boolean(process.env.CI);
if (!available && !inCI) console.warn(`test/browser/report.test.ts: skipped — ${CHROMIUM} is missing (apt-get install chromium); under CI this fails instead`);

/** The colours of `.good` and `.bad` in src/report/styles.ts, as computed styles give them. */
const GOOD = 'rgb(26, 127, 55)';
const BAD = 'rgb(207, 34, 46)';

/** A limit label that something covers or that overlaps a marker. */
interface LabelProblem {
  chart: string;
  label: string;
  problem: string;
}

/** Width and height of a PNG, from its header. */
async function pngSize(file: string): Promise<{ width: number; height: number }> {
  const bytes = await readFile(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe.skipIf(!available && !inCI)('the HTML report in Chromium', () => {
  let browser: Browser | undefined;
  let dir = '';
  let pages: { report: string; against: string; reverse?: string } = { report: '', against: '' };

  beforeAll(async () => {
    if (!available) throw new Error(`${CHROMIUM} is missing: the HTML report cannot be checked in a browser (CI installs the \`chromium\` package in .ci/run)`);
    dir = await tempFolder('browser');
    pages = await writeDemoReports(dir, { reverse: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Open a page offline: any request other than the file itself fails the test. */
  async function open(file: string, width = 1100): Promise<Page> {
    const page = await browser!.newPage({ viewport: { width, height: 900 } });
    const url = pathToFileURL(file).href;
    const requests: string[] = [];
    page.on('request', (request) => {
      if (request.url() !== url && !request.url().startsWith('data:')) requests.push(request.url());
    });
    await page.goto(url, { waitUntil: 'load' });
    expect(requests).toEqual([]);
    return page;
  }

  /** Every limit label of the page that is covered, or overlaps a marker, or leaves its chart. */
  async function labelProblems(page: Page): Promise<{ checked: number; problems: LabelProblem[] }> {
    return page.$$eval('svg.chart', (charts) => {
      const problems: { chart: string; label: string; problem: string }[] = [];
      let checked = 0;
      const overlaps = (a: DOMRect, b: DOMRect) => Math.min(a.right, b.right) > Math.max(a.left, b.left) && Math.min(a.bottom, b.bottom) > Math.max(a.top, b.top);
      for (const chart of charts) {
        const name = `${chart.getAttribute('data-subscription')} ${chart.getAttribute('data-feature')}`;
        for (const label of Array.from(chart.querySelectorAll<SVGTextElement>('text.limit-label'))) {
          checked++;
          label.scrollIntoView({ block: 'center' });
          // Client rectangles move with the scroll: measure everything after it.
          const box = label.getBoundingClientRect();
          const markers = Array.from(chart.querySelectorAll('.marker path'), (m) => m.getBoundingClientRect());
          const text = label.textContent ?? '';
          const owner = label.closest('[data-limit-label]') ?? label;
          const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
          if (hit === null || !owner.contains(hit)) problems.push({ chart: name, label: text, problem: `covered by <${hit?.tagName} class="${hit?.getAttribute('class')}">` });
          // The label's whole box (its white background when it has one) must leave every marker visible.
          if (markers.some((m) => overlaps(m, owner.getBoundingClientRect()))) problems.push({ chart: name, label: text, problem: 'overlaps a marker' });
          const frame = chart.getBoundingClientRect();
          if (box.left < frame.left || box.right > frame.right || box.top < frame.top || box.bottom > frame.bottom) problems.push({ chart: name, label: text, problem: 'outside its chart' });
          if (box.width === 0 || getComputedStyle(label).visibility !== 'visible' || Number(getComputedStyle(label).opacity) === 0) problems.push({ chart: name, label: text, problem: 'not shown' });
        }
      }
      return { checked, problems };
    });
  }

  /** Every subscription and feature of a report that received events. */
  function withEvents(report: SimulationReport): string[] {
    return report.subscriptions.flatMap((s) => s.features.filter((f) => f.accepted + f.overage + f.denied > 0).map((f) => `${s.id} ${f.code}`));
  }

  /** The JSON report of a scenario of the demo folder, by the built CLI. */
  async function jsonReport(scenario: string): Promise<SimulationReport> {
    const run = await runProcess(['simulate', scenario, '--format', 'json', '--quiet'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    return JSON.parse(run.stdout) as SimulationReport;
  }

  it.each(['report', 'against'] as const)('draws a named chart with its limit for every subscription and feature with events (%s), without a console error', async (which) => {
    const page = await open(pages[which]);
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.reload({ waitUntil: 'load' });
    const charts = await page.$$eval('svg.chart', (svgs) =>
      svgs.map((svg) => {
        // The accessible name: the elements aria-labelledby points to exist and hold text.
        const ids = (svg.getAttribute('aria-labelledby') ?? '').split(' ').filter(Boolean);
        const named = svg.getAttribute('role') === 'img' && ids.length > 0 && ids.every((id) => (document.getElementById(id)?.textContent ?? '').trim() !== '');
        return { key: `${svg.getAttribute('data-subscription')} ${svg.getAttribute('data-feature')}`, limits: svg.querySelectorAll('[data-limit]').length, named };
      }),
    );
    await page.close();
    expect(errors).toEqual([]);
    // With --against, the features that received events in either run.
    const reports = which === 'report' ? [await jsonReport('current.yaml')] : [await jsonReport('proposed.yaml'), await jsonReport('current.yaml')];
    expect(charts.map((c) => c.key).sort()).toEqual([...new Set(reports.flatMap(withEvents))].sort());
    for (const chart of charts) expect({ chart: chart.key, limits: chart.limits > 0, named: chart.named }).toEqual({ chart: chart.key, limits: true, named: true });
  });

  it('shows every limit label of the single report on top, clear of markers', async () => {
    const page = await open(pages.report);
    const { checked, problems } = await labelProblems(page);
    // acme, globex, initech and umbrella: 27 charts, one label each.
    expect(checked).toBe(27);
    expect(problems).toEqual([]);
    // The chart that lost its label in issue 12: max_storage of acme, denied ✕ all along its limit.
    const crowded = await page.$eval('svg.chart[data-subscription="acme"][data-feature="max_storage"]', (svg) => svg.querySelectorAll('.marker.denied path').length);
    expect(crowded).toBeGreaterThanOrEqual(5);
    await page.close();
  });

  it('shows both limit labels of every --against chart, clear of markers and of each other', async () => {
    const page = await open(pages.against);
    const { checked, problems } = await labelProblems(page);
    expect(checked).toBeGreaterThan(27);
    expect(problems).toEqual([]);
    const apart = await page.$eval('svg.chart[data-subscription="acme"][data-feature="max_participants"]', (svg) => {
      const [a, b] = Array.from(svg.querySelectorAll('[data-limit-label]'), (g) => g.getBoundingClientRect());
      return { labels: svg.querySelectorAll('[data-limit-label]').length, overlap: a !== undefined && b !== undefined && Math.min(a.bottom, b.bottom) > Math.max(a.top, b.top) && Math.min(a.right, b.right) > Math.max(a.left, b.left) };
    });
    expect(apart).toEqual({ labels: 2, overlap: false });
    await page.close();
  });

  it('colours the comparison by meaning: more denials and fewer accepted red, fewer denials green', async () => {
    /** The colour and text of the change cell of each totals row. */
    const changes = async (file: string) => {
      const page = await open(file);
      const cells = await page.$$eval('table.totals tr[data-metric]', (rows) =>
        Object.fromEntries(rows.map((row) => [row.getAttribute('data-metric'), { text: row.lastElementChild!.textContent, color: getComputedStyle(row.lastElementChild!).color }])),
      );
      const words = await page.$$eval('table.changes td:nth-child(3)', (tds) => tds.map((td) => ({ text: td.textContent, color: getComputedStyle(td).color })));
      await page.close();
      return { cells, words };
    };
    // proposed (max 40 participants) against current (50): 20 more denials, 20 fewer accepted.
    const worse = await changes(pages.against);
    expect(worse.cells.denied).toEqual({ text: '+20', color: BAD });
    expect(worse.cells.over_limit).toEqual({ text: '+10', color: BAD });
    expect(worse.cells.accepted).toEqual({ text: '−20', color: BAD });
    expect(worse.words).toContainEqual({ text: 'newly denied', color: BAD });
    // The same change undone: fewer denials, more accepted, both green.
    const better = await changes(pages.reverse!);
    expect(better.cells.denied).toEqual({ text: '−20', color: GOOD });
    expect(better.cells.invalid).toEqual({ text: '−10', color: GOOD });
    expect(better.cells.accepted).toEqual({ text: '+20', color: GOOD });
    expect(better.words).toContainEqual({ text: 'newly accepted', color: GOOD });
    // Unchanged and neutral figures keep the text colour.
    expect(better.cells.events!.color).toBe(better.cells.overage!.color);
    expect([GOOD, BAD]).not.toContain(better.cells.events!.color);
  });

  it('shows each subscription’s charges with overage and every amount in its currency', async () => {
    /** A charges table as shown: its headers and, per row, its money cells by part. */
    interface ChargesTable {
      headers: string[];
      rows: { run: string | null; cells: Record<string, { text: string; color: string }> }[];
      shown: boolean;
    }
    /** Per subscription: its charges table as shown. */
    const charges = async (file: string): Promise<Record<string, ChargesTable>> => {
      const page = await open(file);
      const tables: Record<string, ChargesTable> = await page.$$eval('section.subscription', (sections) =>
        Object.fromEntries(
          sections.map((section) => {
            const table = section.querySelector('table.charges')!;
            const box = table.getBoundingClientRect();
            const rows = Array.from(table.querySelectorAll('tbody tr'), (tr) => ({
              run: tr.getAttribute('data-run'),
              cells: Object.fromEntries(Array.from(tr.querySelectorAll('td[data-charge]'), (td) => [td.getAttribute('data-charge'), { text: (td as HTMLElement).innerText, color: getComputedStyle(td).color }])),
            }));
            const headers = Array.from(table.querySelectorAll('thead th'), (th) => (th as HTMLElement).innerText);
            return [section.getAttribute('data-subscription'), { headers, rows, shown: box.width > 0 && box.height > 0 }];
          }),
        ),
      );
      await page.close();
      return tables;
    };
    const single = await charges(pages.report);
    // globex (Meet Premium, overages billed): a meeting above 250 and storage above 100 GB.
    expect(single.globex!.headers).toEqual(['', 'Periods', 'Signup fee', 'Recurring', 'Overage', 'Total']);
    expect(single.globex!.shown).toBe(true);
    expect(single.globex!.rows[0]!.cells).toMatchObject({
      signup_fee: { text: '25.00 EUR' },
      recurring: { text: '199.60 EUR' },
      overage: { text: '37.50 EUR' },
      total: { text: '262.10 EUR' },
    });
    // Every amount carries its currency: umbrella is priced in USD, the others in EUR.
    for (const [id, table] of Object.entries(single)) {
      for (const cell of Object.values(table.rows[0]!.cells)) expect(cell.text, id).toMatch(id === 'umbrella' ? /^[\d,]+\.\d\d USD$/ : /^[\d,]+\.\d\d EUR$/);
    }
    // With --against: both runs and a change row, each part of it; no price changed, so none is coloured.
    const against = await charges(pages.against);
    expect(against.globex!.rows.map((r) => r.run)).toEqual(['old', 'new', 'change']);
    expect(against.globex!.rows[2]!.cells.overage).toEqual({ text: 'none', color: against.globex!.rows[0]!.cells.overage!.color });
    expect(against.globex!.rows[1]!.cells.overage!.text).toBe('37.50 EUR');
  });

  it.each([1100, 800, 600, 380])('lays the subscription list out as a grid of equal cells, filled row by row, %d px wide', async (width) => {
    const page = await open(pages.report, width);
    const cells = await page.$$eval('nav li', (items) => items.map((li) => li.getBoundingClientRect()).map((r) => ({ left: Math.round(r.left), top: Math.round(r.top), width: Math.round(r.width), height: Math.round(r.height) })));
    await page.close();
    expect(cells).toHaveLength(4);
    const rows = [...new Set(cells.map((c) => c.top))];
    const columns = [...new Set(cells.map((c) => c.left))].sort((a, b) => a - b);
    // Every cell the same size; read in order, each row fills from the left.
    expect(new Set(cells.map((c) => `${c.width}x${c.height}`)).size).toBe(1);
    cells.forEach((cell, i) => {
      expect(cell.top, `item ${i + 1}`).toBe(rows[Math.floor(i / columns.length)]);
      expect(cell.left, `item ${i + 1}`).toBe(columns[i % columns.length]);
    });
    if (width <= 380) expect(columns).toHaveLength(1);
    else expect(columns.length).toBeGreaterThan(1);
  });

  it('photographs both pages with the README script', async () => {
    for (const [html, png, until] of [
      [pages.report, path.join(dir, 'report.png'), LAST_CHART.report],
      [pages.against, path.join(dir, 'report-against.png'), LAST_CHART.against],
    ] as const) {
      await screenshot(browser!, html, png, until);
      const size = await pngSize(png);
      expect(size.width).toBe(1100);
      // From the top down to the chart the picture is about, which is below the summary and list.
      expect(size.height).toBeGreaterThan(1800);
    }
  });
});
