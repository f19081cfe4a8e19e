// A lockfile that git's autocrlf checked out with CRLF line endings is still svcpkg's canonical form:
// it is accepted without the YAML parser's duplicate-key scan, which is quadratic in the number of
// entries (20,000 entries took 13 s); a CRLF file that was really edited by hand is still scanned.
import { describe, expect, it, vi } from 'vitest';
import { checkLockfileText } from '../../src/compile/lockfile/read.js';
import { serializeLockfile } from '../../src/compile/lockfile/serialize.js';
import * as parse from '../../src/source/parse.js';

vi.mock('../../src/source/parse.js', async (importOriginal) => {
  const original = await importOriginal<typeof parse>();
  return { ...original, parseSource: vi.fn(original.parseSource) };
});

function entry(i: number): { id: string; uuid: string; ulid: string } {
  const n = String(i).padStart(12, '0');
  return { id: `Id${n.padStart(14, '0')}`, uuid: `00000000-0000-4000-8000-${n}`, ulid: `01HZZZZZZZZZZZ${n}` };
}

function lockfileText(entries: number): string {
  const packages: Record<string, { id: string; uuid: string; ulid: string }> = {};
  for (let i = 0; i < entries; i++) {
    packages[`pkg-${String(i).padStart(12, '0')}`] = entry(i);
  }
  return serializeLockfile({ format_version: 1, packages });
}

describe('a CRLF lockfile', () => {
  it('in canonical form is accepted without the duplicate-key scan', () => {
    vi.mocked(parse.parseSource).mockClear();
    const text = lockfileText(2000).replace(/\n/g, '\r\n');
    const read = checkLockfileText('/repo/svcpkg.lock.json', 'svcpkg.lock.json', text);
    expect(read.diagnostics).toEqual([]);
    expect(Object.keys(read.lockfile?.packages ?? {})).toHaveLength(2000);
    expect(parse.parseSource).not.toHaveBeenCalled();
  });

  it('with a duplicate key is still refused, located', () => {
    const text = lockfileText(3)
      .replace('    "pkg-000000000002": {', `    "pkg-000000000001": ${JSON.stringify(entry(1))},\n    "pkg-000000000002": {`)
      .replace(/\n/g, '\r\n');
    const read = checkLockfileText('/repo/svcpkg.lock.json', 'svcpkg.lock.json', text);
    expect(read.lockfile).toBeUndefined();
    expect(read.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
      ['SP6002', 14, 'svcpkg.lock.json: the key `pkg-000000000001` appears twice in one object'],
    ]);
  });

  it('with mixed line endings is scanned like any hand-edited file', () => {
    vi.mocked(parse.parseSource).mockClear();
    const text = lockfileText(3).replace('\n', '\r\n');
    const read = checkLockfileText('/repo/svcpkg.lock.json', 'svcpkg.lock.json', text);
    expect(read.diagnostics).toEqual([]);
    expect(parse.parseSource).toHaveBeenCalledTimes(1);
  });
});
