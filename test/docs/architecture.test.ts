// docs/architecture.md and docs/packages.md are maps: every file they name must exist, and every
// link (with its anchor) must land, or a newcomer following them gets lost.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const PAGES = ['docs/architecture.md', 'docs/packages.md'];

/** GitHub's heading anchors of a Markdown file (as src/diagnostics/docs.ts computes them), plus explicit `<a id>`s. */
function anchorsOf(file: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  let fenced = false;
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  for (const line of text.split('\n')) {
    if (/^(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6} (.*)$/.exec(line);
    if (!heading) continue;
    const base = (heading[1] ?? '').toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  for (const [, id] of text.matchAll(/<a id="([^"]+)"><\/a>/g)) anchors.add(id ?? '');
  return anchors;
}

describe.each(PAGES)('%s', (page) => {
  const text = readFileSync(path.join(ROOT, page), 'utf8');

  it('names only files and folders that exist', () => {
    const folders = 'src|test|schemas|bench|scripts|catalog|cli|config|compile|source|check|simulate|schema|evaluate|report|watch|workflow|diff|diagnostics';
    const named = [...text.matchAll(new RegExp(`\`((?:${folders})/[\\w./-]*)\``, 'g'))].map((m) => m[1] ?? '');
    expect(named.length).toBeGreaterThan(page.endsWith('architecture.md') ? 60 : 0);
    // Paths are from the repository root, or (in "How a run flows") from src/.
    const exists = (p: string) => [ROOT, path.join(ROOT, 'src')].some((base) => existsSync(path.join(base, p.replace(/\/$/, ''))));
    expect(named.filter((p) => !exists(p))).toEqual([]);
  });

  it('links only to pages and anchors that exist', () => {
    const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '').filter((l) => !/^https?:/.test(l));
    expect(links.length).toBeGreaterThan(3);
    const broken = links.filter((link) => {
      const [target = '', anchor] = link.split('#');
      const file = target === '' ? page : path.posix.normalize(path.posix.join(path.posix.dirname(page), target));
      if (!existsSync(path.join(ROOT, file))) return true;
      return anchor !== undefined && file.endsWith('.md') && !anchorsOf(file).has(anchor);
    });
    expect(broken).toEqual([]);
  });
});

it('the architecture page answers "where does X live" for at least 30 things', () => {
  const text = readFileSync(path.join(ROOT, 'docs/architecture.md'), 'utf8');
  const table = text.slice(text.indexOf('## Where does X live'));
  expect(table.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| what')).length).toBeGreaterThanOrEqual(30);
});
