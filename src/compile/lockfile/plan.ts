// Reconciling the lockfile with the packages of this compile (docs/compile.md#stable-identities-svcpkglockjson): reuse recorded ids,
// carry ids over a rename, revive a re-added code, mint ids for a new code, tombstone a removed
// one. Pure: the caller decides whether the changes may be written (--locked) and where problems go.
import type { CodeDefinition } from '../../diagnostics/registry.js';
import { didYouMean } from '../../diagnostics/suggest.js';
import type { LockEntry, Lockfile } from '../../generated/lockfile.js';
import { COMPILE_CODES } from '../codes.js';
import { compareKeys } from '../sort-keys.js';
import type { IdMinter, PackageIds } from './mint.js';

/** The id kinds, in the order they are checked and reported. */
export const ID_KINDS = ['id', 'uuid', 'ulid'] as const;

/** What the lockfile needs to know about one package of the compile. */
export interface PackageIdentity {
  /** Its code. */
  code: string;
  /** Its former code (`previous_code` in the YAML). */
  previousCode?: string;
  /** Ids written in its YAML (pinned). */
  pinned: Partial<PackageIds>;
}

/** One change this compile makes to the lockfile. */
export type LockChange =
  /** New ids for a code the lockfile does not know. */
  | { kind: 'mint'; code: string }
  /** A tombstoned code is back: it gets its old ids again. */
  | { kind: 'revive'; code: string }
  /** The entry of `from` moves to `code` (previous_code). */
  | { kind: 'rename'; code: string; from: string }
  /** A code no package has any more becomes a tombstone. */
  | { kind: 'tombstone'; code: string };

/** A place a lockfile problem relates to: a package's YAML or the lockfile itself. */
export type LockPlace =
  | { in: 'package'; code: string; pointer: string; message: string }
  | { in: 'lockfile'; pointer: string; message: string };

/** A problem found reconciling, located in the package `code` at `pointer`. */
export interface LockProblem {
  /** Diagnostic code. */
  definition: CodeDefinition;
  /** Package it is reported in. */
  code: string;
  /** JSON pointer inside that package. */
  pointer: string;
  /** What is wrong. */
  message: string;
  /** How to fix it. */
  hint?: string;
  /** Other places that explain it. */
  related?: LockPlace[];
}

/** The outcome of reconciling. */
export interface LockPlan {
  /** The lockfile after this compile. */
  next: Lockfile;
  /** The ids of every package of the compile, by code. */
  ids: Map<string, PackageIds>;
  /** What changed, in code order. */
  changes: LockChange[];
  /** Problems (pinned ids, previous_code). */
  problems: LockProblem[];
}

