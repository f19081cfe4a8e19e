// Text cut into chunks at given offsets, as a file stream might deliver it (NDJSON reader tests).

/** `text` in chunks split at each of `cuts` (duplicates and out-of-range cuts are ignored). */
export async function* chunksOf(text: string, cuts: number[]): AsyncIterable<string> {
  let start = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    if (cut <= start || cut >= text.length) continue;
    yield text.slice(start, cut);
    start = cut;
  }
  yield text.slice(start);
}
