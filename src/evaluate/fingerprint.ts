// 52-bit fingerprints of user-given ids (transaction ids) for the evaluator's typed-array tables: a
// table keeps the fingerprint instead of the string, so it holds no reference to an event (parsed
// events die young instead of being promoted by the garbage collector) and a probe compares one
// number. Two ids are mistaken for each other with a probability of about 2⁻⁵² per comparison.

/** 2³²: the fingerprint is the first hash plus 20 bits of the second times this (exact in a double). */
const HIGH = 4_294_967_296;

/**
 * The fingerprint of `id` under `seed` (a small integer naming the id's owner): a positive integer
 * below 2⁵², never 0 (tables may use 0 for an empty slot). Its low 32 bits (`fingerprint & mask`)
 * are one well-mixed hash, `Math.floor(fingerprint / 2³²)` is 20 bits of another.
 *
 * Two 32-bit hashes of the UTF-16 code units, taken two units per step (murmur3's block mixing
 * with two seeds derived from `seed`), each finished with murmur3's fmix32. (Reading the
 * characters, about 2 ns each, costs more than mixing them.)
 */
export function fingerprint(seed: number, id: string): number {
  let a = (0x811c9dc5 ^ seed) | 0;
  let b = (0x9747b28c ^ Math.imul(seed, 0x5bd1e995)) | 0;
  const length = id.length;
  let i = 0;
  for (; i + 1 < length; i += 2) {
    let k = Math.imul(id.charCodeAt(i) | (id.charCodeAt(i + 1) << 16), 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    a ^= k;
    a = (Math.imul((a << 13) | (a >>> 19), 5) + 0xe6546b64) | 0;
    b ^= k;
    b = (Math.imul((b << 17) | (b >>> 15), 9) + 0x2e7a5f31) | 0;
  }
  if (i < length) {
    const k = Math.imul(id.charCodeAt(i), 0xcc9e2d51);
    a ^= k;
    b ^= (k << 7) | (k >>> 25);
  }
  a ^= length;
  b ^= length;
  a ^= a >>> 16;
  a = Math.imul(a, 0x85ebca6b);
  a ^= a >>> 13;
  a = Math.imul(a, 0xc2b2ae35);
  a ^= a >>> 16;
  b ^= b >>> 15;
  b = Math.imul(b, 0x2c1b3c6d);
  b ^= b >>> 12;
  b = Math.imul(b, 0x297a2d39);
  b ^= b >>> 15;
  // Never 0: the second hash's 20 bits are 1..2²⁰ − 1, odd.
  return (a >>> 0) + HIGH * ((b >>> 12) | 1);
}
