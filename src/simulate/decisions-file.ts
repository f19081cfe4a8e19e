// `--decisions FILE` (docs/simulation.md#report): one NDJSON line per event with its ids and decision. Written to
// a temporary file beside the target and renamed at the end, so a failed run leaves no partial file.
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Decision, UsageEvent } from '../evaluate/decision.js';
import { isoOf } from '../evaluate/report.js';

/** Flush once this many characters are buffered. */
const FLUSH_AT = 1 << 20;

/** An instant as ISO text, or null for an unbounded window side. */
function instant(ms: number): string | null {
  return Number.isFinite(ms) ? isoOf(ms) : null;
}

/** A string id of the event, or null. */
function idOf(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/**
 * The decisions-file line of one event. `line` is the event's line in the NDJSON file (or its
 * 1-based position in an inline list); `timestamp` is the parsed instant, when valid.
 */
export function decisionLine(event: UsageEvent | null | undefined, decision: Decision, line: number): string {
  const ids = typeof event === 'object' && event !== null ? event : {};
  return JSON.stringify({
    line,
    transaction_id: idOf(ids.transaction_id),
    external_subscription_id: idOf(ids.external_subscription_id),
    code: idOf(ids.code),
    timestamp: decision.at === undefined ? null : isoOf(decision.at),
    decision: decision.decision,
    reason: decision.reason,
    level: decision.level,
    usage_before: decision.usage_before,
    usage_after: decision.usage_after,
    limit: decision.limit,
    window: decision.window === undefined ? undefined : { start: instant(decision.window.start), end: instant(decision.window.end) },
    // Overage decisions: the units the event adds to the overage (docs/revenue.md).
    overage_units: decision.overage_units,
  });
}

/** A decisions file being written. */
export class DecisionsWriter {
  private buffer: string[] = [];
  private buffered = 0;

  private constructor(
    private readonly handle: FileHandle,
    private readonly temporary: string,
    private readonly target: string,
  ) {}

  /** Start writing `target` (through a temporary file beside it). */
  static async create(target: string): Promise<DecisionsWriter> {
    const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
    return new DecisionsWriter(await open(temporary, 'w'), temporary, target);
  }

  /** Queue one line (without its newline). */
  add(line: string): void {
    this.buffer.push(line);
    this.buffered += line.length + 1;
  }

  /** Write the queued lines when enough are waiting (or always, with `force`). */
  async flush(force = false): Promise<void> {
    if (this.buffered === 0 || (!force && this.buffered < FLUSH_AT)) return;
    const text = this.buffer.join('\n') + '\n';
    this.buffer = [];
    this.buffered = 0;
    await this.handle.write(text);
  }

  /** Finish: flush, close, and move the file into place. */
  async commit(): Promise<void> {
    await this.flush(true);
    await this.handle.close();
    await rename(this.temporary, this.target);
  }

  /** Give up: close and remove the temporary file. */
  async abort(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await rm(this.temporary, { force: true });
  }
}
