// Types of scripts/screenshots.mjs, for test/browser/report.test.ts (the script stays plain ESM so
// `node scripts/screenshots.mjs` runs without a build step).
import type { Browser } from 'playwright-core';

/** Where Debian installs Chromium. */
export declare const CHROMIUM: string;
/** Where the README's pictures live. */
export declare const IMAGES_DIR: string;
/** The page size photographed. */
export declare const VIEWPORT: { width: number; height: number };
/** The change the `--against` picture shows. */
export declare const PROPOSAL: { file: string; from: string; to: string };
/** The chart each picture ends with. */
export declare const LAST_CHART: { report: string; against: string };
/** Write the demo's pages into an empty folder; `reverse` adds current against proposed. */
export declare function writeDemoReports(dir: string, options?: { reverse?: boolean }): Promise<{ report: string; against: string; reverse?: string }>;
/** Start headless Chromium, offline. */
export declare function launchChromium(): Promise<Browser>;
/** Photograph a page from its top to the end of the element `until` selects. */
export declare function screenshot(browser: Browser, html: string, png: string, until?: string): Promise<void>;
