// A JSON report streamed to stdout (simulate, merge): written section by section, since one string
// of a large report exceeds V8's string limit (src/simulate/report-writer.ts).
import { IoError } from '../diagnostics/errors.js';
import { writeJson } from '../simulate/report-writer.js';
import type { CommandIO } from './io.js';

/**
 * Write `value` to stdout as JSON. A reader that stopped early (`| head`) is not a failure; any
 * other write error (a full disk) is an I/O error naming `what` was being written.
 */
export async function writeJsonReport(value: unknown, io: CommandIO, what: string): Promise<void> {
  try {
    await writeJson(value, io.stdout);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') return;
    throw new IoError(`cannot write ${what}: ${(error as Error).message}`);
  }
}
