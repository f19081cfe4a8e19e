// Text or bytes cut into chunks at given offsets, as a file stream might deliver them (NDJSON
// reader tests).

/** `whole` in chunks split at each of `cuts` (duplicates and out-of-range cuts are ignored). */
export async function* chunksOf<T extends string | Buffer>(whole: T, cuts: number[]): AsyncIterable<T> {
  const part = (from: number, to?: number): T => (typeof whole === 'string' ? whole.slice(from, to) : whole.subarray(from, to)) as T;
  let start = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    if (cut <= start || cut >= whole.length) continue;
    yield part(start, cut);
    start = cut;
  }
  yield part(start);
}
