// The comparison colours a change by what it means, not by its sign: fewer denials and more
// accepted events or revenue are good, more denials bad, event and overage counts neutral.
import { describe, expect, it } from 'vitest';
import { DENIAL_REASONS } from '../../src/evaluate/index.js';
import { changeMeaning, GOOD_DIRECTION } from '../../src/simulate/change-meaning.js';
import { renderHtmlReport } from '../../src/report/index.js';
import { reportData } from './helpers.js';

describe('changeMeaning', () => {
  it.each([
    ['denied', -20, 'good'],
    ['denied', 20, 'bad'],
    ['over_limit', 3, 'bad'],
    ['accepted', -20, 'bad'],
    ['accepted', 5, 'good'],
    ['charges', 19.9, 'good'],
    ['charges', -19.9, 'bad'],
    ['events', 7, undefined],
    ['overage', -2, undefined],
    ['denied', 0, undefined],
  ] as const)('%s %d is %s', (metric, change, meaning) => {
    expect(changeMeaning(metric, change)).toBe(meaning);
  });

  it('has a direction for every denial reason: each is a denial, fewer is better', () => {
    for (const reason of DENIAL_REASONS) expect(GOOD_DIRECTION[reason]).toBe('down');
  });

  it('colours the totals of the page by meaning: more denials red, fewer accepted red', () => {
    const html = renderHtmlReport(reportData({ against: true }));
    expect(html).toMatch(/<tr data-metric="denied"><th scope="row">Denied<\/th><td>\d+<\/td><td>\d+<\/td><td class="bad" title="worse for the platform">\+3<\/td>/);
    expect(html).toMatch(/<tr data-metric="accepted"><th scope="row">Accepted<\/th><td>\d+<\/td><td>\d+<\/td><td class="bad" title="worse for the platform">−3<\/td>/);
    expect(html).toMatch(/<td class="text bad">newly denied<\/td>/);
    expect(html).not.toMatch(/class="(up|down)"/);
  });
});
