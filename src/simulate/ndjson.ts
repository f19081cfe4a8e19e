// Reading NDJSON as a stream of lines (SPEC §8.8): chunks are split on newlines by hand, with one
// await per chunk rather than per line, so memory holds one chunk and one partial line however
// long the file is. A line longer than the cap is not accumulated: it is reported as overlong.
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';

/** Longest line kept, in UTF-16 code units; longer ones are reported without their text. */
export const MAX_LINE_LENGTH = 1 << 20;

/** Size of the chunks read from disk. */
const CHUNK_SIZE = 1 << 20;

/** Receives lines: `text` is undefined for a line over the cap. Blank lines are skipped. */
export type LineHandler = (text: string | undefined, lineNumber: number) => void;

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

/** Open a file for reading as text chunks, decompressed when its name ends in `.gz`. */
export function openTextFile(file: string): TextFileReader {
  const raw = createReadStream(file, { highWaterMark: CHUNK_SIZE });
  const bytesRead = (): number => raw.bytesRead;
  if (!file.endsWith('.gz')) return { chunks: raw.setEncoding('utf8'), bytesRead };
  const gunzip = createGunzip({ chunkSize: CHUNK_SIZE });
  // pipe() does not forward errors: a read error must reach the consumer too.
  raw.on('error', (error) => gunzip.destroy(error));
  return { chunks: raw.pipe(gunzip).setEncoding('utf8'), bytesRead };
}
