// Diagnostic codes of the compile stage: the lockfile, stable ids and resolution (SP6xxx).
import { defineCodes } from '../diagnostics/registry.js';

/** The compile stage's codes, by the name used in code. */
export const COMPILE_CODES = defineCodes({
  lockfileSyntax: {
    code: 'SP6001',
    severity: 'error',
    title: 'Lockfile is not valid JSON',
    description:
      'svcpkg.lock.json could not be parsed (a bad hand edit, a truncated write, or an unresolved merge conflict). svcpkg never regenerates it silently: that would give every package new ids.',
    example: '{\n  "format_version": 1,\n  "packages": {\n<<<<<<< HEAD\n',
    fix: 'Repair the JSON at the position shown, or restore the file from git (`git checkout -- svcpkg.lock.json`). For a merge conflict, keep the entries of both sides.',
  },
  lockfileInvalid: {
    code: 'SP6002',
    severity: 'error',
    title: 'Lockfile does not match its schema',
    description:
      'svcpkg.lock.json parsed, but an entry is malformed (schemas/lockfile.schema.json): a missing or badly formed id, an unknown property, a code that is not a package code.',
    example: '{ "format_version": 1, "packages": { "meet-standard": { "id": "short" } } }',
    fix: 'Restore the entry from git; ids are minted by `svcpkg compile` and should not be edited by hand.',
  },
  lockfileDuplicateId: {
    code: 'SP6003',
    severity: 'error',
    title: 'Two lockfile entries share an id',
    description: 'An id, uuid or ulid appears under two package codes in svcpkg.lock.json, so it would no longer identify one package.',
    example: '"meet-standard": { "id": "a1B2c3D4e5F6g7H8", ... },\n"meet-premium": { "id": "a1B2c3D4e5F6g7H8", ... }',
    fix: 'Restore the file from git, or delete the wrong entry so the next compile mints fresh ids for it.',
  },
  lockfileNewer: {
    code: 'SP6004',
    severity: 'error',
    title: 'Lockfile from a newer svcpkg',
    description: "svcpkg.lock.json has a format_version this svcpkg does not know; it was written by a newer release.",
    example: '{ "format_version": 2, "packages": {} }',
    fix: 'Upgrade svcpkg to the version the rest of the team uses.',
  },
  lockfileOutdated: {
    code: 'SP6005',
    severity: 'error',
    title: 'Lockfile out of date (--locked)',
    description:
      'With --locked (CI, pre-commit) the lockfile must already hold every id: a new package, a rename, a re-added or a removed package would change it, so compile fails instead.',
    example: '# packages.d/new.yaml\ncode: meet-enterprise   # not in svcpkg.lock.json\n',
    fix: 'Run `svcpkg compile` without --locked and commit svcpkg.lock.json with the package change.',
  },
  pinnedIdMismatch: {
    code: 'SP6006',
    severity: 'error',
    title: 'Pinned id differs from the lockfile',
    description: 'The package pins an id, uuid or ulid in its YAML that differs from the one svcpkg.lock.json recorded for its code; ids never change once minted.',
    example: 'code: meet-standard\nid: Zz9Yy8Xx7Ww6Vv5U   # the lockfile says a1B2c3D4e5F6g7H8\n',
    fix: 'Remove the pinned id from the YAML, or write the lockfile\'s value.',
  },
  pinnedIdTaken: {
    code: 'SP6007',
    severity: 'error',
    title: 'Pinned id belongs to another package',
    description: 'The package pins an id, uuid or ulid that svcpkg.lock.json (or another package of this compile) already holds for another code, tombstones included.',
    example: 'code: meet-plus\nid: a1B2c3D4e5F6g7H8   # already the id of meet-standard\n',
    fix: 'Remove the pin to get fresh ids; to keep another package\'s ids after a rename, use `previous_code`.',
  },
  previousCodeUnknown: {
    code: 'SP6008',
    severity: 'warning',
    title: 'previous_code has no lockfile entry',
    description: 'previous_code names a code svcpkg.lock.json does not know, so there are no ids to carry over: the package gets new ids.',
    example: 'code: meet-basic\nprevious_code: meet-standrd\n',
    fix: 'Correct previous_code to the package\'s former code (the hint suggests one), or remove it.',
  },
  previousCodeConflict: {
    code: 'SP6009',
    severity: 'error',
    title: 'previous_code cannot take the ids',
    description:
      'previous_code names a code that is still the code of another package, or that another renamed package already claims: ids belong to one package only.',
    example: '# a.yaml\ncode: meet-basic\nprevious_code: meet-standard\n---\n# b.yaml\ncode: meet-standard\n',
    fix: 'Remove previous_code (the package gets new ids), or finish the rename by removing or recoding the other package.',
  },
  unresolvable: {
    code: 'SP6010',
    severity: 'error',
    title: 'Package cannot be resolved',
    description:
      'The compiler met a reference the catalog does not hold (a feature or provider type) while resolving a package. The checks normally report it first; this is a safety net so that no manifest is written with a hole in it.',
    example: 'features:\n  max_room: 10\n',
    fix: 'Correct the reference to a catalog entry.',
  },
  renamedCodeReused: {
    code: 'SP6011',
    severity: 'warning',
    title: 'Code was renamed away: new ids',
    description:
      'The package has a code that an earlier compile renamed away with previous_code: its ids went with the rename to another code (listed in that entry\'s previous_codes in svcpkg.lock.json), so this package gets fresh ids. That is right for a genuinely new package that reuses an old code, but a mistake when the rename was meant to be undone.',
    example: '# svcpkg.lock.json: "meet-basic": { ..., "previous_codes": ["meet-standard"] }\ncode: meet-standard\n',
    fix: 'To keep the fresh ids, nothing (or rename the package so the old code stays retired). To undo the rename, give this package `previous_code:` naming the code the ids went to, and remove or recode that package.',
  },
});
