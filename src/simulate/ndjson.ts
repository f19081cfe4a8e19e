// Reading NDJSON as a stream of lines (docs/simulation.md#report): chunks are split on newlines by hand, with one
// await per chunk rather than per line, so memory holds one chunk and one partial line however
// long the file is. A line longer than the cap is not accumulated: it is reported as overlong.
// `forEachValue` parses the lines too, a few dozen at a time (see PARSE_BATCH).
import { isAscii } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { IoError } from '../diagnostics/errors.js';
import { openFileSafely } from '../source/safe-file.js';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';

/** Longest line kept, in UTF-16 code units; longer ones are reported without their text. */
export const MAX_LINE_LENGTH = 1 << 20;

/**
 * Size of the chunks read from disk: about 1 MB, but under the 0xFBEE9 bytes above which Node
 * makes a decoded Latin-1 chunk an external string; V8 counts those as external memory pressure,
 * and a replay of a million events then ran three times as many full garbage collections.
 */
const CHUNK_SIZE = 1_000_000;

/** Receives lines: `text` is undefined for a line over the cap. Blank lines are skipped. */
export type LineHandler = (text: string | undefined, lineNumber: number) => void;

/** Receives parsed lines: `value` is undefined for a line that is not JSON or is over the cap. */
export type ValueHandler = (value: unknown, lineNumber: number) => void;

/**
 * Lines parsed before their values are handed on. Calling JSON.parse and the consumer (the
 * evaluator) alternately, line by line, makes each evict the other's working set from the CPU
 * caches; in batches of a few dozen lines the replay of `bench/evaluate.mjs` ran about 12% faster,
 * while memory still holds only a handful of events.
 */
const PARSE_BATCH = 64;

/**
 * Call `onLine` for every non-blank line of a text stream (without its line break; a `\r` before
 * it is left for JSON.parse to ignore), then `afterChunk` after each chunk — where a caller may
 * await, e.g. to flush its output. Resolves to the number of lines read.
 */
export async function forEachLine(
  chunks: AsyncIterable<string>,
  onLine: LineHandler,
  afterChunk?: () => Promise<void> | void,
): Promise<number> {
  let partial = '';
  let overlong = false;
  let lineNumber = 0;
  const emit = (text: string | undefined): void => {
    lineNumber++;
    if (text === undefined) onLine(undefined, lineNumber);
    else if (!isBlank(text)) onLine(text, lineNumber);
  };
  for await (const chunk of chunks) {
    let start = 0;
    let newline = chunk.indexOf('\n');
    while (newline !== -1) {
      if (overlong) emit(undefined);
      else emit(partial.length === 0 ? chunk.slice(start, newline) : partial + chunk.slice(start, newline));
      partial = '';
      overlong = false;
      start = newline + 1;
      newline = chunk.indexOf('\n', start);
    }
    if (!overlong) {
      partial = partial.length === 0 ? chunk.slice(start) : partial + chunk.slice(start);
      if (partial.length > MAX_LINE_LENGTH) {
        partial = '';
        overlong = true;
      }
    }
    if (afterChunk) await afterChunk();
  }
  if (overlong) emit(undefined);
  else if (partial.length > 0) emit(partial);
  return lineNumber;
}

/**
 * Call `onValue` with the JSON value of every non-blank line of a text stream, in order, with its
 * line number (`undefined` for a line that is not JSON or is over the cap), then `afterChunk`
 * after each chunk: every line of the chunk has been handed on by then. Resolves to the number
 * of lines read.
 */
export async function forEachValue(
  chunks: AsyncIterable<string>,
  onValue: ValueHandler,
  afterChunk?: () => Promise<void> | void,
): Promise<number> {
  const values: unknown[] = new Array(PARSE_BATCH).fill(undefined);
  const lineNumbers = new Float64Array(PARSE_BATCH);
  let pending = 0;
  const flush = (): void => {
    for (let i = 0; i < pending; i++) {
      const value = values[i];
      values[i] = undefined; // so handed-on events can die young
      onValue(value, lineNumbers[i]!);
    }
    pending = 0;
  };
  const lines = await forEachLine(
    chunks,
    (text, lineNumber) => {
      values[pending] = parseOrUndefined(text);
      lineNumbers[pending] = lineNumber;
      if (++pending === PARSE_BATCH) flush();
    },
    () => {
      flush();
      return afterChunk?.();
    },
  );
  flush();
  return lines;
}

/** The JSON value of a line, or undefined when it is not JSON or was over the length cap (an `invalid` event). */
export function parseOrUndefined(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Whether a line holds only spaces, tabs and carriage returns. */
function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/** The text chunks of a file, decompressed when its name ends in `.gz`. */
export function readTextChunks(file: string): AsyncIterable<string> {
  return openTextFile(file).chunks;
}

/** A text file being read: its chunks, and how far into the file (in bytes on disk) reading is. */
export interface TextFileReader {
  /** The text, chunk by chunk. */
  chunks: AsyncIterable<string>;
  /** Bytes read from the file so far (compressed bytes for `.gz`): progress against its size. */
  bytesRead(): number;
}

/**
 * Open a file for reading as text chunks, decompressed when its name ends in `.gz`. Opened through
 * the safe path: a FIFO, device or socket swapped in after the scenario was checked is refused
 * (IoError, exit 2), never waited on; size is not capped (event files are streamed).
 */
export function openTextFile(file: string): TextFileReader {
  const opened = openFileSafely(file, { maxBytes: Infinity });
  if (!opened.ok) throw new IoError(`cannot read the events file ${file}: ${opened.reason}`);
  const raw = createReadStream(file, { fd: opened.fd, highWaterMark: CHUNK_SIZE });
  const bytesRead = (): number => raw.bytesRead;
  if (!file.endsWith('.gz')) return { chunks: decodeUtf8(raw), bytesRead };
  const gunzip = createGunzip({ chunkSize: CHUNK_SIZE });
  // pipe() does not forward errors: a read error must reach the consumer too.
  raw.on('error', (error) => gunzip.destroy(error));
  return { chunks: decodeUtf8(raw.pipe(gunzip)), bytesRead };
}

/**
 * UTF-8 bytes as text, chunk by chunk, as `setEncoding('utf8')` gives them. A chunk of ASCII
 * bytes (usage events nearly always are) is copied as Latin-1, which is the same text and about
 * five times faster to make than through the UTF-8 decoder (which took a twelfth of a replay).
 * Other chunks go through a StringDecoder, which keeps a character cut at the end of a chunk for
 * the next one; so after such a chunk the next one goes through it too, even if it is ASCII.
 */
export async function* decodeUtf8(bytes: AsyncIterable<Buffer>): AsyncIterable<string> {
  const decoder = new StringDecoder('utf8');
  let decoderMayHoldBytes = false;
  for await (const chunk of bytes) {
    const ascii = isAscii(chunk);
    if (ascii && !decoderMayHoldBytes) {
      yield chunk.toString('latin1');
    } else {
      // After an ASCII chunk the decoder holds nothing: ASCII bytes either complete nothing or
      // end a cut character as invalid, and are whole characters themselves.
      decoderMayHoldBytes = !ascii;
      const text = decoder.write(chunk);
      if (text.length > 0) yield text;
    }
  }
  const rest = decoder.end();
  if (rest.length > 0) yield rest;
}
