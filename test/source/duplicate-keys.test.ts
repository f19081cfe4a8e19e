// A repeated key (SP1002): the value used is the last occurrence's, so every position asked for a
// pointer — a schema or rule error on that value — is the last occurrence's too; SP1002 names the
// key as data (`actual`) and points back at the first occurrence (issue 12, issue 13 point 3).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Locator } from '../../src/source/locate.js';
import { parseSource } from '../../src/source/parse.js';
import { makeRepo, runProcess } from '../helpers/cli.js';

const TEXT = 'code: a\nstatus: inactive\nfeatures:\n  max_rooms: 5\n  screen_sharing: true\n  max_rooms: 7.50\nstatus: sleeping\n';

describe('a duplicated key', () => {
  const source = parseSource('f.yaml', TEXT);
  const doc = source.documents[0]!;

  it('keeps the last occurrence as the value', () => {
    expect(doc.value).toEqual({ code: 'a', status: 'sleeping', features: { max_rooms: 7.5, screen_sharing: true } });
  });

  it('locates the last occurrence, key and value, and gives its source text', () => {
    expect(doc.locate('/status')).toEqual({ line: 7, column: 9, end_line: 7, end_column: 17 });
    expect(doc.locate('/status', 'key')).toEqual({ line: 7, column: 1, end_line: 7, end_column: 7 });
    expect(doc.locate('/features/max_rooms')).toEqual({ line: 6, column: 14, end_line: 6, end_column: 18 });
    expect(doc.sourceOf('/features/max_rooms')).toBe('7.50');
  });

  it('is located the same way by the line scan used for cached and worker results', () => {
    const locator = new Locator(TEXT);
    for (const [pointer, target] of [['/status', 'value'], ['/status', 'key'], ['/features/max_rooms', 'value']] as const) {
      expect(locator.locate(0, pointer, target), pointer).toEqual(doc.locate(pointer, target));
    }
    expect(locator.sourceOf(0, '/features/max_rooms')?.source).toBe('7.50');
  });

  it('gives SP1002 at the repeat, naming the key and the first occurrence', () => {
    expect(source.diagnostics.map((d) => ({ code: d.code, line: d.line, actual: d.actual, related: d.related?.map((r) => [r.line, r.column, r.message]) }))).toEqual([
      { code: 'SP1002', line: 6, actual: 'max_rooms', related: [[4, 3, 'the first `max_rooms`']] },
      { code: 'SP1002', line: 7, actual: 'status', related: [[2, 1, 'the first `status`']] },
    ]);
  });

  it('names a non-string key by its text', () => {
    const [d] = parseSource('f.yaml', 'a:\n  1: x\n  1: y\n').diagnostics;
    expect([d?.code, d?.line, d?.actual]).toEqual(['SP1002', 3, '1']);
  });
});

describe('svcpkg validate on a package whose duplicated key has a wrong value', () => {
  it('reports the value error at the occurrence used, the last', async () => {
    const repo = await makeRepo({
      'svcpkg.config.yaml': 'packages: packages.d\n',
      'packages.d/dup.yaml': 'code: meet-dup\nname: Meet Dup\nservice_type: meet\nstatus: inactive\nfeatures:\n  max_rooms: 5\n  screen_sharing: true\n  max_rooms: many\nstatus: sleeping\n',
    });
    const run = await runProcess(['validate', '--no-cache', '--format', 'json'], { cwd: repo });
    expect(run.code).toBe(1);
    const diagnostics = (JSON.parse(run.stdout) as { diagnostics: { code: string; line: number; column: number; file: string; path: string }[] }).diagnostics;
    expect(diagnostics.map((d) => [path.basename(d.file), d.code, d.line, d.column, d.path])).toEqual([
      ['dup.yaml', 'SP1002', 8, 3, ''],
      ['dup.yaml', 'SP2003', 8, 14, '/features/max_rooms'],
      ['dup.yaml', 'SP1002', 9, 1, ''],
      ['dup.yaml', 'SP2004', 9, 9, '/status'],
    ]);
  });
});
