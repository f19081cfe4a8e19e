// The result cache's files in .svcpkg-cache/: check.v2.bin (each file's text hash, diagnostics and
// package count), packages.v1.bin (each file's packages, read only by a run that needs them: not
// by a validate of an unchanged repository) and across.v1.bin (the rules across packages). Each is
// a one-line JSON header (format, key, checksum of the rest), then its payload serialised by v8 —
// the structured clone worker threads use, so values come back exactly (`.nan`, `.inf`, `-0`
// included) and a package's raw and well-typed views, which share their nested objects, are
// stored once. For 10,000 packages the packages are 14 MB read back in ~85 ms (20 MB and ~120 ms
// as JSON), plus as much again in garbage collection: most runs now skip them.
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { MAX_MACHINE_FILE_SIZE, readFileSafely } from '../source/safe-file.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { PlainPackage, PlainResult } from './plain.js';

/** The cache file's name inside the cache folder; its version changes with the format. */
export const RESULT_CACHE_FILE = 'check.v2.bin';

/** The file of each file's packages, beside it. */
export const PACKAGES_CACHE_FILE = 'packages.v1.bin';

/** Names earlier formats used: removed when the cache is written, so they do not linger. */
export const LEGACY_CACHE_FILES: readonly string[] = ['check.v1.bin'];

/**
 * The file of the rules across packages' diagnostics, for the exact set of files (paths and text
 * hashes, in order) of the last run: reused when no file changed (docs/decisions.md).
 */
export const ACROSS_CACHE_FILE = 'across.v1.bin';

const FORMAT = 'svcpkg-check-cache/2';
const PACKAGES_FORMAT = 'svcpkg-packages-cache/1';
const ACROSS_FORMAT = 'svcpkg-across-cache/1';

/** One stored result, without its packages. */
export interface CacheEntry {
  /** Hash of the text the file was checked with. */
  hash: string;
  /** The file's result. */
  result: CachedResult;
}

/** What a check of one file found, but its packages (they are in the packages file). */
export type CachedResult = PlainResult;

/** One file's packages, as stored. */
export interface PackagesEntry {
  /** Display path. */
  file: string;
  /** Hash of the text they were read from. */
  hash: string;
  /** The packages. */
  packages: PlainPackage[];
}

interface Header {
  format: string;
  key: string;
  checksum: string;
}

/**
 * The entries of the cache file, when it is intact and was written under `key`. Anything else —
 * missing, truncated, corrupt, foreign, another format or key — reads as undefined, never an error.
 */
export function readCacheFile(file: string, key: string): CacheEntry[] | undefined {
  const entries = readPayload(file, FORMAT, key);
  return Array.isArray(entries) && entries.every(isEntry) ? entries : undefined;
}

/** The stored packages of every file, when the file is intact and was written under `key`. */
export function readPackagesFile(file: string, key: string): PackagesEntry[] | undefined {
  const entries = readPayload(file, PACKAGES_FORMAT, key);
  return Array.isArray(entries) && entries.every(isPackagesEntry) ? entries : undefined;
}

/** Write every file's packages under `key` (as writeCacheFile). */
export function writePackagesFile(file: string, key: string, entries: readonly PackagesEntry[]): void {
  writePayload(file, PACKAGES_FORMAT, key, entries);
}

/** The stored diagnostics of the rules across packages, when the file is intact and was written under `key`. */
export function readAcrossFile(file: string, key: string): Diagnostic[] | undefined {
  const diagnostics = readPayload(file, ACROSS_FORMAT, key);
  return Array.isArray(diagnostics) && diagnostics.every(isDiagnostic) ? (diagnostics as Diagnostic[]) : undefined;
}

/** Write the diagnostics of the rules across packages under `key` (as writeCacheFile). */
export function writeAcrossFile(file: string, key: string, diagnostics: readonly Diagnostic[]): void {
  writePayload(file, ACROSS_FORMAT, key, diagnostics);
}

/** The deserialised payload of a cache file of `format` written under `key`, or undefined. */
function readPayload(file: string, format: string, key: string): unknown {
  try {
    // The safe path: a cache file that is a FIFO, a device or a link out of its folder is not read.
    const read = readFileSafely(file, { maxBytes: MAX_MACHINE_FILE_SIZE, root: path.dirname(file) });
    if (!read.ok) return undefined;
    const bytes = read.bytes;
    const newline = bytes.indexOf(0x0a);
    if (newline < 0) return undefined;
    const header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as Partial<Header> | null;
    if (header?.format !== format || header.key !== key) return undefined;
    // The checksum catches what deserialising alone would not: a changed letter, a flipped digit.
    const payload = bytes.subarray(newline + 1);
    if (header.checksum !== checksum(payload)) return undefined;
    return deserialize(payload) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Write the cache file atomically (temporary file, then rename), so a reader never sees half of
 * one. A cache that cannot be written only costs speed next time.
 */
export function writeCacheFile(file: string, key: string, entries: readonly CacheEntry[]): void {
  writePayload(file, FORMAT, key, entries);
}

function writePayload(file: string, format: string, key: string, value: unknown): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const payload = serialize(value);
    const header: Header = { format, key, checksum: checksum(payload) };
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temporary, Buffer.concat([Buffer.from(JSON.stringify(header) + '\n'), payload]));
    renameSync(temporary, file);
  } catch {
    // A read-only repository, a full disk: leave no temporary file behind, and carry on.
    try {
      rmSync(temporary, { force: true });
    } catch {
      // The folder itself is unusable: there is no temporary file either.
    }
  }
}

function checksum(payload: Uint8Array): string {
  return createHash('sha256').update(payload).digest('base64');
}

// The shape read back is checked before use: a cache never crashes a run.
function isEntry(value: unknown): value is CacheEntry {
  if (!isObject(value) || typeof value['hash'] !== 'string' || !isObject(value['result'])) return false;
  const result = value['result'];
  return (
    typeof result['file'] === 'string' &&
    Array.isArray(result['diagnostics']) &&
    result['diagnostics'].every(isDiagnostic) &&
    typeof result['fastPath'] === 'boolean' &&
    Number.isInteger(result['packageCount']) &&
    (result['packageCount'] as number) >= 0
  );
}

function isPackagesEntry(value: unknown): value is PackagesEntry {
  return isObject(value) && typeof value['file'] === 'string' && typeof value['hash'] === 'string' && Array.isArray(value['packages']) && value['packages'].every(isPackage);
}

function isDiagnostic(value: unknown): boolean {
  return (
    isObject(value) &&
    ['code', 'severity', 'message', 'file', 'path'].every((k) => typeof value[k] === 'string') &&
    ['line', 'column', 'end_line', 'end_column'].every((k) => typeof value[k] === 'number')
  );
}

function isPackage(value: unknown): boolean {
  return (
    isObject(value) &&
    Number.isInteger(value['index']) &&
    isObject(value['raw']) &&
    isObject(value['pkg']) &&
    typeof value['schemaValid'] === 'boolean'
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
