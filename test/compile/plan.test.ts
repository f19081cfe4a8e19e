// planLockfile in isolation: a table of lockfiles and packages, and what the reconciliation makes of them.
import { describe, expect, it } from 'vitest';
import { base62Id, planLockfile, randomMinter, type PackageIdentity } from '../../src/compile/index.js';
import type { Lockfile } from '../../src/generated/lockfile.js';
import { countingMinter } from './helpers.js';

const A = { id: 'AAAAAAAAAAAAAAAA', uuid: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', ulid: '01AAAAAAAAAAAAAAAAAAAAAAAA' };
const B = { id: 'BBBBBBBBBBBBBBBB', uuid: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', ulid: '01BBBBBBBBBBBBBBBBBBBBBBBB' };

function lock(packages: Lockfile['packages']): Lockfile {
  return { format_version: 1, packages };
}
const pkg = (code: string, extra: Partial<PackageIdentity> = {}): PackageIdentity => ({ code, pinned: {}, ...extra });

describe('planLockfile', () => {
  const cases: {
    name: string;
    previous: Lockfile['packages'];
    packages: PackageIdentity[];
    next: Lockfile['packages'];
    changes: string[];
    problems?: string[];
  }[] = [
    { name: 'nothing to do', previous: { a: A }, packages: [pkg('a')], next: { a: A }, changes: [] },
    {
      name: 'a new code is minted, in code order',
      previous: { b: B },
      packages: [pkg('c'), pkg('a'), pkg('b')],
      next: {
        a: { id: 'Test000000000001', uuid: 'aaaaaaaa-0000-4000-8000-000000000001', ulid: '01J00000000000000000000001' },
        b: B,
        c: { id: 'Test000000000002', uuid: 'aaaaaaaa-0000-4000-8000-000000000002', ulid: '01J00000000000000000000002' },
      },
      changes: ['mint a', 'mint c'],
    },
    { name: 'a removed code becomes a tombstone', previous: { a: A, b: B }, packages: [pkg('a')], next: { a: A, b: { ...B, removed: true } }, changes: ['tombstone b'] },
    { name: 'a tombstone stays one', previous: { a: A, b: { ...B, removed: true } }, packages: [pkg('a')], next: { a: A, b: { ...B, removed: true } }, changes: [] },
    { name: 'a re-added code revives its ids', previous: { b: { ...B, removed: true } }, packages: [pkg('b')], next: { b: B }, changes: ['revive b'] },
    {
      name: 'a rename carries the ids and records the former code',
      previous: { a: A },
      packages: [pkg('x', { previousCode: 'a' })],
      next: { x: { ...A, previous_codes: ['a'] } },
      changes: ['rename x'],
    },
    {
      name: 'renames chain',
      previous: { x: { ...A, previous_codes: ['a'] } },
      packages: [pkg('y', { previousCode: 'x' })],
      next: { y: { ...A, previous_codes: ['a', 'x'] } },
      changes: ['rename y'],
    },
    {
      name: 'a rename from a tombstone revives the ids under the new code',
      previous: { a: { ...A, removed: true } },
      packages: [pkg('x', { previousCode: 'a' })],
      next: { x: { ...A, previous_codes: ['a'] } },
      changes: ['rename x'],
    },
    {
      name: 'a stale previous_code is ignored once the code has ids',
      previous: { x: A, a: B },
      packages: [pkg('x', { previousCode: 'a' })],
      next: { x: A, a: { ...B, removed: true } },
      changes: ['tombstone a'],
    },
    {
      name: 'pinned ids are used for a new code',
      previous: {},
      packages: [pkg('a', { pinned: { id: A.id, ulid: A.ulid } })],
      next: { a: { id: A.id, uuid: 'aaaaaaaa-0000-4000-8000-000000000001', ulid: A.ulid } },
      changes: ['mint a'],
    },
    { name: 'pins equal to the lockfile are fine', previous: { a: A }, packages: [pkg('a', { pinned: A })], next: { a: A }, changes: [] },
    {
      name: 'a pin differing from the lockfile is an error',
      previous: { a: A },
      packages: [pkg('a', { pinned: { uuid: B.uuid } })],
      next: { a: A },
      changes: [],
      problems: ['SP6006 a /uuid'],
    },
    {
      name: 'a pin taken by a tombstone is an error',
      previous: { b: { ...B, removed: true } },
      packages: [pkg('a', { pinned: { id: B.id } })],
      next: { a: { ...B, uuid: 'aaaaaaaa-0000-4000-8000-000000000001', ulid: '01J00000000000000000000001' }, b: { ...B, removed: true } },
      changes: ['mint a'],
      problems: ['SP6007 a /id'],
    },
    {
      name: 'two new packages pinning one id: the second is an error',
      previous: {},
      packages: [pkg('a', { pinned: { id: A.id } }), pkg('b', { pinned: { id: A.id } })],
      next: {
        a: { id: A.id, uuid: 'aaaaaaaa-0000-4000-8000-000000000001', ulid: '01J00000000000000000000001' },
        b: { id: A.id, uuid: 'aaaaaaaa-0000-4000-8000-000000000002', ulid: '01J00000000000000000000002' },
      },
      changes: ['mint a', 'mint b'],
      problems: ['SP6007 b /id'],
    },
    {
      name: 'a code renamed away and added again gets new ids, with a warning naming its successor',
      previous: { x: { ...A, previous_codes: ['a'] } },
      packages: [pkg('a'), pkg('x')],
      next: { a: { id: 'Test000000000001', uuid: 'aaaaaaaa-0000-4000-8000-000000000001', ulid: '01J00000000000000000000001' }, x: { ...A, previous_codes: ['a'] } },
      changes: ['mint a'],
      problems: ['SP6011 a /code'],
    },
    {
      name: 'a code renamed away twice names where the ids are now, a tombstone too',
      previous: { y: { ...A, previous_codes: ['a', 'x'], removed: true } },
      packages: [pkg('x')],
      next: { x: { id: 'Test000000000001', uuid: 'aaaaaaaa-0000-4000-8000-000000000001', ulid: '01J00000000000000000000001' }, y: { ...A, previous_codes: ['a', 'x'], removed: true } },
      changes: ['mint x'],
      problems: ['SP6011 x /code'],
    },
    {
      name: 'previous_code naming a live package is an error',
      previous: { a: A },
      packages: [pkg('a'), pkg('x', { previousCode: 'a' })],
      next: { a: A, x: { id: 'Test000000000001', uuid: 'aaaaaaaa-0000-4000-8000-000000000001', ulid: '01J00000000000000000000001' } },
      changes: ['mint x'],
      problems: ['SP6009 x /previous_code'],
    },
    {
      name: 'two packages claiming one previous_code: the second is an error',
      previous: { a: A },
      packages: [pkg('x', { previousCode: 'a' }), pkg('y', { previousCode: 'a' })],
      next: { x: { ...A, previous_codes: ['a'] }, y: { id: 'Test000000000001', uuid: 'aaaaaaaa-0000-4000-8000-000000000001', ulid: '01J00000000000000000000001' } },
      changes: ['rename x', 'mint y'],
      problems: ['SP6009 y /previous_code'],
    },
    {
      name: 'an unknown previous_code is a warning and the package gets new ids',
      previous: {},
      packages: [pkg('x', { previousCode: 'a' })],
      next: { x: { id: 'Test000000000001', uuid: 'aaaaaaaa-0000-4000-8000-000000000001', ulid: '01J00000000000000000000001' } },
      changes: ['mint x'],
      problems: ['SP6008 x /previous_code'],
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const plan = planLockfile(lock(c.previous), c.packages, countingMinter());
      expect(plan.next).toEqual(lock(c.next));
      expect(Object.keys(plan.next.packages)).toEqual(Object.keys(c.next).sort());
      expect(plan.changes.map((ch) => `${ch.kind} ${ch.code}`)).toEqual(c.changes);
      expect(plan.problems.map((p) => `${p.definition.code} ${p.code} ${p.pointer}`)).toEqual(c.problems ?? []);
      for (const p of c.packages) expect(plan.ids.get(p.code)).toBeDefined();
    });
  }

  it('does not change its input', () => {
    const previous = lock({ a: A, b: B });
    const copy = structuredClone(previous);
    planLockfile(previous, [pkg('b', { previousCode: 'a' }), pkg('c')], countingMinter());
    expect(previous).toEqual(copy);
  });

  it('never mints an id already in use', () => {
    const repeating = { calls: 0, mint() { this.calls++; return this.calls < 3 ? A : B; } };
    const plan = planLockfile(lock({ a: A }), [pkg('a'), pkg('b')], repeating);
    expect(plan.next.packages['b']).toEqual(B);
    expect(repeating.calls).toBe(3);
  });
});

describe('minting', () => {
  it('makes 16-character base62 ids, UUID v4s and increasing ULIDs', () => {
    const minted = Array.from({ length: 200 }, () => randomMinter.mint());
    for (const ids of minted) {
      expect(ids.id).toMatch(/^[0-9A-Za-z]{16}$/);
      expect(ids.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(ids.ulid).toMatch(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/);
    }
    const ulids = minted.map((m) => m.ulid);
    expect([...ulids].sort()).toEqual(ulids);
    expect(new Set(minted.map((m) => m.id)).size).toBe(200);
  });

  it('uses every base62 character', () => {
    const seen = new Set(Array.from({ length: 100 }, () => base62Id()).join(''));
    expect(seen.size).toBe(62);
  });
});
