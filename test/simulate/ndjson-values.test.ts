// The NDJSON value reader: what line-by-line JSON.parse gives, in order, whatever the batching.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, forEachLine, forEachValue, MAX_LINE_LENGTH } from '../../src/simulate/ndjson.js';
import { chunksOf } from './chunks.js';

/** The reference: every line through forEachLine, parsed one by one. */
async function parsedLineByLine(text: string): Promise<[unknown, number][]> {
  const out: [unknown, number][] = [];
  await forEachLine(chunksOf(text, []), (line, n) => {
    let value: unknown;
    try {
      value = line === undefined ? undefined : JSON.parse(line);
    } catch {
      value = undefined;
    }
    out.push([value, n]);
  });
  return out;
}

async function values(text: string, cuts: number[] = []): Promise<[unknown, number][]> {
  const out: [unknown, number][] = [];
  await forEachValue(chunksOf(text, cuts), (value, n) => out.push([value, n]));
  return out;
}

describe('forEachValue', () => {
  it('parses lines with their numbers; not JSON and overlong lines are undefined; blank lines are skipped', async () => {
    // The cap applies to what is carried over from chunk to chunk: cut the text into small chunks.
    const long = `"${'x'.repeat(2 * MAX_LINE_LENGTH)}"`;
    const cuts = Array.from({ length: 40 }, (_, i) => (i + 1) * 65_536);
    expect(await values(`{"a":1}\n\nnot json\r\n  \n${long}\n5\nnull\n[1`, cuts)).toEqual([
      [{ a: 1 }, 1],
      [undefined, 3],
      [undefined, 5],
      [5, 6],
      [null, 7],
      [undefined, 8],
    ]);
  });

  it('gives what line-by-line parsing gives, across batches and however the text is cut', async () => {
    const line = fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 6 }),
      fc.constant(''),
      fc.constant(' \r'),
    );
    const text = fc.array(line, { maxLength: 300 }).map((lines) => lines.join('\n'));
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.nat({ max: 20_000 }), { maxLength: 12 }), async (t, cuts) => {
        expect(await values(t, cuts)).toEqual(await parsedLineByLine(t));
      }),
      { numRuns: 60 },
    );
  });

  it('hands on every line of a chunk before awaiting the hook', async () => {
    const lines = Array.from({ length: 150 }, (_, i) => String(i));
    const text = `${lines.slice(0, 100).join('\n')}\n${lines.slice(100).join('\n')}`;
    const seen: string[] = [];
    const cut = text.indexOf('\n100') + 1; // the first chunk ends with line 100's newline
    await forEachValue(chunksOf(text, [cut]), (value) => seen.push(String(value)), () => void seen.push('|'));
    expect(seen).toEqual([...lines.slice(0, 100), '|', ...lines.slice(100, 149), '|', '149']);
  });
});

describe('decodeUtf8', () => {
  async function decoded(bytes: Buffer, cuts: number[]): Promise<string> {
    let text = '';
    for await (const chunk of decodeUtf8(chunksOf(bytes, cuts))) text += chunk;
    return text;
  }

  it('decodes like the UTF-8 decoder whatever the cuts: characters cut between chunks, ASCII runs, invalid bytes', async () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('é', '€', '🎉', '\u{10FFFF}', '\uFEFF'),
      fc.uint8Array({ minLength: 1, maxLength: 3 }).map((bytes) => Buffer.from(bytes).toString('latin1')), // stray bytes
    );
    const bytes = fc.array(fc.tuple(piece, fc.boolean()), { maxLength: 30 }).map((parts) =>
      Buffer.concat(parts.map(([text, raw]) => (raw ? Buffer.from(text, 'latin1') : Buffer.from(text, 'utf8')))),
    );
    await fc.assert(
      fc.asyncProperty(bytes, fc.array(fc.nat({ max: 120 }), { maxLength: 12 }), async (b, cuts) => {
        expect(await decoded(b, cuts)).toBe(b.toString('utf8'));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a character cut between an ASCII chunk and the next', async () => {
    const bytes = Buffer.from('ab🎉cd', 'utf8'); // the emoji is bytes 2..5
    expect(await decoded(bytes, [2, 4, 6])).toBe('ab🎉cd');
    expect(await decoded(Buffer.from([0x61, 0xf0, 0x9f]), [1])).toBe('a\uFFFD'); // cut at the very end
    // A cut character followed by an ASCII chunk is invalid, and stays where it was.
    expect(await decoded(Buffer.from([0x61, 0xf0, 0x9f, 0x62, 0x63]), [3])).toBe('a\uFFFDbc');
  });
});
