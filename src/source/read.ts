// Reading one file as text: the safe read of safe-file.ts, then UTF-8 check and BOM removal. Never throws.
import { lstatSync } from 'node:fs';
import path from 'node:path';
import { diagnosticOf } from '../diagnostics/collector.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { FILE_START } from '../diagnostics/diagnostic.js';
import { SOURCE_CODES } from './codes.js';
import { LineIndex } from './position.js';
import { readFileSafely } from './safe-file.js';

/** Default largest file read: 1 MiB (docs/packages.md#broken-and-hostile-input). */
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

/** The text of a file, or the diagnostics explaining why it has none. */
export interface ReadResult {
  /** Decoded text without a byte-order mark; undefined when the file could not be used. */
  text?: string;
  /** Problems found reading it. */
  diagnostics: Diagnostic[];
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lossyDecoder = new TextDecoder('utf-8');

/** Read a file as UTF-8 text, refusing oversize files and invalid bytes with located diagnostics. */
export async function readSourceText(absolutePath: string, displayPath: string, maxBytes = DEFAULT_MAX_FILE_SIZE, root?: string): Promise<ReadResult> {
  return readSourceTextSync(absolutePath, displayPath, maxBytes, root);
}

/**
 * The synchronous form: for thousands of small files, one lstat/open/fstat/read/close each is
 * several times faster than the promise API. Every package, catalog and scenario file goes
 * through `readFileSafely` here: regular files only, inside `root` when given, size-capped.
 */
export function readSourceTextSync(absolutePath: string, displayPath: string, maxBytes = DEFAULT_MAX_FILE_SIZE, root?: string): ReadResult {
  const read = readFileSafely(absolutePath, { maxBytes, root });
  if (read.ok) {
    const decoded = decodeSourceBytes(read.bytes, displayPath);
    // Invalid UTF-8 still gets a frame (with U+FFFD where the bad bytes were), as before.
    textsRead.set(path.resolve(absolutePath), decoded.text ?? lossyDecoder.decode(read.bytes));
    return decoded;
  }
  textsRead.delete(path.resolve(absolutePath)); // a refused file has no frame
  const code = read.kind === 'tooLarge' ? SOURCE_CODES.tooLarge : read.kind === 'symlinkOutside' ? SOURCE_CODES.symlinkOutside : SOURCE_CODES.unreadable;
  const hint =
    read.kind === 'tooLarge'
      ? 'split it into several files, or raise `max_file_size` in svcpkg.config.yaml'
      : read.kind === 'symlinkOutside'
        ? 'copy the file into the packages folder, or point the link inside it'
        : undefined;
  return {
    diagnostics: [diagnosticOf(code, { ...FILE_START, file: displayPath, path: '' }, read.reason, { hint })],
  };
}

/**
 * The last text read from each file in this process: a code frame shows the text that was parsed,
 * not whatever the path holds when the diagnostics are printed. Bounded by the input folder.
 */
const textsRead = new Map<string, string>();

/**
 * The text of a file for a code frame when the caller has not passed the parsed text: the text
 * read through `readSourceTextSync` when there was one; otherwise (files read elsewhere, such as
 * the lockfile) only a regular file that is not a link, under the size cap. A refused file has no frame.
 */
export function readFrameText(absolutePath: string, maxBytes = DEFAULT_MAX_FILE_SIZE): string | undefined {
  const known = textsRead.get(path.resolve(absolutePath));
  if (known !== undefined) return known;
  try {
    if (lstatSync(absolutePath).isSymbolicLink()) return undefined;
  } catch {
    return undefined;
  }
  const read = readFileSafely(absolutePath, { maxBytes });
  return read.ok ? lossyDecoder.decode(read.bytes) : undefined;
}

/** Decode bytes as UTF-8 (a BOM is accepted and dropped); invalid bytes give a diagnostic at the first one. */
export function decodeSourceBytes(bytes: Uint8Array, displayPath: string): ReadResult {
  try {
    // TextDecoder with ignoreBOM: false strips a leading BOM for us.
    return { text: decoder.decode(bytes), diagnostics: [] };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    // Locate by decoding the valid prefix: its length in UTF-16 units is the column source.
    const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
    const span = new LineIndex(prefix).span(prefix.length, prefix.length + 1);
    return {
      diagnostics: [
        diagnosticOf(SOURCE_CODES.notUtf8, { ...span, file: displayPath, path: '' }, `byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0').toUpperCase()} at offset ${offset} is not valid UTF-8`, {
          hint: 'save the file as UTF-8',
        }),
      ],
    };
  }
}

/** Offset of the first byte that starts an invalid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    let extra: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      extra = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      extra = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      extra = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let cp = b & (0x3f >> extra);
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += extra + 1;
  }
  return bytes.length;
}
