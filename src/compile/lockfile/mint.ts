// Minting the ids of a package seen for the first time (docs/compile.md#stable-identities-svcpkglockjson): 16-character base62 `id`,
// UUID v4 `uuid`, monotonic `ulid`.
import { randomBytes, randomUUID } from 'node:crypto';
import { monotonicFactory } from 'ulid';

/** The three ids of a package. */
export interface PackageIds {
  /** 16-character base62 id. */
  id: string;
  /** UUID v4, lowercase. */
  uuid: string;
  /** ULID, Crockford base32. */
  ulid: string;
}

/** Makes fresh ids; tests inject a deterministic one. */
export interface IdMinter {
  /** A fresh id of each kind. */
  mint(): PackageIds;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** Bytes at or above this would bias `byte % 62`; they are drawn again. */
const UNBIASED_LIMIT = 256 - (256 % 62);

/** A 16-character base62 string from the system's cryptographic random source. */
export function base62Id(length = 16): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte >= UNBIASED_LIMIT) continue;
      out += BASE62[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

// One factory per process: ulids minted by a process (a compile, a watch session) sort in minting order.
const nextUlid = monotonicFactory();

/** The minter of real compiles. */
export const randomMinter: IdMinter = {
  mint: () => ({ id: base62Id(), uuid: randomUUID(), ulid: nextUlid() }),
};
