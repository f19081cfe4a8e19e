// The NDJSON line splitter: the same lines however the text is chunked; bounded line length.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachLine, MAX_LINE_LENGTH } from '../../src/simulate/index.js';
import { chunksOf } from './chunks.js';

async function lines(text: string, cuts: number[] = []): Promise<[string | undefined, number][]> {
  const out: [string | undefined, number][] = [];
  await forEachLine(chunksOf(text, cuts), (line, n) => out.push([line, n]));
  return out;
}

describe('forEachLine', () => {
  it('numbers lines, skips blank ones, keeps a last line without newline', async () => {
    expect(await lines('a\n\nb\r\n  \n{"c":1}')).toEqual([
      ['a', 1],
      ['b\r', 3],
      ['{"c":1}', 5],
    ]);
  });

  it('gives the same lines however the text is cut into chunks', async () => {
    const text = fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.constant('\n'), fc.constant('\r\n'), fc.constant('é🎉')), { maxLength: 40 }).map((parts) => parts.join(''));
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.nat({ max: 200 }), { maxLength: 10 }), async (t, cuts) => {
        expect(await lines(t, cuts)).toEqual(await lines(t));
      }),
    );
  });

  it('reports an overlong line without keeping it, and carries on', async () => {
    // Kept lines may exceed the cap by at most one chunk: the cap applies to what is carried over.
    const long = 'x'.repeat(2 * MAX_LINE_LENGTH);
    const cuts = Array.from({ length: 40 }, (_, i) => (i + 1) * 65_536);
    expect(await lines(`a\n${long}\nb\n`, cuts)).toEqual([
      ['a', 1],
      [undefined, 2],
      ['b', 3],
    ]);
  });

  it('awaits the hook after each chunk (a last line without newline comes after the last chunk)', async () => {
    const seen: string[] = [];
    await forEachLine(chunksOf('a\nb\nc', [2, 4]), (line) => seen.push(line!), () => void seen.push('|'));
    expect(seen).toEqual(['a', '|', 'b', '|', '|', 'c']);
  });
});
