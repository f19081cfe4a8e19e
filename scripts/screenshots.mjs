// Pictures of the HTML report for the README: the demo scenario's page, alone and with `--against`,
// written by the built CLI and photographed in Debian's Chromium (playwright-core, headless, no
// network). `node scripts/screenshots.mjs` (after `npm run build`) writes docs/images/report.png and
// docs/images/report-against.png; test/browser/report.test.ts uses the same functions in a temp dir.
import { execFile } from 'node:child_process';
import { copyFile, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Where Debian installs Chromium (`apt-get install chromium`); playwright cannot download one here. */
export const CHROMIUM = '/usr/bin/chromium';
/** Where the README's pictures live. */
export const IMAGES_DIR = path.join(ROOT, 'docs', 'images');
/** The page width photographed: a laptop window. */
export const VIEWPORT = { width: 1100, height: 900 };

/**
 * The change the `--against` picture shows: Meet Standard's meetings capped at 40 participants
 * instead of 50, so the demo's all-hands meeting is refused sooner.
 */
export const PROPOSAL = { file: path.join('meet', 'standard.yaml'), from: 'max_participants: 50', to: 'max_participants: 40' };

/**
 * Write the demo's reports into `dir`: `current/` and `proposed/` packages, a scenario over each, and
 * `report.html` (current) and `report-against.html` (proposed against current), by the built CLI.
 * With `reverse`, also `report-reverse.html` (current against proposed: the change undone).
 * @param {string} dir an empty folder
 * @param {{ reverse?: boolean }} [options]
 * @returns {Promise<{ report: string, against: string, reverse?: string }>} the pages' paths
 */
export async function writeDemoReports(dir, options = {}) {
  await cp(path.join(ROOT, 'packages.d'), path.join(dir, 'current'), { recursive: true });
  await cp(path.join(ROOT, 'packages.d'), path.join(dir, 'proposed'), { recursive: true });
  await copyFile(path.join(ROOT, 'svcpkg.lock.json'), path.join(dir, 'svcpkg.lock.json'));
  const standard = path.join(dir, 'proposed', PROPOSAL.file);
  const text = await readFile(standard, 'utf8');
  if (!text.includes(PROPOSAL.from)) throw new Error(`screenshots: \`${PROPOSAL.from}\` not found in packages.d/${PROPOSAL.file}`);
  await writeFile(standard, text.replace(PROPOSAL.from, PROPOSAL.to));
  const demo = await readFile(path.join(ROOT, 'scenarios', 'demo.yaml'), 'utf8');
  for (const side of ['current', 'proposed']) {
    const scenario = demo
      .replace('manifest: ../out/manifest.json', `packages: ${side}`)
      .replace('events: demo-events.ndjson', `events: ${JSON.stringify(path.join(ROOT, 'scenarios', 'demo-events.ndjson'))}`);
    if (!scenario.includes(`packages: ${side}`)) throw new Error('screenshots: scenarios/demo.yaml changed shape');
    await writeFile(path.join(dir, `${side}.yaml`), scenario);
  }
  const pages = { report: path.join(dir, 'report.html'), against: path.join(dir, 'report-against.html') };
  await svcpkg(['simulate', 'current.yaml', '--html', 'report.html', '--quiet'], dir);
  await svcpkg(['simulate', 'proposed.yaml', '--against', 'current', '--html', 'report-against.html', '--quiet'], dir);
  if (!options.reverse) return pages;
  await svcpkg(['simulate', 'current.yaml', '--against', 'proposed', '--html', 'report-reverse.html', '--quiet'], dir);
  return { ...pages, reverse: path.join(dir, 'report-reverse.html') };
}

/** Run the built CLI in `cwd`; fails with its stderr when it exits with an error. */
async function svcpkg(args, cwd) {
  try {
    await promisify(execFile)(process.execPath, [path.join(ROOT, 'bin', 'svcpkg.js'), ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    throw new Error(`svcpkg ${args.join(' ')} failed: ${error.stderr || error.message}`);
  }
}

/**
 * Start headless Chromium, with the flags Debian's build needs in a container and no network
 * chatter of its own (docs: /work/shared/FACTS.md pitfalls).
 * @returns {Promise<import('playwright-core').Browser>}
 */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/**
 * The charts each picture ends with: the one whose limit label dense ✕ markers used to hide, and
 * the one where the two runs' limits differ. Everything above them is in the picture too.
 */
export const LAST_CHART = { report: '#feature-acme--max_5f_storage', against: '#feature-acme--max_5f_participants' };

/**
 * Photograph a page from its top (the summary, the legend, the list of subscriptions) to the end of
 * the element `until` selects (default: the first subscription's section). The pictures ship in the
 * npm package (the README links them), so they stop where the point is made.
 * @param {import('playwright-core').Browser} browser
 * @param {string} html the page's file
 * @param {string} png where the picture goes
 * @param {string} [until] a CSS selector
 */
export async function screenshot(browser, html, png, until = 'section.subscription') {
  const page = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  try {
    await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
    const bottom = await page.$eval(until, (element) => Math.ceil(element.getBoundingClientRect().bottom + window.scrollY + 16));
    await page.screenshot({ path: png, clip: { x: 0, y: 0, width: VIEWPORT.width, height: bottom }, fullPage: true });
  } finally {
    await page.close();
  }
}

/** Write docs/images/report.png and report-against.png. */
async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'svcpkg-screenshots-'));
  const browser = await launchChromium();
  try {
    const pages = await writeDemoReports(dir);
    await screenshot(browser, pages.report, path.join(IMAGES_DIR, 'report.png'), LAST_CHART.report);
    await screenshot(browser, pages.against, path.join(IMAGES_DIR, 'report-against.png'), LAST_CHART.against);
    console.log(`wrote ${path.relative(process.cwd(), path.join(IMAGES_DIR, 'report.png'))} and report-against.png`);
  } finally {
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