/** Reconcile `previous` with `packages` (any order; processed in code order so minting is deterministic). */
export function planLockfile(previous: Lockfile, packages: readonly PackageIdentity[], minter: IdMinter): LockPlan {
  const entries = new Map<string, LockEntry>(Object.entries(previous.packages).map(([code, entry]) => [code, { ...entry }]));
  const sorted = [...packages].sort((a, b) => compareKeys(a.code, b.code));
  const present = new Set(sorted.map((p) => p.code));
  const changes: LockChange[] = [];
  const problems: LockProblem[] = [];

  // Renames first, so that a renamed package's ids are settled before any pin is compared with them.
  const claimedBy = new Map<string, string>();
  for (const p of sorted) {
    const from = p.previousCode;
    if (from === undefined || from === p.code || entries.has(p.code)) continue;
    const fromPointer = '/previous_code';
    if (present.has(from)) {
      problems.push({
        definition: COMPILE_CODES.previousCodeConflict,
        code: p.code,
        pointer: fromPointer,
        message: `previous_code \`${from}\` is still the code of another package, which keeps its ids`,
        hint: `remove previous_code (this package gets new ids), or change or remove the package \`${from}\``,
        related: [{ in: 'package', code: from, pointer: '/code', message: `the package \`${from}\`` }],
      });
      continue;
    }
    const claimant = claimedBy.get(from);
    if (claimant !== undefined) {
      problems.push({
        definition: COMPILE_CODES.previousCodeConflict,
        code: p.code,
        pointer: fromPointer,
        message: `previous_code \`${from}\` is already claimed by \`${claimant}\`: its ids can go to one package only`,
        hint: 'keep previous_code on one of the two packages',
        related: [{ in: 'package', code: claimant, pointer: fromPointer, message: `\`${claimant}\` claims it too` }],
      });
      continue;
    }
    const entry = entries.get(from);
    if (!entry) {
      const hint = didYouMean(from, [...entries.keys()].filter((c) => !present.has(c)));
      problems.push({
        definition: COMPILE_CODES.previousCodeUnknown,
        code: p.code,
        pointer: fromPointer,
        message: `previous_code \`${from}\` has no entry in the lockfile, so there are no ids to carry over: \`${p.code}\` gets new ids`,
        hint: hint ?? 'correct previous_code to the package\'s former code, or remove it',
      });
      continue;
    }
    claimedBy.set(from, p.code);
    entries.delete(from);
    const { removed: _removed, ...live } = entry;
    entries.set(p.code, { ...live, previous_codes: [...(entry.previous_codes ?? []).filter((c) => c !== p.code), from] });
    changes.push({ kind: 'rename', code: p.code, from });
  }

  // Codes renamed away, to the code their ids went to: reusing one mints fresh ids, worth a word.
  const renamedTo = new Map<string, string>();
  for (const [code, entry] of entries) for (const former of entry.previous_codes ?? []) renamedTo.set(former, code);

  // Every id in use (tombstones included), to keep pins and fresh ids unique.
  const owners = new Map<string, string>();
  for (const [code, entry] of entries) for (const kind of ID_KINDS) owners.set(`${kind}:${entry[kind]}`, code);

  const ids = new Map<string, PackageIds>();
  for (const p of sorted) {
    const entry = entries.get(p.code);
    if (entry) {
      if (entry.removed) {
        const { removed: _removed, ...live } = entry;
        entries.set(p.code, live);
        changes.push({ kind: 'revive', code: p.code });
      }
      for (const kind of ID_KINDS) {
        const pinned = p.pinned[kind];
        if (pinned === undefined || pinned === entry[kind]) continue;
        problems.push({
          definition: COMPILE_CODES.pinnedIdMismatch,
          code: p.code,
          pointer: `/${kind}`,
          message: `the ${kind} pinned here (${pinned}) differs from the lockfile's ${kind} of \`${p.code}\` (${entry[kind]}); ids never change once minted`,
          hint: `remove \`${kind}:\` from the YAML, or write ${entry[kind]}`,
          related: [{ in: 'lockfile', pointer: `/packages/${p.code}/${kind}`, message: `the lockfile's ${kind} of \`${p.code}\`` }],
        });
      }
      ids.set(p.code, { id: entry.id, uuid: entry.uuid, ulid: entry.ulid });
      continue;
    }

    let pinnedOk = true;
    for (const kind of ID_KINDS) {
      const pinned = p.pinned[kind];
      if (pinned === undefined) continue;
      const owner = owners.get(`${kind}:${pinned}`);
      if (owner === undefined) continue;
      pinnedOk = false;
      const ownerIsPackage = present.has(owner);
      problems.push({
        definition: COMPILE_CODES.pinnedIdTaken,
        code: p.code,
        pointer: `/${kind}`,
        message: `the ${kind} pinned here (${pinned}) already belongs to \`${owner}\`${ownerIsPackage ? '' : ' in the lockfile'}${entries.get(owner)?.removed ? ' (a removed package: its ids are never reused)' : ''}`,
        hint: `remove \`${kind}:\` to get a fresh one; to keep another package's ids after a rename, use \`previous_code\``,
        related: [
          ownerIsPackage
            ? { in: 'package', code: owner, pointer: `/${kind}`, message: `the ${kind} of \`${owner}\`` }
            : { in: 'lockfile', pointer: `/packages/${owner}/${kind}`, message: `the ${kind} of \`${owner}\`` },
        ],
      });
    }
    const successor = renamedTo.get(p.code);
    if (successor !== undefined) {
      problems.push({
        definition: COMPILE_CODES.renamedCodeReused,
        code: p.code,
        pointer: '/code',
        message: `\`${p.code}\` was renamed to \`${successor}\` with previous_code, and its ids went with it: this package gets new ids`,
        hint: `to undo the rename, write \`previous_code: ${successor}\` here and remove or recode \`${successor}\`; to keep new ids, nothing`,
        related: [{ in: 'lockfile', pointer: `/packages/${successor}/previous_codes`, message: `the ids of \`${p.code}\` now belong to \`${successor}\`` }],
      });
    }
    const minted = mintUnique(minter, owners);
    const fresh: PackageIds = {
      id: p.pinned.id ?? minted.id,
      uuid: p.pinned.uuid ?? minted.uuid,
      ulid: p.pinned.ulid ?? minted.ulid,
    };
    if (pinnedOk) for (const kind of ID_KINDS) owners.set(`${kind}:${fresh[kind]}`, p.code);
    entries.set(p.code, fresh);
    ids.set(p.code, fresh);
    changes.push({ kind: 'mint', code: p.code });
  }

  for (const [code, entry] of entries) {
    if (present.has(code) || entry.removed) continue;
    entries.set(code, { ...entry, removed: true });
    changes.push({ kind: 'tombstone', code });
  }

  changes.sort((a, b) => compareKeys(a.code, b.code));
  const next: Lockfile = {
    format_version: previous.format_version,
    packages: Object.fromEntries([...entries].sort(([a], [b]) => compareKeys(a, b))),
  };
  return { next, ids, changes, problems };
}

/** Fresh ids that collide with none in use (a collision is astronomically unlikely; this keeps it impossible). */
function mintUnique(minter: IdMinter, owners: ReadonlyMap<string, string>): PackageIds {
  for (let attempt = 0; attempt < 100; attempt++) {
    const ids = minter.mint();
    if (ID_KINDS.every((kind) => !owners.has(`${kind}:${ids[kind]}`))) return ids;
  }
  throw new Error('svcpkg: the id minter keeps returning ids already in use');
}
