// Scenario checking: schema problems and semantic rules, each located at the offending node.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileInMemory } from '../../src/compile/in-memory.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { loadScenario } from '../../src/simulate/index.js';
import { folder, REPO } from './helpers.js';

let manifestJson = '';
beforeAll(async () => {
  const compiled = await compileInMemory({ paths: [path.join(REPO, 'packages.d')], catalogDir: path.join(REPO, 'catalog'), cwd: REPO });
  manifestJson = JSON.stringify(compiled.manifest);
});

/** Load a scenario text beside a compiled manifest and an empty events file. */
async function load(text: string) {
  const dir = await folder({ 'out/manifest.json': manifestJson, 'events.ndjson': '', 's.yaml': text });
  return loadScenario('s.yaml', { cwd: dir, catalogDir: path.join(REPO, 'catalog') });
}

/** `code line:column severity` of each diagnostic. */
const brief = (ds: Diagnostic[]) => ds.map((d) => `${d.code} ${d.line}:${d.column} ${d.severity}`);

const HEAD = 'manifest: out/manifest.json\nevents: events.ndjson\nsubscriptions:\n';

describe('loadScenario', () => {
  it('checks seats against the package bounds (SP7016) and passes them to the evaluator', async () => {
    const manifest = JSON.parse(manifestJson) as { packages: { code: string; price_per?: string; min_seats?: number; max_seats?: number | null }[] };
    Object.assign(manifest.packages.find((p) => p.code === 'meet-standard')!, { price_per: 'seat', min_seats: 2, max_seats: 5 });
    const text = (seats: number) => `${HEAD}  - id: a\n    package: meet-standard\n    starts_at: 2026-01-01\n    seats: ${seats}\n`;
    const at = async (seats: number) => {
      const dir = await folder({ 'out/manifest.json': JSON.stringify(manifest), 'events.ndjson': '', 's.yaml': text(seats) });
      return loadScenario('s.yaml', { cwd: dir, catalogDir: path.join(REPO, 'catalog') });
    };
    const [low, high, ok] = await Promise.all([at(1), at(6), at(5)]);
    expect(brief(low.diagnostics)).toEqual(['SP7016 7:12 error']);
    expect(low.diagnostics[0]!.message).toBe('1 seat is outside what `meet-standard` sells: 2 to 5');
    expect(brief(high.diagnostics)).toEqual(['SP7016 7:12 error']);
    expect(ok.diagnostics).toEqual([]);
    expect(ok.scenario!.subscriptions[0]!.seats).toBe(5);
  });

  it('accepts a good scenario and resolves its instants', async () => {
    const result = await load(`${HEAD}  - id: a
    package: meet-standard
    starts_at: 2026-01-31
    ends_at: 2026-06-30T12:00:00+02:00
    cancel: { at: 2026-03-15, mode: immediate }
    features: { max_rooms: 20 }
    accounts: { a1: { max_rooms: 5 } }
    rooms: { r1: { max_participants: 10 } }
`);
    expect(result.diagnostics).toEqual([]);
    expect(result.scenario!.subscriptions[0]).toEqual({
      id: 'a',
      package: 'meet-standard',
      starts_at: Date.parse('2026-01-31T00:00:00Z'),
      ends_at: Date.parse('2026-06-30T10:00:00Z'),
      cancel: { at: Date.parse('2026-03-15T00:00:00Z'), mode: 'immediate' },
      features: { max_rooms: 20 },
      accounts: { a1: { max_rooms: 5 } },
      rooms: { r1: { max_participants: 10 } },
    });
    expect(result.scenario!.events).toMatchObject({ kind: 'file', display: 'events.ndjson' });
  });

  it.each([
    ['an unknown property, with a suggestion', `${HEAD}  - id: a\n    packge: meet-standard\n    starts_at: 2026-01-01\n`, ['SP2002 4:5 error', 'SP2001 5:5 error']],
    ['a date without its day', `${HEAD}  - id: a\n    package: meet-standard\n    starts_at: 2026-01\n`, ['SP2006 6:16 error']],
    ['a date-time without a zone', `${HEAD}  - id: a\n    package: meet-standard\n    starts_at: 2026-01-01T10:00:00\n`, ['SP2006 6:16 error']],
    ['a date that does not exist', `${HEAD}  - id: a\n    package: meet-standard\n    starts_at: 2026-02-30\n`, ['SP7006 6:16 error']],
    ['an unknown package', `${HEAD}  - id: a\n    package: meet-premum\n    starts_at: 2026-01-01\n`, ['SP7001 5:14 error']],
    ['an inactive package', `${HEAD}  - id: a\n    package: webinar-basic\n    starts_at: 2026-01-01\n`, ['SP7014 5:14 info']],
    ['a negative override', `${HEAD}  - id: a\n    package: meet-standard\n    starts_at: 2026-01-01\n    features: { max_rooms: -1 }\n`, ['SP2003 7:28 error']],
    ['an unknown feature in overrides', `${HEAD}  - id: a\n    package: meet-standard\n    starts_at: 2026-01-01\n    accounts: { a1: { max_room: 2 } }\n`, ['SP7002 7:23 error']],
    ['an override above its parent', `${HEAD}  - id: a\n    package: meet-standard\n    starts_at: 2026-01-01\n    accounts: { a1: { max_rooms: 11 } }\n`, ['SP7003 7:34 warning']],
    ['an override at a level not allowed', `${HEAD}  - id: a\n    package: meet-standard\n    starts_at: 2026-01-01\n    accounts: { a1: { max_storage: 1 } }\n`, ['SP7004 7:23 warning']],
    ['a switch given a number', `${HEAD}  - id: a\n    package: meet-standard\n    starts_at: 2026-01-01\n    features: { recording: 2 }\n`, ['SP7005 7:28 error']],
    ['an end before the start', `${HEAD}  - id: a\n    package: meet-standard\n    starts_at: 2026-03-01\n    ends_at: 2026-02-01\n`, ['SP7007 7:14 error']],
    ['a cancellation before the start', `${HEAD}  - id: a\n    package: meet-standard\n    starts_at: 2026-03-01\n    cancel: { at: 2026-02-01, mode: immediate }\n`, ['SP7008 7:19 warning']],
    ['a bad cancel mode', `${HEAD}  - id: a\n    package: meet-standard\n    starts_at: 2026-03-01\n    cancel: { at: 2026-04-01, mode: later }\n`, ['SP2004 7:37 error']],
    ['a repeated id', `${HEAD}  - { id: a, package: meet-standard, starts_at: 2026-01-01 }\n  - { id: a, package: meet-premium, starts_at: 2026-01-01 }\n`, ['SP7009 5:11 error']],
    ['no packages', 'events: events.ndjson\nsubscriptions: []\n', ['SP7010 1:1 error']],
    ['both manifest and packages', `packages: pk\n${HEAD}  []\n`, ['SP7010 1:1 error']],
    ['a second document', `${HEAD}  []\n---\n${HEAD}  []\n`, ['SP7015 6:1 error']],
    ['no events', 'manifest: out/manifest.json\nsubscriptions: []\n', ['SP2002 1:1 error']],
  ])('reports %s', async (_, text, expected) => {
    const result = await load(text);
    expect(brief(result.diagnostics)).toEqual(expected);
    expect(result.scenario === undefined).toBe(result.diagnostics.some((d) => d.severity === 'error'));
  });

  it('reports every problem in one run', async () => {
    const result = await load(`${HEAD}  - id: a
    package: meet-standart
    starts_at: 2026-02-30
  - id: b
    package: meet-standard
    starts_at: 2026-01-01
    accounts: { a1: { max_rooms: 99, max_room: 1 } }
  - id: c
    pakage: meet-standard
`);
    expect(brief(result.diagnostics)).toEqual([
      'SP7001 5:14 error',
      'SP7006 6:16 error',
      'SP7003 10:34 warning',
      'SP7002 10:38 error',
      'SP2002 11:5 error', // package
      'SP2002 11:5 error', // starts_at
      'SP2001 12:5 error',
    ]);
    const hint = result.diagnostics.find((d) => d.code === 'SP7001')!.hint;
    expect(hint).toBe('did you mean `meet-standard`?');
    expect(result.diagnostics.find((d) => d.code === 'SP7002')!.hint).toBe('did you mean `max_rooms`?');
  });

  it('compiles a packages folder in memory and passes its diagnostics on', async () => {
    const dir = await folder({
      'pk/a.yaml': 'code: meet-x\nname: X\nservice_type: meet\nstatus: active\nfeatures: { max_rooms: 2 }\n',
      's.yaml': 'packages: pk\nevents: []\nsubscriptions: [{ id: a, package: meet-x, starts_at: 2026-01-01 }]\n',
    });
    const result = await loadScenario('s.yaml', { cwd: dir, catalogDir: path.join(REPO, 'catalog') });
    // An active package with no provider is an error of the package, located in its file.
    expect(result.diagnostics.some((d) => d.file === path.join('pk', 'a.yaml') && d.severity === 'error')).toBe(true);
    expect(result.scenario).toBeUndefined();
  });
});
