// The same manifests give the same diff, whatever order packages, features and keys come in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffManifests } from '../../src/diff/diff.js';
import { formatDiff } from '../../src/diff/format/index.js';
import type { DiffManifest, DiffPackage } from '../../src/diff/model.js';
import { AFTER, BEFORE } from './scenario.js';

/** A copy with packages, features, providers' settings and free-form keys in the order `shuffle` gives. */
function reordered(m: DiffManifest, shuffle: <T>(items: T[]) => T[]): DiffManifest {
  const reverseKeys = <T>(record: Readonly<Record<string, T>> | null | undefined) =>
    Object.fromEntries(shuffle(Object.entries(record ?? {}))) as Record<string, T>;
  const pkg = (p: DiffPackage): DiffPackage => ({
    ...p,
    features: reverseKeys(p.features),
    package_settings: reverseKeys(p.package_settings),
    package_metadata: reverseKeys(p.package_metadata),
  });
  return { ...m, packages: shuffle(m.packages.map(pkg)) };
}

describe('diff determinism', () => {
  const reference = formatDiff('json', diffManifests(BEFORE, AFTER), { color: false });

  it('gives byte-identical output on every run', () => {
    for (let i = 0; i < 3; i++) expect(formatDiff('json', diffManifests(BEFORE, AFTER), { color: false })).toBe(reference);
  });

  it('ignores the order of packages, features and keys', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), (a, b) => {
        const shuffler = (seed: number) => <T>(items: T[]): T[] => {
          const copy = [...items];
          let s = seed;
          for (let i = copy.length - 1; i > 0; i--) {
            s = (s * 1103515245 + 12345) & 0x7fffffff;
            const j = s % (i + 1);
            [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
          }
          return copy;
        };
        const diff = diffManifests(reordered(BEFORE, shuffler(a)), reordered(AFTER, shuffler(b)));
        expect(formatDiff('json', diff, { color: false })).toBe(reference);
      }),
      { numRuns: 50 },
    );
  });

  it('finds nothing between a manifest and itself, and mirrors additions and removals', () => {
    expect(diffManifests(AFTER, AFTER).summary.changes).toBe(0);
    const forward = diffManifests(BEFORE, AFTER);
    const backward = diffManifests(AFTER, BEFORE);
    expect(backward.summary.changes).toBe(forward.summary.changes);
    const kinds = (d: typeof forward) => d.packages.flatMap((p) => p.changes.map((c) => c.kind));
    expect(kinds(forward)).toContain('package_added');
    expect(kinds(backward)).toContain('package_removed');
  });
});
